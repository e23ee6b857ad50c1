import { conflict, type Decider, notFound, ruleViolation } from '@ticketing/platform/domain';
import { isValidMoney, type Money, type Payment } from './money';
import { recordedHolder, type TicketHolder } from './ticket-holder';
import { TicketKind } from './ticket-kind';
import { TicketStatus } from './ticket-status';
import type {
  ActivateTicket,
  CheckInTicket,
  IssueTicket,
  RefundTicket,
  TicketCommand,
  TransferTicket,
  VoidTicket,
} from './ticket.commands';
import type { TicketEvent } from './ticket.events';
import { evolveTicket, type TicketState } from './ticket.state';

/**
 * One ticket, one stream (`ticket-<id>`). Entry is recorded here too, so that a check-in and a transfer, void or
 * refund are decided against the same revision: a ticket cannot be handed on while its holder walks in.
 */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState | null> = {
  initialState: null,

  decide(command, state, now) {
    if (command.type === 'IssueTicket') return issue(command, state, now);
    if (!state) throw notFound('Ticket', command.ticketId);
    switch (command.type) {
      case 'ActivateTicket':
        return activate(command, state, now);
      case 'TransferTicket':
        return transfer(command, state, now);
      case 'VoidTicket':
        return voidTicket(command, state, now);
      case 'RefundTicket':
        return refund(command, state, now);
      case 'CheckInTicket':
        return checkIn(command, state, now);
    }
  },

  evolve: evolveTicket,
};

type ActiveTicket = TicketState & { holder: TicketHolder };

function issue(command: IssueTicket, state: TicketState | null, now: Date): TicketEvent[] {
  if (state) {
    if (isSameIssue(command, state)) return [];
    throw conflict('TICKET_EXISTS', `Ticket ${command.ticketId} was already issued for something else`);
  }
  const { ticketId, bookingId, eventId, ticketTypeId, kind, transferable } = command;
  if (kind === TicketKind.PURCHASED && bookingId === null) {
    throw ruleViolation('TICKET_BOOKING_REQUIRED', 'A purchased ticket belongs to a booking');
  }
  return [
    {
      type: 'TicketIssued',
      data: {
        ticketId,
        bookingId,
        eventId,
        ticketTypeId,
        kind,
        holder: issuedHolder(command),
        price: issuedPrice(command),
        transferable,
        note: command.note?.trim() || null,
        qrVersion: 1,
        issuedAt: now.toISOString(),
      },
    },
  ];
}

function isSameIssue(command: IssueTicket, state: TicketState): boolean {
  return (
    command.eventId === state.eventId &&
    command.ticketTypeId === state.ticketTypeId &&
    command.bookingId === state.bookingId &&
    command.kind === state.kind
  );
}

function issuedHolder({ kind, holder }: IssueTicket): TicketHolder | null {
  if (kind === TicketKind.DOOR) {
    if (holder) {
      throw ruleViolation('TICKET_HOLDER_NOT_ALLOWED', 'A door ticket gets its holder when it is sold');
    }
    return null;
  }
  if (!holder) throw ruleViolation('TICKET_HOLDER_REQUIRED', `A ${kind} ticket is issued to someone`);
  return recordedHolder(holder);
}

function issuedPrice({ kind, price }: IssueTicket): Money | null {
  if (kind !== TicketKind.PURCHASED) {
    if (price) {
      throw ruleViolation(
        'TICKET_PRICE_NOT_ALLOWED',
        kind === TicketKind.COMP
          ? 'A comp ticket is not paid for'
          : 'A door ticket is paid for when it is sold',
      );
    }
    return null;
  }
  if (!price) throw ruleViolation('TICKET_PRICE_REQUIRED', 'A purchased ticket records what was paid for it');
  if (!isValidMoney(price)) {
    throw ruleViolation(
      'INVALID_TICKET_PRICE',
      'A price is a whole, non-negative amount of minor units of an ISO currency',
    );
  }
  return { amount: price.amount, currency: price.currency };
}

function activate(command: ActivateTicket, ticket: TicketState, now: Date): TicketEvent[] {
  assertNotEnded(ticket);
  if (ticket.status !== TicketStatus.UNACTIVATED) {
    throw ruleViolation('TICKET_ALREADY_ACTIVATED', `Ticket ${ticket.ticketId} is already active`);
  }
  const holder = recordedHolder(command.holder);
  const payment = recordedPayment(command.payment);
  return [
    { type: 'TicketActivated', data: { ...on(ticket), holder, payment, activatedAt: now.toISOString() } },
  ];
}

function recordedPayment(payment: Payment): Payment {
  const method = payment.method.trim();
  const reference = payment.reference.trim();
  if (!isValidMoney(payment) || !method || !reference) {
    throw ruleViolation(
      'INVALID_PAYMENT',
      'A door sale records a whole, non-negative amount of an ISO currency, how it was paid and its reference',
    );
  }
  return { amount: payment.amount, currency: payment.currency, method, reference };
}

function transfer(command: TransferTicket, ticket: TicketState, now: Date): TicketEvent[] {
  assertActive(ticket);
  if (ticket.checkedIn) {
    throw ruleViolation(
      'TICKET_CHECKED_IN',
      `Ticket ${ticket.ticketId} has been used to enter: it stays with its holder`,
    );
  }
  if (!ticket.transferable) {
    throw ruleViolation('TICKET_NOT_TRANSFERABLE', `Ticket ${ticket.ticketId} cannot be transferred`);
  }
  const to = recordedHolder(command.to);
  if (to.email === ticket.holder.email) {
    throw ruleViolation(
      'TRANSFER_TO_CURRENT_HOLDER',
      `Ticket ${ticket.ticketId} is already held by ${to.email}`,
    );
  }
  return [
    {
      type: 'TicketTransferred',
      data: {
        ...on(ticket),
        from: ticket.holder,
        to,
        revokedQrVersion: ticket.qrVersion,
        qrVersion: ticket.qrVersion + 1,
        transferredAt: now.toISOString(),
      },
    },
  ];
}

/** Voiding a voided ticket changes nothing, so cancelling a booking can be retried until all its tickets are void. */
function voidTicket(command: VoidTicket, ticket: TicketState, now: Date): TicketEvent[] {
  if (ticket.status === TicketStatus.VOIDED) return [];
  assertNotEnded(ticket);
  const reason = command.reason.trim();
  if (!reason) throw ruleViolation('VOID_REASON_REQUIRED', 'Say why the ticket is voided');
  return [
    {
      type: 'TicketVoided',
      data: {
        ...on(ticket),
        bookingId: ticket.bookingId,
        reason,
        qrVersion: ticket.qrVersion,
        voidedAt: now.toISOString(),
      },
    },
  ];
}

/** Refunding a refunded ticket changes nothing, so refunding a booking can be retried until all its tickets are. */
function refund(command: RefundTicket, ticket: TicketState, now: Date): TicketEvent[] {
  if (ticket.status === TicketStatus.REFUNDED) return [];
  assertActive(ticket);
  if (ticket.kind === TicketKind.COMP) {
    throw ruleViolation('COMP_TICKET_NOT_REFUNDABLE', `Ticket ${ticket.ticketId} is a comp: void it instead`);
  }
  const refundRef = command.refundRef.trim();
  if (!refundRef) {
    throw ruleViolation('REFUND_REFERENCE_REQUIRED', "A refund names the payment gateway's refund");
  }
  return [
    {
      type: 'TicketRefunded',
      data: {
        ...on(ticket),
        bookingId: ticket.bookingId,
        refundRef,
        qrVersion: ticket.qrVersion,
        refundedAt: now.toISOString(),
      },
    },
  ];
}

function checkIn(command: CheckInTicket, ticket: TicketState, now: Date): TicketEvent[] {
  assertActive(ticket);
  if (command.qrVersion !== ticket.qrVersion) {
    throw ruleViolation(
      'QR_REVOKED',
      `This QR code of ticket ${ticket.ticketId} was replaced when it was transferred`,
    );
  }
  if (ticket.checkedIn) {
    throw ruleViolation(
      'TICKET_ALREADY_CHECKED_IN',
      `Ticket ${ticket.ticketId} has already been used to enter`,
    );
  }
  return [
    {
      type: 'TicketCheckedIn',
      data: { ...on(ticket), qrVersion: ticket.qrVersion, checkedInAt: now.toISOString() },
    },
  ];
}

function assertNotEnded(ticket: TicketState): void {
  if (ticket.status === TicketStatus.VOIDED) {
    throw ruleViolation('TICKET_VOIDED', `Ticket ${ticket.ticketId} has been voided`);
  }
  if (ticket.status === TicketStatus.REFUNDED) {
    throw ruleViolation('TICKET_REFUNDED', `Ticket ${ticket.ticketId} has been refunded`);
  }
}

function assertActive(ticket: TicketState): asserts ticket is ActiveTicket {
  assertNotEnded(ticket);
  if (ticket.status === TicketStatus.UNACTIVATED) {
    throw ruleViolation('TICKET_NOT_ACTIVATED', `Door ticket ${ticket.ticketId} has not been sold yet`);
  }
}

function on(ticket: TicketState) {
  return { ticketId: ticket.ticketId, eventId: ticket.eventId };
}
