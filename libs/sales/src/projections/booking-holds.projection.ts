import type { Recorded } from '@ticketing/event-store';
import { applyInRuns, type Database, type Projection } from '@ticketing/read-store';
import type { Transaction } from 'kysely';
import { BookingStatus } from '../domain/booking/booking-status';
import type {
  BookingCancelled,
  BookingConfirmed,
  BookingExpired,
  BookingHoldReleased,
  BookingPaymentFailed,
  BookingPlaced,
} from '../domain/booking/booking.events';
import { ReleaseReason } from '../domain/release-reason';

/** A booking stopped waiting for its payment: its hold is to be given back. */
type HoldEndingEvent = BookingExpired | BookingPaymentFailed | BookingCancelled;
type HoldEvent = BookingPlaced | BookingConfirmed | HoldEndingEvent | BookingHoldReleased;

const releaseReasonOf = {
  BookingExpired: ReleaseReason.EXPIRED,
  BookingPaymentFailed: ReleaseReason.PAYMENT_FAILED,
  BookingCancelled: ReleaseReason.CANCELLED,
} as const;

/**
 * The holds still to be given back, built from the log so that the expiry process finds them after any restart. A
 * row leaves when a sale takes the hold over or the booking records it given back, so a release cut short by a crash
 * stays listed for the process to finish.
 */
export const bookingHoldsProjection: Projection = {
  name: 'sales-booking-holds',
  handles: [
    'BookingPlaced',
    'BookingConfirmed',
    'BookingExpired',
    'BookingPaymentFailed',
    'BookingCancelled',
    'BookingHoldReleased',
  ] satisfies HoldEvent['type'][],
  tables: ['sales_booking_holds'],
  async apply(trx, event) {
    switch (event.type) {
      case 'BookingPlaced':
        return insertHolds(trx, [event as Recorded<BookingPlaced>]);
      case 'BookingConfirmed':
      case 'BookingHoldReleased':
        await trx
          .deleteFrom('sales_booking_holds')
          .where(
            'booking_id',
            '=',
            (event as Recorded<BookingConfirmed | BookingHoldReleased>).data.bookingId,
          )
          .execute();
        return;
      default:
        return markReleaseDue(trx, event as Recorded<HoldEndingEvent>);
    }
  },
  // A sale places bookings far more often than anything ends their holds: those come in runs.
  applyMany: (trx, events) =>
    applyInRuns(
      events,
      (event) => event.type === 'BookingPlaced',
      (run) => insertHolds(trx, run as Recorded<BookingPlaced>[]),
      (event) => bookingHoldsProjection.apply(trx, event),
    ),
};

async function insertHolds(trx: Transaction<Database>, events: Recorded<BookingPlaced>[]): Promise<void> {
  // A free booking is recorded confirmed at once: it never holds anything for the process to give back.
  const pending = events.filter((event) => event.data.status === BookingStatus.PENDING);
  if (pending.length === 0) return;
  await trx
    .insertInto('sales_booking_holds')
    .values(
      pending.map(({ data }) => ({
        booking_id: data.bookingId,
        event_id: data.eventId,
        buyer_key: data.buyerKey,
        promo_code: data.promoCode,
        expires_at: new Date(data.expiresAt),
        release_reason: null,
        release_due_since: null,
      })),
    )
    .execute();
}

async function markReleaseDue(trx: Transaction<Database>, event: Recorded<HoldEndingEvent>): Promise<void> {
  // A confirmed booking's cancellation returns sold units, which is no hold of the booking any more.
  if (event.data.previousStatus !== BookingStatus.PENDING) return;
  await trx
    .updateTable('sales_booking_holds')
    .set({
      release_reason: releaseReasonOf[event.type],
      release_due_since: new Date(event.metadata.occurredAt),
    })
    .where('booking_id', '=', event.data.bookingId)
    .execute();
}
