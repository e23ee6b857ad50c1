import { toDomainEvent } from '@ticketing/event-store';
import type { Database, Projection } from '@ticketing/read-store';
import type { Transaction, Updateable } from 'kysely';
import type { TicketHolder } from '../domain/ticket-holder';
import { statusOnIssue, TicketStatus } from '../domain/ticket-status';
import type {
  TicketActivated,
  TicketCheckedIn,
  TicketEvent,
  TicketIssued,
  TicketTransferred,
} from '../domain/ticket.events';
import type { TicketingTicketsTable } from './ticketing-tickets.table';

/** Every issued ticket, its holder and where it stands: what "my tickets", ticket pages and door lists read. */
export const ticketsProjection: Projection = {
  name: 'ticketing-tickets',
  handles: [
    'TicketIssued',
    'TicketActivated',
    'TicketTransferred',
    'TicketVoided',
    'TicketRefunded',
    'TicketCheckedIn',
  ] satisfies TicketEvent['type'][],
  tables: ['ticketing_tickets'],
  async apply(trx, recorded) {
    const event = toDomainEvent<TicketEvent>(recorded);
    switch (event.type) {
      case 'TicketIssued':
        return insertTicket(trx, event);
      case 'TicketActivated':
        return markTicketActivated(trx, event);
      case 'TicketTransferred':
        return changeHolder(trx, event);
      case 'TicketVoided':
        return markTicketEnded(trx, event.data.ticketId, TicketStatus.VOIDED, event.data.voidedAt);
      case 'TicketRefunded':
        return markTicketEnded(trx, event.data.ticketId, TicketStatus.REFUNDED, event.data.refundedAt);
      case 'TicketCheckedIn':
        return markTicketCheckedIn(trx, event);
    }
  },
};

export async function insertTicket(trx: Transaction<Database>, event: TicketIssued): Promise<void> {
  const { ticketId, bookingId, eventId, ticketTypeId, kind, holder, price, transferable, note, qrVersion } =
    event.data;
  const issuedAt = new Date(event.data.issuedAt);
  await trx
    .insertInto('ticketing_tickets')
    .values({
      id: ticketId,
      booking_id: bookingId,
      event_id: eventId,
      ticket_type_id: ticketTypeId,
      kind,
      status: statusOnIssue(kind),
      ...holderColumns(holder),
      held_since: issuedAt,
      price_amount: price?.amount ?? null,
      price_currency: price?.currency ?? null,
      transferable,
      qr_version: qrVersion,
      note,
      checked_in_at: null,
      issued_at: issuedAt,
      updated_at: issuedAt,
    })
    .execute();
}

export async function markTicketActivated(trx: Transaction<Database>, event: TicketActivated): Promise<void> {
  const { ticketId, holder, payment } = event.data;
  const activatedAt = new Date(event.data.activatedAt);
  await changeTicket(trx, ticketId, {
    status: TicketStatus.ACTIVE,
    ...holderColumns(holder),
    held_since: activatedAt,
    price_amount: payment.amount,
    price_currency: payment.currency,
    updated_at: activatedAt,
  });
}

export async function changeHolder(trx: Transaction<Database>, event: TicketTransferred): Promise<void> {
  const { ticketId, to, qrVersion } = event.data;
  const transferredAt = new Date(event.data.transferredAt);
  await changeTicket(trx, ticketId, {
    ...holderColumns(to),
    held_since: transferredAt,
    qr_version: qrVersion,
    updated_at: transferredAt,
  });
}

export async function markTicketEnded(
  trx: Transaction<Database>,
  ticketId: string,
  status: typeof TicketStatus.VOIDED | typeof TicketStatus.REFUNDED,
  at: string,
): Promise<void> {
  await changeTicket(trx, ticketId, { status, updated_at: new Date(at) });
}

export async function markTicketCheckedIn(trx: Transaction<Database>, event: TicketCheckedIn): Promise<void> {
  const checkedInAt = new Date(event.data.checkedInAt);
  await changeTicket(trx, event.data.ticketId, { checked_in_at: checkedInAt, updated_at: checkedInAt });
}

async function changeTicket(
  trx: Transaction<Database>,
  ticketId: string,
  columns: Updateable<TicketingTicketsTable>,
): Promise<void> {
  await trx.updateTable('ticketing_tickets').set(columns).where('id', '=', ticketId).execute();
}

function holderColumns(holder: TicketHolder | null) {
  return {
    holder_user_id: holder?.userId ?? null,
    holder_email: holder?.email ?? null,
    holder_name: holder?.name ?? null,
  };
}
