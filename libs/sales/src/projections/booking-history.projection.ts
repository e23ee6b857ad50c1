import type { Recorded } from '@ticketing/event-store';
import type { Database, Projection } from '@ticketing/read-store';
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
    if (event.type === 'BookingPlaced') return insertBooking(trx, event as Recorded<BookingPlaced>);
    return changeStatus(trx, event as Recorded<StatusEvent>);
  },
};

async function insertBooking(trx: Transaction<Database>, event: Recorded<BookingPlaced>): Promise<void> {
  const { bookingId, eventId, buyer, amounts, promoCode, items, expiresAt, placedAt } = event.data;
  await trx
    .insertInto('sales_bookings')
    .values({
      id: bookingId,
      event_id: eventId,
      buyer_user_id: buyer.kind === 'CUSTOMER' ? buyer.userId : null,
      buyer_email: buyer.kind === 'GUEST' ? buyer.email : null,
      buyer_name: buyer.kind === 'GUEST' ? buyer.name : null,
      status: event.data.status,
      subtotal: amounts.subtotal,
      discount: amounts.discount,
      total: amounts.total,
      currency: amounts.currency,
      promo_code: promoCode,
      expires_at: new Date(expiresAt),
      placed_at: new Date(placedAt),
      updated_at: new Date(placedAt),
    })
    .execute();
  await trx
    .insertInto('sales_booking_items')
    .values(
      items.map((item, position) => ({
        booking_id: bookingId,
        position,
        ticket_type_id: item.ticketTypeId,
        ticket_type_name: item.ticketTypeName,
        quantity: item.quantity,
        unit_price: item.unitPrice,
        subtotal: item.subtotal,
        discount: item.discount,
        total: item.total,
      })),
    )
    .execute();
  await recordStatus(trx, event, event.data, new Date(placedAt));
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
  await recordStatus(trx, event, data, changedAt);
}

async function recordStatus(
  trx: Transaction<Database>,
  event: Recorded<StatusEvent>,
  change: StatusChange,
  changedAt: Date,
): Promise<void> {
  await trx
    .insertInto('sales_booking_status_history')
    .values({
      booking_id: event.data.bookingId,
      revision: Number(event.revision),
      previous_status: change.previousStatus,
      status: change.status,
      changed_at: changedAt,
    })
    .execute();
}
