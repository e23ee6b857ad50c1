import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type Principal, requirePrincipal } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { type BookingConnection, type BookingsPage, listBuyerBookings } from './booking.queries';

export class ListMyBookingsQuery extends Query<BookingConnection> {
  constructor(
    readonly page: BookingsPage,
    readonly viewer: Principal | null,
  ) {
    super();
  }
}

/**
 * The bookings the caller's account placed. Not a guest's bookings made with the same e-mail: accounts do not prove
 * they own their address, so matching by it would show a stranger's bookings.
 */
@QueryHandler(ListMyBookingsQuery)
export class ListMyBookingsHandler implements IQueryHandler<ListMyBookingsQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  execute({ page, viewer }: ListMyBookingsQuery): Promise<BookingConnection> {
    const { userId } = requirePrincipal(viewer);
    return listBuyerBookings(this.db, userId, page);
  }
}
