import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@ticketing/platform';
import { notFound } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { TicketTypeView } from './ticket-type-view';
import { listVisibleTicketTypes, type TicketTypeViewer } from './ticket-type.queries';

export class ListTicketTypesQuery extends Query<TicketTypeView[]> {
  constructor(
    readonly eventId: string,
    readonly viewer: TicketTypeViewer,
  ) {
    super();
  }
}

/** An event the viewer may not see is NOT_FOUND; one they may see lists the ticket types shown to them now. */
@QueryHandler(ListTicketTypesQuery)
export class ListTicketTypesHandler implements IQueryHandler<ListTicketTypesQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async execute({ eventId, viewer }: ListTicketTypesQuery): Promise<TicketTypeView[]> {
    const ticketTypes = await listVisibleTicketTypes(this.db, eventId, viewer, this.clock.now());
    if (!ticketTypes) throw notFound('Event', eventId);
    return ticketTypes;
  }
}
