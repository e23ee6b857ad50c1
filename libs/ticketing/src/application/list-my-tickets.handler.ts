import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type Principal, requirePrincipal } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { listHolderTickets, type TicketConnection, type TicketsPage } from './ticket.queries';

export class ListMyTicketsQuery extends Query<TicketConnection> {
  constructor(
    readonly page: TicketsPage,
    readonly viewer: Principal | null,
  ) {
    super();
  }
}

/**
 * Tickets held by the caller's account. Not those merely addressed to their e-mail: accounts do not prove they own
 * their address, so matching by it would show a stranger's tickets to whoever signed up with it first.
 */
@QueryHandler(ListMyTicketsQuery)
export class ListMyTicketsHandler implements IQueryHandler<ListMyTicketsQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  execute({ page, viewer }: ListMyTicketsQuery): Promise<TicketConnection> {
    const { userId } = requirePrincipal(viewer);
    return listHolderTickets(this.db, { userId }, page);
  }
}
