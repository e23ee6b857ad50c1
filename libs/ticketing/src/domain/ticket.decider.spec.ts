import { given } from '@ticketing/platform/domain';
import { TicketKind } from './ticket-kind';
import { TicketStatus } from './ticket-status';
import type { IssueTicket, TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decider';
import type { TicketEvent, TicketIssued, TicketTransferred } from './ticket.events';

const now = new Date('2026-06-01T10:00:00.000Z');
const ada = { userId: 'user-ada', email: 'ada@example.com', name: 'Ada Lovelace' };
const grace = { email: 'grace@example.com', name: 'Grace Hopper' };
const payment = { amount: 4500, currency: 'EUR', method: 'card', reference: 'sq_123' };

const issue = (overrides: Partial<IssueTicket> = {}): IssueTicket => ({
  type: 'IssueTicket',
  ticketId: 't1',
  bookingId: 'b1',
  eventId: 'e1',
  ticketTypeId: 'tt1',
  kind: TicketKind.PURCHASED,
  holder: ada,
  price: { amount: 4500, currency: 'EUR' },
  transferable: true,
  ...overrides,
});

const issued: TicketIssued = {
  type: 'TicketIssued',
  data: {
    ticketId: 't1',
    bookingId: 'b1',
    eventId: 'e1',
    ticketTypeId: 'tt1',
    kind: TicketKind.PURCHASED,
    holder: ada,
    price: { amount: 4500, currency: 'EUR' },
    transferable: true,
    note: null,
    qrVersion: 1,
    issuedAt: now.toISOString(),
  },
};
const issuedAs = (data: Partial<TicketIssued['data']>): TicketIssued => ({
  type: 'TicketIssued',
  data: { ...issued.data, ...data },
});
const door = issuedAs({ kind: TicketKind.DOOR, bookingId: null, holder: null, price: null });
const comp = issuedAs({ kind: TicketKind.COMP, bookingId: null, price: null, note: 'Speaker' });
const transferred: TicketTransferred = {
  type: 'TicketTransferred',
  data: {
    ticketId: 't1',
    eventId: 'e1',
    from: ada,
    to: { ...grace, userId: null },
    revokedQrVersion: 1,
    qrVersion: 2,
    transferredAt: now.toISOString(),
  },
};
const on = { ticketId: 't1', eventId: 'e1' };
const voided: TicketEvent = {
  type: 'TicketVoided',
  data: { ...on, bookingId: 'b1', reason: 'Booking cancelled', qrVersion: 1, voidedAt: now.toISOString() },
};
const refunded: TicketEvent = {
  type: 'TicketRefunded',
  data: { ...on, bookingId: 'b1', refundRef: 're_1', qrVersion: 1, refundedAt: now.toISOString() },
};
const checkedIn: TicketEvent = {
  type: 'TicketCheckedIn',
  data: { ...on, qrVersion: 1, checkedInAt: now.toISOString() },
};

const activate: TicketCommand = { type: 'ActivateTicket', ticketId: 't1', holder: grace, payment };
const transfer: TicketCommand = { type: 'TransferTicket', ticketId: 't1', to: grace };
const voidTicket: TicketCommand = { type: 'VoidTicket', ticketId: 't1', reason: 'Booking cancelled' };
const refund: TicketCommand = { type: 'RefundTicket', ticketId: 't1', refundRef: 're_1' };
const checkIn: TicketCommand = { type: 'CheckInTicket', ticketId: 't1', qrVersion: 1 };

const reasonFor = (history: TicketEvent[], command: TicketCommand) =>
  given(ticketDecider, history).when(command, now).error?.reason;

describe('issuing a ticket', () => {
  it('issues a purchased ticket to its holder at QR version 1, with the time it happened', () => {
    const result = given(ticketDecider, []).when(issue(), now);
    expect(result.events).toEqual([issued]);
    expect(given(ticketDecider, result.events!).state?.status).toBe(TicketStatus.ACTIVE);
  });

  it("records the holder's e-mail address in lower case and the name trimmed", () => {
    const holder = { email: '  Ada@Example.COM ', name: ' Ada Lovelace ' };
    expect(given(ticketDecider, []).when(issue({ holder }), now).events?.[0].data).toMatchObject({
      holder: { userId: null, email: 'ada@example.com', name: 'Ada Lovelace' },
    });
  });

  it('issues a comp to its holder with no price and its note', () => {
    const command = issue({ kind: TicketKind.COMP, bookingId: null, price: null, note: ' Speaker ' });
    expect(given(ticketDecider, []).when(command, now).events).toEqual([comp]);
  });

  it('issues a door ticket unactivated, with neither holder nor price until it is sold', () => {
    const command = issue({ kind: TicketKind.DOOR, bookingId: null, holder: null, price: null });
    expect(given(ticketDecider, []).when(command, now).events).toEqual([door]);
    expect(given(ticketDecider, [door]).state?.status).toBe(TicketStatus.UNACTIVATED);
  });

  it('issuing the same ticket again records nothing, so a retried issue completes instead of failing', () => {
    expect(given(ticketDecider, [issued]).when(issue(), now)).toEqual({ events: [], error: null });
  });

  it('TICKET_EXISTS: another ticket cannot be issued under an id already in use', () => {
    const { error } = given(ticketDecider, [issued]).when(issue({ ticketTypeId: 'tt2' }), now);
    expect(error?.code).toBe('CONFLICT');
    expect(error?.reason).toBe('TICKET_EXISTS');
  });

  it('TICKET_BOOKING_REQUIRED: a purchased ticket belongs to a booking', () => {
    expect(reasonFor([], issue({ bookingId: null }))).toBe('TICKET_BOOKING_REQUIRED');
  });

  it.each([TicketKind.PURCHASED, TicketKind.COMP])(
    'TICKET_HOLDER_REQUIRED: a %s ticket is issued to someone',
    (kind) => {
      expect(reasonFor([], issue({ kind, holder: null, price: null }))).toBe('TICKET_HOLDER_REQUIRED');
    },
  );

  it('TICKET_HOLDER_NOT_ALLOWED: a door ticket gets its holder when it is sold', () => {
    const command = issue({ kind: TicketKind.DOOR, bookingId: null, price: null });
    expect(reasonFor([], command)).toBe('TICKET_HOLDER_NOT_ALLOWED');
  });

  it('TICKET_PRICE_REQUIRED: a purchased ticket records what was paid for it', () => {
    expect(reasonFor([], issue({ price: null }))).toBe('TICKET_PRICE_REQUIRED');
  });

  it.each([
    ['a comp', { kind: TicketKind.COMP }],
    ['a door ticket', { kind: TicketKind.DOOR, holder: null }],
  ])('TICKET_PRICE_NOT_ALLOWED: %s is issued without a price', (_label, overrides) => {
    expect(reasonFor([], issue({ bookingId: null, ...overrides }))).toBe('TICKET_PRICE_NOT_ALLOWED');
  });

  it.each([
    { amount: -1, currency: 'EUR' },
    { amount: 12.5, currency: 'EUR' },
    { amount: 100, currency: 'eur' },
  ])('INVALID_TICKET_PRICE: %p is not a price', (price) => {
    expect(reasonFor([], issue({ price }))).toBe('INVALID_TICKET_PRICE');
  });

  it.each([
    { email: 'not-an-address', name: 'Ada' },
    { email: 'ada@example.com', name: '   ' },
  ])('INVALID_TICKET_HOLDER: %p cannot hold a ticket', (holder) => {
    expect(reasonFor([], issue({ holder }))).toBe('INVALID_TICKET_HOLDER');
  });
});

describe('activating a door ticket', () => {
  it('sells the door ticket to its holder and records the payment', () => {
    expect(given(ticketDecider, [door]).when(activate, now).events).toEqual([
      {
        type: 'TicketActivated',
        data: { ...on, holder: { ...grace, userId: null }, payment, activatedAt: now.toISOString() },
      },
    ]);
  });

  it.each([
    ['a purchased ticket', [issued]],
    ['a comp', [comp]],
    [
      'a door ticket sold already',
      [
        door,
        { type: 'TicketActivated', data: { ...on, holder: ada, payment, activatedAt: now.toISOString() } },
      ],
    ],
  ] as [string, TicketEvent[]][])('TICKET_ALREADY_ACTIVATED: %s cannot be activated', (_label, history) => {
    expect(reasonFor(history, activate)).toBe('TICKET_ALREADY_ACTIVATED');
  });

  it('TICKET_VOIDED: a withdrawn door ticket cannot be sold', () => {
    expect(reasonFor([door, voided], activate)).toBe('TICKET_VOIDED');
  });

  it.each([
    { ...payment, amount: -100 },
    { ...payment, currency: 'euro' },
    { ...payment, method: ' ' },
    { ...payment, reference: '' },
  ])('INVALID_PAYMENT: %p is not a door payment', (badPayment) => {
    expect(reasonFor([door], { ...activate, payment: badPayment })).toBe('INVALID_PAYMENT');
  });

  it('TICKET_NOT_FOUND: a ticket that was never issued cannot be activated', () => {
    const { error } = given(ticketDecider, []).when(activate, now);
    expect(error?.code).toBe('NOT_FOUND');
    expect(error?.reason).toBe('TICKET_NOT_FOUND');
  });
});

describe('transferring a ticket', () => {
  it('hands the ticket to its new holder under the next QR version, revoking the old one', () => {
    expect(given(ticketDecider, [issued]).when(transfer, now).events).toEqual([transferred]);
    const { state } = given(ticketDecider, [issued, transferred]);
    expect(state).toMatchObject({
      status: TicketStatus.ACTIVE,
      holder: { email: grace.email },
      qrVersion: 2,
    });
  });

  it('a transferred ticket can be transferred on, each time under a newer QR version', () => {
    const onwards = { ...transfer, to: ada };
    expect(given(ticketDecider, [issued, transferred]).when(onwards, now).events?.[0].data).toMatchObject({
      from: { email: grace.email },
      revokedQrVersion: 2,
      qrVersion: 3,
    });
  });

  it('TICKET_NOT_TRANSFERABLE: a ticket of a non-transferable type stays with its holder', () => {
    expect(reasonFor([issuedAs({ transferable: false })], transfer)).toBe('TICKET_NOT_TRANSFERABLE');
  });

  it('TICKET_NOT_ACTIVATED: an unsold door ticket has no holder to transfer it', () => {
    expect(reasonFor([door], transfer)).toBe('TICKET_NOT_ACTIVATED');
  });

  it('TICKET_CHECKED_IN: a ticket used to enter cannot be handed on', () => {
    expect(reasonFor([issued, checkedIn], transfer)).toBe('TICKET_CHECKED_IN');
  });

  it('TICKET_VOIDED: a voided ticket cannot be transferred', () => {
    expect(reasonFor([issued, voided], transfer)).toBe('TICKET_VOIDED');
  });

  it('TICKET_REFUNDED: a refunded ticket cannot be transferred', () => {
    expect(reasonFor([issued, refunded], transfer)).toBe('TICKET_REFUNDED');
  });

  it('TRANSFER_TO_CURRENT_HOLDER: a ticket is not transferred to the address that holds it', () => {
    expect(reasonFor([issued], { ...transfer, to: { email: 'ADA@example.com', name: 'Ada' } })).toBe(
      'TRANSFER_TO_CURRENT_HOLDER',
    );
  });
});

describe('voiding a ticket', () => {
  it('voids the ticket with the reason, naming the QR version it revokes', () => {
    expect(given(ticketDecider, [issued, transferred]).when(voidTicket, now).events).toEqual([
      { type: 'TicketVoided', data: { ...voided.data, qrVersion: 2 } },
    ]);
    expect(given(ticketDecider, [issued, voided]).state?.status).toBe(TicketStatus.VOIDED);
  });

  it('withdraws an unsold door ticket', () => {
    expect(given(ticketDecider, [door]).when(voidTicket, now).events).toHaveLength(1);
  });

  it('voiding a voided ticket records nothing, so cancelling a booking can be retried', () => {
    expect(given(ticketDecider, [issued, voided]).when(voidTicket, now)).toEqual({ events: [], error: null });
  });

  it('VOID_REASON_REQUIRED: a ticket is voided for a stated reason', () => {
    expect(reasonFor([issued], { ...voidTicket, reason: '  ' })).toBe('VOID_REASON_REQUIRED');
  });

  it('TICKET_REFUNDED: a refunded ticket is not voided on top', () => {
    expect(reasonFor([issued, refunded], voidTicket)).toBe('TICKET_REFUNDED');
  });
});

describe('refunding a ticket', () => {
  it('refunds the ticket with the refund reference, naming the QR version it revokes', () => {
    expect(given(ticketDecider, [issued]).when(refund, now).events).toEqual([refunded]);
    expect(given(ticketDecider, [issued, refunded]).state?.status).toBe(TicketStatus.REFUNDED);
  });

  it('refunding a refunded ticket records nothing, so refunding a booking can be retried', () => {
    expect(given(ticketDecider, [issued, refunded]).when(refund, now)).toEqual({ events: [], error: null });
  });

  it('REFUND_REFERENCE_REQUIRED: a refund names the gateway refund', () => {
    expect(reasonFor([issued], { ...refund, refundRef: ' ' })).toBe('REFUND_REFERENCE_REQUIRED');
  });

  it('COMP_TICKET_NOT_REFUNDABLE: a comp was never paid for', () => {
    expect(reasonFor([comp], refund)).toBe('COMP_TICKET_NOT_REFUNDABLE');
  });

  it('TICKET_NOT_ACTIVATED: an unsold door ticket was never paid for', () => {
    expect(reasonFor([door], refund)).toBe('TICKET_NOT_ACTIVATED');
  });

  it('TICKET_VOIDED: a voided ticket is not refunded on top', () => {
    expect(reasonFor([issued, voided], refund)).toBe('TICKET_VOIDED');
  });
});

describe('checking a ticket in', () => {
  it('admits the holder once, with the QR version scanned', () => {
    expect(given(ticketDecider, [issued]).when(checkIn, now).events).toEqual([checkedIn]);
  });

  it('QR_REVOKED: the QR code of a version replaced by a transfer does not admit', () => {
    expect(reasonFor([issued, transferred], checkIn)).toBe('QR_REVOKED');
    expect(reasonFor([issued, transferred], { ...checkIn, qrVersion: 2 })).toBeUndefined();
  });

  it('TICKET_ALREADY_CHECKED_IN: a ticket admits once', () => {
    expect(reasonFor([issued, checkedIn], checkIn)).toBe('TICKET_ALREADY_CHECKED_IN');
  });

  it.each([
    ['TICKET_NOT_ACTIVATED', [door]],
    ['TICKET_VOIDED', [issued, voided]],
    ['TICKET_REFUNDED', [issued, refunded]],
  ] as [string, TicketEvent[]][])('%s: only an active ticket admits', (reason, history) => {
    expect(reasonFor(history, checkIn)).toBe(reason);
  });
});
