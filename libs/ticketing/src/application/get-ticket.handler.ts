import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findVisibleEvent } from '@ticketing/catalog';
import { notFound, type Principal, requirePrincipal } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { isTicketVisibleTo } from '../domain/ticket-access';
import { findTicketById, type TicketView } from './ticket.queries';

export class GetTicketQuery extends Query<TicketView> {
  constructor(
    readonly ticketId: string,
    readonly viewer: Principal | null,
  ) {
    super();
  }
}

/** A ticket the viewer may not see is NOT_FOUND, exactly as one that does not exist. */
@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  async execute({ ticketId, viewer }: GetTicketQuery): Promise<TicketView> {
    const caller = requirePrincipal(viewer);
    const ticket = await findTicketById(this.db, ticketId);
    const event = ticket && (await findVisibleEvent(this.db, ticket.eventId, caller));
    const holderUserId = ticket?.holder?.userId ?? null;
    if (!ticket || !isTicketVisibleTo({ holderUserId, organizerId: event?.organizerId ?? null }, caller)) {
      throw notFound('Ticket', ticketId);
    }
    return ticket;
  }
}
