import { registerEnumType } from '@nestjs/graphql';
import { EventFormat } from '../domain/event-details';
import { EventStatus } from '../domain/event.decider';

registerEnumType(EventFormat, {
  name: 'EventFormat',
  description:
    'Where attendees take part. IN_PERSON and HYBRID events have a venue; ONLINE events have none.',
});

registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'DRAFT events are seen only by their organizer and admins; CANCELLED is final.',
});

// Types and inputs import the enums from here, so they are registered wherever the schema uses them.
export { EventFormat, EventStatus };
