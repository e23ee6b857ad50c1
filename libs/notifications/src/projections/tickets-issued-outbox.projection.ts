import { toDomainEvent } from '@ticketing/event-store';
import type { Database, Projection } from '@ticketing/read-store';
import type { BookingConfirmed } from '@ticketing/sales';
import type { TicketActivated, TicketIssued } from '@ticketing/ticketing';
import { type Insertable, sql, type Transaction } from 'kysely';
import { bookingNotificationId, ticketNotificationId } from '../domain/notification-ids';
import type { NotificationsOutboxTable } from './notifications-outbox.table';
import { outboxPosition } from './outbox-position';

type ReactedTo = BookingConfirmed | TicketIssued | TicketActivated;

/**
 * The "tickets issued" outbox: one notification per recipient per issuing. A booking's buyer gets one message listing
 * all of its tickets, ready once as many tickets are recorded as its confirmation sold units; a ticket given outside
 * a booking (a comp) or sold at the door gets one of its own; a door ticket's is ready only when it is sold, since
 * it has no holder before.
 *
 * Rows are written in the runner's batch transaction, beside the checkpoint, so a crash neither loses nor doubles one;
 * ids come from the booking or the ticket and every statement is an upsert or a conditional update, so replaying an
 * event changes nothing. A rebuild recreates the same rows, and their send state lives apart, in the sender's
 * `notifications_deliveries` and `notifications_sender_cursor`, so a rebuild sends nothing again. Keeping that state in these rows instead, preserved
 * by the upserts, would not survive a rebuild: it does not upsert into the live table but fills copies from the log
 * and swaps them in (DELETE, then INSERT), so every column a projection owns ends up as the replay computed it.
 */
export const ticketsIssuedOutboxProjection: Projection = {
  name: 'notifications-tickets-issued-outbox',
  handles: ['BookingConfirmed', 'TicketIssued', 'TicketActivated'] satisfies ReactedTo['type'][],
  tables: ['notifications_outbox', 'notifications_outbox_tickets'],
  async apply(trx, recorded) {
    const event = toDomainEvent<ReactedTo>(recorded);
    const position = outboxPosition(recorded.position);
    switch (event.type) {
      case 'BookingConfirmed':
        return expectBookingTickets(trx, event, position);
      case 'TicketIssued':
        return addIssuedTicket(trx, event, position);
      case 'TicketActivated':
        return addActivatedTicket(trx, event, position);
    }
  },
};

export async function expectBookingTickets(
  trx: Transaction<Database>,
  event: BookingConfirmed,
  position: string,
): Promise<void> {
  const { bookingId, eventId, items } = event.data;
  const id = bookingNotificationId(bookingId);
  const confirmedAt = new Date(event.data.confirmedAt);
  const expected = items.reduce((sum, item) => sum + item.quantity, 0);
  await trx
    .insertInto('notifications_outbox')
    .values({
      id,
      event_id: eventId,
      booking_id: bookingId,
      recipient_email: null,
      recipient_name: null,
      expected_tickets: expected,
      ready_at: null,
      ready_position: null,
      created_at: confirmedAt,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ expected_tickets: expected }))
    .execute();
  // Tickets projected before their booking's confirmation (a log that interleaves them) complete the row here.
  await markReadyWhenComplete(trx, id, { at: confirmedAt, position });
}

/**
 * A door ticket, issued with no holder, gets its row now and its recipient when it is sold: its activation does not
 * repeat the ticket type.
 */
export async function addIssuedTicket(
  trx: Transaction<Database>,
  event: TicketIssued,
  position: string,
): Promise<void> {
  const { ticketId, bookingId, eventId, holder } = event.data;
  const id = bookingId ? bookingNotificationId(bookingId) : ticketNotificationId(ticketId);
  const issuedAt = new Date(event.data.issuedAt);
  await upsertNotification(trx, {
    id,
    event_id: eventId,
    booking_id: bookingId,
    recipient_email: holder?.email ?? null,
    recipient_name: holder?.name ?? null,
    expected_tickets: bookingId ? null : 1,
    ready_at: null,
    ready_position: null,
    created_at: issuedAt,
  });
  await trx
    .insertInto('notifications_outbox_tickets')
    .values({
      notification_id: id,
      ticket_id: ticketId,
      ticket_type_id: event.data.ticketTypeId,
      issued_at: issuedAt,
    })
    .onConflict((oc) => oc.columns(['notification_id', 'ticket_id']).doNothing())
    .execute();
  await markReadyWhenComplete(trx, id, { at: issuedAt, position });
}

export async function addActivatedTicket(
  trx: Transaction<Database>,
  event: TicketActivated,
  position: string,
): Promise<void> {
  const { ticketId, eventId, holder } = event.data;
  const id = ticketNotificationId(ticketId);
  const activatedAt = new Date(event.data.activatedAt);
  await upsertNotification(trx, {
    id,
    event_id: eventId,
    booking_id: null,
    recipient_email: holder.email,
    recipient_name: holder.name,
    expected_tickets: 1,
    ready_at: null,
    ready_position: null,
    created_at: activatedAt,
  });
  await markReadyWhenComplete(trx, id, { at: activatedAt, position });
}

/** The first holder named is the recipient: every ticket of a booking is issued to the same one. */
async function upsertNotification(
  trx: Transaction<Database>,
  row: Insertable<NotificationsOutboxTable>,
): Promise<void> {
  await trx
    .insertInto('notifications_outbox')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        recipient_email: eb.fn.coalesce('notifications_outbox.recipient_email', 'excluded.recipient_email'),
        recipient_name: eb.fn.coalesce('notifications_outbox.recipient_name', 'excluded.recipient_name'),
      })),
    )
    .execute();
}

/**
 * Marks the row ready once, when it knows its recipient and holds every ticket it expects, with the time and log
 * position of the event that completed it; later calls keep both. Rows become ready in log order, and batches commit
 * in log order, so the sender can follow the outbox by `ready_position` alone.
 */
async function markReadyWhenComplete(
  trx: Transaction<Database>,
  id: string,
  ready: { at: Date; position: string },
): Promise<void> {
  await trx
    .updateTable('notifications_outbox')
    .set({ ready_at: ready.at, ready_position: ready.position })
    .where('id', '=', id)
    .where('ready_at', 'is', null)
    .where('recipient_email', 'is not', null)
    .where('expected_tickets', '>', 0)
    .where(
      'expected_tickets',
      '<=',
      sql<number>`(select count(*) from notifications_outbox_tickets where notification_id = ${id})`,
    )
    .execute();
}
