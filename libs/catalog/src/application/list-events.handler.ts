import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/event.decider';
import { type EventConnection, type EventsFilter, type EventsPage, listVisibleEvents } from './event.queries';

export class ListEventsQuery extends Query<EventConnection> {
  constructor(
    readonly filter: EventsFilter,
    readonly page: EventsPage,
    readonly viewer: Actor | null,
  ) {
    super();
  }
}

@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  execute({ filter, page, viewer }: ListEventsQuery): Promise<EventConnection> {
    return listVisibleEvents(this.db, filter, page, viewer);
  }
}
