import type { TicketHolder } from './ticket-holder';
import type { TicketKind } from './ticket-kind';
import { statusOnIssue, TicketStatus } from './ticket-status';
import type { TicketEvent } from './ticket.events';

export interface TicketState {
  ticketId: string;
  bookingId: string | null;
  eventId: string;
  ticketTypeId: string;
  kind: TicketKind;
  status: TicketStatus;
  /** Null only while a door ticket waits to be sold. */
  holder: TicketHolder | null;
  transferable: boolean;
  /** Grows with every transfer; a QR code signed for an earlier version no longer matches the ticket. */
  qrVersion: number;
  checkedIn: boolean;
}

export function evolveTicket(state: TicketState | null, event: TicketEvent): TicketState {
  if (event.type === 'TicketIssued') {
    const { ticketId, bookingId, eventId, ticketTypeId, kind, holder, transferable, qrVersion } = event.data;
    return {
      ticketId,
      bookingId,
      eventId,
      ticketTypeId,
      kind,
      status: statusOnIssue(kind),
      holder,
      transferable,
      qrVersion,
      checkedIn: false,
    };
  }
  // Every other fact follows the TicketIssued that opens its stream.
  const ticket = state!;
  switch (event.type) {
    case 'TicketActivated':
      return { ...ticket, status: TicketStatus.ACTIVE, holder: event.data.holder };
    case 'TicketTransferred':
      return { ...ticket, holder: event.data.to, qrVersion: event.data.qrVersion };
    case 'TicketVoided':
      return { ...ticket, status: TicketStatus.VOIDED };
    case 'TicketRefunded':
      return { ...ticket, status: TicketStatus.REFUNDED };
    case 'TicketCheckedIn':
      return { ...ticket, checkedIn: true };
  }
}
