import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findVisibleEvent } from '@ticketing/catalog';
import { notFound, type Principal, requireRole, Role } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { mayListEventBookings } from '../domain/booking/booking-access';
import type { BookingStatus } from '../domain/booking/booking-status';
import { type BookingConnection, type BookingsPage, listEventBookings } from './booking.queries';

export class ListEventBookingsQuery extends Query<BookingConnection> {
  constructor(
    readonly eventId: string,
    readonly status: BookingStatus | null,
    readonly page: BookingsPage,
    readonly viewer: Principal | null,
  ) {
    super();
  }
}

/**
 * Customers are FORBIDDEN outright; another organizer's event is NOT_FOUND, so organizers cannot learn which event
 * ids exist beyond the published ones.
 */
@QueryHandler(ListEventBookingsQuery)
export class ListEventBookingsHandler implements IQueryHandler<ListEventBookingsQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  async execute({ eventId, status, page, viewer }: ListEventBookingsQuery): Promise<BookingConnection> {
    const caller = requireRole(viewer, Role.ORGANIZER, Role.ADMIN);
    const event = await findVisibleEvent(this.db, eventId, caller);
    if (!event || !mayListEventBookings(event, caller)) throw notFound('Event', eventId);
    return listEventBookings(this.db, eventId, status, page);
  }
}
