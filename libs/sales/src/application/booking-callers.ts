import { Inject, Injectable } from '@nestjs/common';
import { findVisibleEvent } from '@ticketing/catalog';
import { APP_CONFIG, type AppConfig, Clock, type SigningKey } from '@ticketing/platform';
import { type Principal, Role } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { BookingState } from '../domain/booking/booking.state';
import { BOOKING_ACCESS_KEY, verifyBookingAccessToken } from './booking-access-token';

/** How a caller stands to a booking: its event's staff (organizer, admin), its buyer, or nobody to it. */
export type BookingRelation = 'STAFF' | 'BUYER' | null;

/**
 * Tells who is asking about a booking: the signed-in buyer or a guest holding the booking's access token is its
 * buyer; the event's organizer and admins are its staff. Callers with no relation are answered NOT_FOUND by the
 * handlers, so booking ids cannot be probed.
 */
@Injectable()
export class BookingCallers {
  constructor(
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    @Inject(BOOKING_ACCESS_KEY) private readonly accessKey: SigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async relationOf(
    booking: BookingState,
    principal: Principal | null,
    accessToken: string | null,
  ): Promise<BookingRelation> {
    if (principal?.role === Role.ADMIN) return 'STAFF';
    if (principal?.role === Role.ORGANIZER) {
      const event = await findVisibleEvent(this.db, booking.reference.eventId, principal);
      if (event?.organizerId === principal.userId) return 'STAFF';
    }
    const { buyer } = booking;
    if (buyer.kind === 'CUSTOMER' && principal && buyer.userId === principal.userId) return 'BUYER';
    if (accessToken === null) return null;
    const subject = await verifyBookingAccessToken(
      this.accessKey,
      this.config.auth.issuer,
      accessToken,
      this.clock.now(),
    );
    return subject === booking.reference.bookingId ? 'BUYER' : null;
  }
}
