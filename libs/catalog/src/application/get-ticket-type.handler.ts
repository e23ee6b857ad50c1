import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@ticketing/platform';
import { notFound } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { TicketTypeView } from './ticket-type-view';
import { findVisibleTicketType, type TicketTypeViewer } from './ticket-type.queries';

export class GetTicketTypeQuery extends Query<TicketTypeView> {
  constructor(
    readonly ticketTypeId: string,
    readonly viewer: TicketTypeViewer,
  ) {
    super();
  }
}

/** A ticket type hidden from the viewer right now is NOT_FOUND, exactly as one that does not exist. */
@QueryHandler(GetTicketTypeQuery)
export class GetTicketTypeHandler implements IQueryHandler<GetTicketTypeQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async execute({ ticketTypeId, viewer }: GetTicketTypeQuery): Promise<TicketTypeView> {
    const ticketType = await findVisibleTicketType(this.db, ticketTypeId, viewer, this.clock.now());
    if (!ticketType) throw notFound('Ticket type', ticketTypeId);
    return ticketType;
  }
}
