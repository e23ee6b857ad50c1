import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findVisibleEvent } from '@ticketing/catalog';
import { forbidden, notFound, type Principal, requirePrincipal } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { mayListEventTickets } from '../domain/ticket-access';
import {
  type EventTicketsFilter,
  listEventTickets,
  type TicketConnection,
  type TicketsPage,
} from './ticket.queries';

export class ListEventTicketsQuery extends Query<TicketConnection> {
  constructor(
    readonly eventId: string,
    readonly filter: EventTicketsFilter,
    readonly page: TicketsPage,
    readonly viewer: Principal | null,
  ) {
    super();
  }
}

/** As the catalog answers: NOT_FOUND for an event the caller may not see, FORBIDDEN for one they do not manage. */
@QueryHandler(ListEventTicketsQuery)
export class ListEventTicketsHandler implements IQueryHandler<ListEventTicketsQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  async execute({ eventId, filter, page, viewer }: ListEventTicketsQuery): Promise<TicketConnection> {
    const caller = requirePrincipal(viewer);
    const event = await findVisibleEvent(this.db, eventId, caller);
    if (!event) throw notFound('Event', eventId);
    if (!mayListEventTickets(event, caller)) {
      throw forbidden("Only the event's organizer or an admin may list its tickets");
    }
    return listEventTickets(this.db, eventId, filter, page);
  }
}
