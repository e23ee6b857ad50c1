import type { Recorded } from '@ticketing/event-store';
import { applyInRuns, type Database, type Projection } from '@ticketing/read-store';
import type { Transaction } from 'kysely';
import type {
  BookingEvent,
  BookingHoldReleased,
  BookingPaymentStarted,
  BookingPlaced,
  StatusChange,
} from '../domain/booking/booking.events';

/** Starting a payment or giving a hold back changes no status, so the history has nothing to show for them. */
type StatusEvent = Exclude<BookingEvent, BookingPaymentStarted | BookingHoldReleased>;

/** Every booking with its lines, amounts and each status it went through: what the booking lists and pages read. */
export const bookingHistoryProjection: Projection = {
  name: 'sales-bookings',
  handles: [
    'BookingPlaced',
    'BookingConfirmed',
    'BookingExpired',
    'BookingPaymentFailed',
    'BookingCancelled',
    'BookingRefundDue',
    'BookingRefunded',
  ] satisfies StatusEvent['type'][],
  tables: ['sales_bookings', 'sales_booking_items', 'sales_booking_status_history'],
  async apply(trx, event) {
    if (event.type === 'BookingPlaced') return insertBookings(trx, [event as Recorded<BookingPlaced>]);
    return changeStatus(trx, event as Recorded<StatusEvent>);
  },
  // A sale places bookings far more often than anything changes their status: those come in runs.
  applyMany: (trx, events) =>
    applyInRuns(
      events,
      (event) => event.type === 'BookingPlaced',
      (run) => insertBookings(trx, run as Recorded<BookingPlaced>[]),
      (event) => changeStatus(trx, event as Recorded<StatusEvent>),
    ),
};

async function insertBookings(trx: Transaction<Database>, events: Recorded<BookingPlaced>[]): Promise<void> {
  await trx
    .insertInto('sales_bookings')
    .values(
      events.map(({ data }) => ({
        id: data.bookingId,
        event_id: data.eventId,
        buyer_user_id: data.buyer.kind === 'CUSTOMER' ? data.buyer.userId : null,
        buyer_email: data.buyer.kind === 'GUEST' ? data.buyer.email : null,
        buyer_name: data.buyer.kind === 'GUEST' ? data.buyer.name : null,
        status: data.status,
        subtotal: data.amounts.subtotal,
        discount: data.amounts.discount,
        total: data.amounts.total,
        currency: data.amounts.currency,
        promo_code: data.promoCode,
        expires_at: new Date(data.expiresAt),
        placed_at: new Date(data.placedAt),
        updated_at: new Date(data.placedAt),
      })),
    )
    .execute();
  await trx
    .insertInto('sales_booking_items')
    .values(
      events.flatMap(({ data }) =>
        data.items.map((item, position) => ({
          booking_id: data.bookingId,
          position,
          ticket_type_id: item.ticketTypeId,
          ticket_type_name: item.ticketTypeName,
          quantity: item.quantity,
          unit_price: item.unitPrice,
          subtotal: item.subtotal,
          discount: item.discount,
          total: item.total,
        })),
      ),
    )
    .execute();
  await recordStatuses(
    trx,
    events.map((event) => ({ event, change: event.data, changedAt: new Date(event.data.placedAt) })),
  );
}

async function changeStatus(trx: Transaction<Database>, event: Recorded<StatusEvent>): Promise<void> {
  const { data } = event;
  // Each kind of change names its instant differently (confirmedAt, expiredAt…); the metadata's is common to all.
  const changedAt = new Date(event.metadata.occurredAt);
  await trx
    .updateTable('sales_bookings')
    .set({ status: data.status, updated_at: changedAt })
    .where('id', '=', data.bookingId)
    .execute();
  await recordStatuses(trx, [{ event, change: data, changedAt }]);
}

interface StatusRecord {
  event: Recorded<StatusEvent>;
  change: StatusChange;
  changedAt: Date;
}

async function recordStatuses(trx: Transaction<Database>, records: StatusRecord[]): Promise<void> {
  await trx
    .insertInto('sales_booking_status_history')
    .values(
      records.map(({ event, change, changedAt }) => ({
        booking_id: event.data.bookingId,
        revision: Number(event.revision),
        previous_status: change.previousStatus,
        status: change.status,
        changed_at: changedAt,
      })),
    )
    .execute();
}
