import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findVisibleEvent } from '@ticketing/catalog';
import { forbidden, notFound, type Principal, requireRole, Role } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { mayPullRevocations } from '../domain/ticket-access';
import { listTicketRevocations, type RevocationFeed } from './ticket-revocation.queries';

export class ListTicketRevocationsQuery extends Query<RevocationFeed> {
  constructor(
    readonly eventId: string,
    readonly page: { after: number; first: number },
    readonly viewer: Principal | null,
  ) {
    super();
  }
}

@QueryHandler(ListTicketRevocationsQuery)
export class ListTicketRevocationsHandler implements IQueryHandler<ListTicketRevocationsQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  async execute({ eventId, page, viewer }: ListTicketRevocationsQuery): Promise<RevocationFeed> {
    const caller = requireRole(viewer, Role.SCANNER, Role.ORGANIZER, Role.ADMIN);
    const event = await findVisibleEvent(this.db, eventId, caller);
    if (!event) throw notFound('Event', eventId);
    if (!mayPullRevocations(event, caller)) {
      throw forbidden("Only door staff, admins and the event's organizer may pull its revocations");
    }
    return listTicketRevocations(this.db, eventId, page);
  }
}
