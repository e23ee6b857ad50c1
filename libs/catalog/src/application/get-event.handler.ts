import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/event.decider';
import { type EventView, findVisibleEvent } from './event.queries';

export class GetEventQuery extends Query<EventView> {
  constructor(
    readonly eventId: string,
    readonly viewer: Actor | null,
  ) {
    super();
  }
}

/** An event the viewer may not see is NOT_FOUND, exactly as one that does not exist. */
@QueryHandler(GetEventQuery)
export class GetEventHandler implements IQueryHandler<GetEventQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  async execute({ eventId, viewer }: GetEventQuery): Promise<EventView> {
    const event = await findVisibleEvent(this.db, eventId, viewer);
    if (!event) throw notFound('Event', eventId);
    return event;
  }
}
