import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findVisibleEvent } from '@ticketing/catalog';
import { APP_CONFIG, type AppConfig, Clock, type SigningKey } from '@ticketing/platform';
import { notFound, type Principal } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { isBookingReadableBy } from '../domain/booking/booking-access';
import { BOOKING_ACCESS_KEY, verifyBookingAccessToken } from './booking-access-token';
import { type BookingRecordView, findBookingById } from './booking.queries';

export class GetBookingQuery extends Query<BookingRecordView> {
  constructor(
    readonly bookingId: string,
    /** A guest's key to the booking, as `placeBooking` returned it. */
    readonly accessToken: string | null,
    readonly viewer: Principal | null,
  ) {
    super();
  }
}

/** A booking the caller may not read is NOT_FOUND, exactly as one that does not exist. */
@QueryHandler(GetBookingQuery)
export class GetBookingHandler implements IQueryHandler<GetBookingQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    @Inject(BOOKING_ACCESS_KEY) private readonly accessKey: SigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute({ bookingId, accessToken, viewer }: GetBookingQuery): Promise<BookingRecordView> {
    const tokenBookingId =
      accessToken === null
        ? null
        : await verifyBookingAccessToken(
            this.accessKey,
            this.config.auth.issuer,
            accessToken,
            this.clock.now(),
          );
    const booking = await findBookingById(this.db, bookingId);
    const event = booking && viewer && (await findVisibleEvent(this.db, booking.eventId, viewer));
    const organizerId = event ? event.organizerId : null;
    if (!booking || !isBookingReadableBy({ ...booking, organizerId }, { viewer, tokenBookingId })) {
      throw notFound('Booking', bookingId);
    }
    return booking;
  }
}
