import { Module } from '@nestjs/common';
import { CancelEventHandler } from './application/cancel-event.handler';
import { CreateEventHandler } from './application/create-event.handler';
import { GetEventHandler } from './application/get-event.handler';
import { ListEventsHandler } from './application/list-events.handler';
import { PublishEventHandler } from './application/publish-event.handler';
import { UpdateEventHandler } from './application/update-event.handler';
import { EventEditingResolver } from './graphql/event-editing.resolver';
import { EventLifecycleResolver } from './graphql/event-lifecycle.resolver';
import { EventQueryResolver } from './graphql/event-query.resolver';

export const catalogHandlers = [
  CreateEventHandler,
  UpdateEventHandler,
  PublishEventHandler,
  CancelEventHandler,
  GetEventHandler,
  ListEventsHandler,
];

/** Events and, later, their ticket types. Needs the global infrastructure providers (event store, read db, clock). */
@Module({
  providers: [...catalogHandlers, EventQueryResolver, EventEditingResolver, EventLifecycleResolver],
})
export class CatalogModule {}
