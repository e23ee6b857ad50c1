import { Module } from '@nestjs/common';
import { CancelEventHandler } from './application/cancel-event.handler';
import { CreateAccessCodeHandler } from './application/create-access-code.handler';
import { CreateEventHandler } from './application/create-event.handler';
import { CreateTicketTypeHandler } from './application/create-ticket-type.handler';
import { DeleteTicketTypeHandler } from './application/delete-ticket-type.handler';
import { GetAccessCodeHandler } from './application/get-access-code.handler';
import { GetEventHandler } from './application/get-event.handler';
import { GetTicketTypeHandler } from './application/get-ticket-type.handler';
import { ListEventsHandler } from './application/list-events.handler';
import { ListTicketTypesHandler } from './application/list-ticket-types.handler';
import { PublishEventHandler } from './application/publish-event.handler';
import { UpdateEventHandler } from './application/update-event.handler';
import { UpdatePublishedTicketTypeHandler } from './application/update-published-ticket-type.handler';
import { UpdateTicketTypeCapacityHandler } from './application/update-ticket-type-capacity.handler';
import { UpdateTicketTypeSalesWindowHandler } from './application/update-ticket-type-sales-window.handler';
import { UpdateTicketTypeStatusHandler } from './application/update-ticket-type-status.handler';
import { UpdateTicketTypeHandler } from './application/update-ticket-type.handler';
import { AccessCodeResolver } from './graphql/access-code.resolver';
import { EventEditingResolver } from './graphql/event-editing.resolver';
import { EventLifecycleResolver } from './graphql/event-lifecycle.resolver';
import { EventQueryResolver } from './graphql/event-query.resolver';
import { PublishedTicketTypeResolver } from './graphql/published-ticket-type.resolver';
import { TicketTypeEditingResolver } from './graphql/ticket-type-editing.resolver';
import { TicketTypeLifecycleResolver } from './graphql/ticket-type-lifecycle.resolver';
import { TicketTypeQueryResolver } from './graphql/ticket-type-query.resolver';
import { TicketTypeSalesResolver } from './graphql/ticket-type-sales.resolver';

export const catalogHandlers = [
  CreateEventHandler,
  UpdateEventHandler,
  PublishEventHandler,
  CancelEventHandler,
  GetEventHandler,
  ListEventsHandler,
  CreateTicketTypeHandler,
  UpdateTicketTypeHandler,
  UpdatePublishedTicketTypeHandler,
  UpdateTicketTypeCapacityHandler,
  UpdateTicketTypeStatusHandler,
  UpdateTicketTypeSalesWindowHandler,
  DeleteTicketTypeHandler,
  CreateAccessCodeHandler,
  GetTicketTypeHandler,
  ListTicketTypesHandler,
  GetAccessCodeHandler,
];

export const catalogResolvers = [
  EventQueryResolver,
  EventEditingResolver,
  EventLifecycleResolver,
  TicketTypeQueryResolver,
  TicketTypeEditingResolver,
  PublishedTicketTypeResolver,
  TicketTypeLifecycleResolver,
  TicketTypeSalesResolver,
  AccessCodeResolver,
];

/** Events, their ticket types and inventory. Needs the global infrastructure providers (event store, read db, clock). */
@Module({ providers: [...catalogHandlers, ...catalogResolvers] })
export class CatalogModule {}
