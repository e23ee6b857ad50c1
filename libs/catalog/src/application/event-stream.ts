import { streamName } from '@ticketing/event-store';

/** `event-<id>`: the name the admin CLI's history command and EventStoreDB users look for. */
export const eventStream = (eventId: string) => streamName('event', eventId);
