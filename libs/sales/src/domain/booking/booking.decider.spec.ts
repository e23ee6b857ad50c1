import { given } from '@ticketing/platform/domain';
import type { Buyer } from '../buyer';
import type { PromoCodeRedemption } from '../promo-code/promo-discount';
import { BookingStatus } from './booking-status';
import type {
  BookingCommand,
  BookingItemRequest,
  CancelBooking,
  ConfirmBooking,
  PlaceBooking,
  RefundBooking,
} from './booking.commands';
import { bookingDecider } from './booking.decider';
import { type BookingEvent, type Canceller, RefundDueReason } from './booking.events';
import { PricingType, SalesChannel, type TicketTypeTerms } from './ticket-type-terms';

const eventId = 'e1';
const start = new Date('2026-05-01T10:00:00.000Z');
const minutes = (count: number) => new Date(start.getTime() + count * 60_000);
const iso = (count: number) => minutes(count).toISOString();

const terms = (overrides: Partial<TicketTypeTerms> = {}): TicketTypeTerms => ({
  eventId,
  name: 'General admission',
  pricingType: PricingType.PAID,
  price: { amount: 4500, currency: 'EUR' },
  minimumDonation: null,
  minPerOrder: 1,
  maxPerOrder: 10,
  salesChannel: SalesChannel.EVERYWHERE,
  isOnSale: true,
  isVisibleToBuyer: true,
  ...overrides,
});
const ga = terms();
const vip = terms({ name: 'VIP', price: { amount: 12000, currency: 'EUR' }, maxPerOrder: 4 });
const free = terms({ name: 'Open rehearsal', pricingType: PricingType.FREE, price: null });
const gift = terms({
  name: 'Support the festival',
  pricingType: PricingType.DONATION,
  price: null,
  minimumDonation: { amount: 500, currency: 'EUR' },
  salesChannel: SalesChannel.ONLINE_ONLY,
  maxPerOrder: 1,
});

const item = (
  ticketTypeId: string,
  quantity: number,
  ticketTerms = ga,
  donation?: number,
): BookingItemRequest => ({
  ticketTypeId,
  quantity,
  terms: ticketTerms,
  ...(donation === undefined ? {} : { donation: { amount: donation, currency: 'EUR' } }),
});
const customer: Buyer = { kind: 'CUSTOMER', userId: 'u1' };
const place = (overrides: Partial<PlaceBooking> = {}): PlaceBooking => ({
  type: 'PlaceBooking',
  bookingId: 'b1',
  eventId,
  buyer: customer,
  items: [item('ga', 2)],
  promoCode: null,
  accessCode: null,
  idempotencyKey: 'key-1',
  expiresAt: minutes(15),
  ...overrides,
});
const early10: PromoCodeRedemption = {
  code: 'EARLY10',
  discount: { kind: 'PERCENT', percentOff: 10 },
  ticketTypeIds: [],
};
const startPayment = (paymentRef = 'pi_1'): BookingCommand => ({
  type: 'RecordPaymentStarted',
  bookingId: 'b1',
  paymentRef,
});
const confirm = (overrides: Partial<ConfirmBooking> = {}): ConfirmBooking => ({
  type: 'ConfirmBooking',
  bookingId: 'b1',
  paymentRef: 'pi_1',
  amount: 9000,
  currency: 'EUR',
  unitsStillHeld: true,
  reacquired: false,
  ...overrides,
});
const expire: BookingCommand = { type: 'ExpireBooking', bookingId: 'b1' };
const failPayment: BookingCommand = {
  type: 'FailPayment',
  bookingId: 'b1',
  paymentRef: 'pi_1',
  failureCode: 'card_declined',
  failureMessage: 'Your card was declined.',
};
const buyerCancels: Canceller = { kind: 'BUYER' };
const staff: Canceller = { kind: 'STAFF', userId: 'organizer-1' };
const cancel = (by: Canceller = buyerCancels, reason = 'Changed my mind'): CancelBooking => ({
  type: 'CancelBooking',
  bookingId: 'b1',
  by,
  reason,
});
const refund = (refundRef = 're_1', amount = 9000): RefundBooking => ({
  type: 'RefundBooking',
  bookingId: 'b1',
  refundRef,
  amount,
});

type Step = BookingCommand | { at: Date; command: BookingCommand };

function history(...steps: Step[]): BookingEvent[] {
  return steps.reduce<BookingEvent[]>((events, step) => {
    const { at, command } = 'at' in step ? step : { at: start, command: step };
    const result = given(bookingDecider, events).when(command, at);
    if (result.error) throw new Error(`Setting up ${command.type} was refused: ${result.error.message}`);
    return [...events, ...result.events];
  }, []);
}
const later = (count: number, command: BookingCommand): Step => ({ at: minutes(count), command });
const when = (past: BookingEvent[], command: BookingCommand, at = start) =>
  given(bookingDecider, past).when(command, at);
const typesOf = (events: BookingEvent[] | null) => events?.map((event) => event.type);
const reasonFor = (past: BookingEvent[], command: BookingCommand, at = start) =>
  when(past, command, at).error?.reason;

const pending = () => history(place(), startPayment());
const paid = () => history(place(), startPayment(), confirm());
const expired = () => history(place(), startPayment(), later(15, expire));

describe('placing a booking', () => {
  it('holds the tickets as PENDING with its lines, amounts in minor units, buyer and expiry', () => {
    const { events } = when([], place({ items: [item('ga', 2), item('vip', 1, vip)], accessCode: 'PRESS' }));
    expect(events).toEqual([
      {
        type: 'BookingPlaced',
        data: {
          bookingId: 'b1',
          eventId,
          buyerKey: 'user:u1',
          promoCode: null,
          previousStatus: null,
          status: BookingStatus.PENDING,
          buyer: customer,
          items: [
            {
              ticketTypeId: 'ga',
              ticketTypeName: 'General admission',
              pricingType: PricingType.PAID,
              quantity: 2,
              unitPrice: 4500,
              subtotal: 9000,
              discount: 0,
              total: 9000,
            },
            {
              ticketTypeId: 'vip',
              ticketTypeName: 'VIP',
              pricingType: PricingType.PAID,
              quantity: 1,
              unitPrice: 12000,
              subtotal: 12000,
              discount: 0,
              total: 12000,
            },
          ],
          amounts: { subtotal: 21000, discount: 0, total: 21000, currency: 'EUR' },
          discount: null,
          accessCode: 'PRESS',
          idempotencyKey: 'key-1',
          expiresAt: iso(15),
          placedAt: start.toISOString(),
        },
      },
    ]);
  });

  it('a guest books with their e-mail and name, and is counted under their e-mail whatever its case', () => {
    const guest: Buyer = { kind: 'GUEST', email: ' Ann@Example.com ', name: ' Ann Lee ' };
    const [placed] = when([], place({ buyer: guest })).events!;
    expect(placed.data).toMatchObject({
      buyer: { kind: 'GUEST', email: 'ann@example.com', name: 'Ann Lee' },
      buyerKey: 'guest:ann@example.com',
    });
  });

  it.each([
    ['no e-mail address', { kind: 'GUEST', email: 'ann', name: 'Ann' }],
    ['no name', { kind: 'GUEST', email: 'ann@example.com', name: ' ' }],
  ] as const)('a guest with %s cannot book', (_what, buyer) => {
    expect(reasonFor([], place({ buyer }))).toBe('GUEST_DETAILS_REQUIRED');
  });

  it('the same idempotency key twice returns the first booking and records nothing more', () => {
    expect(when(history(place()), place()).events).toEqual([]);
    expect(when(history(place()), place({ expiresAt: minutes(30) }), minutes(10)).events).toEqual([]);
  });

  it('the same idempotency key for another request is refused', () => {
    const { error } = when(history(place()), place({ items: [item('ga', 3)] }));
    expect(error?.code).toBe('CONFLICT');
    expect(error?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('another idempotency key never lands on an existing booking', () => {
    expect(reasonFor(history(place()), place({ idempotencyKey: 'key-2' }))).toBe('BOOKING_EXISTS');
  });

  it('a ticket type the buyer may not see is answered as if it did not exist', () => {
    const { error } = when([], place({ items: [item('secret', 1, terms({ isVisibleToBuyer: false }))] }));
    expect(error?.code).toBe('NOT_FOUND');
    expect(error?.reason).toBe('TICKET_TYPE_NOT_FOUND');
  });

  it('a ticket type not on sale now cannot be booked', () => {
    expect(reasonFor([], place({ items: [item('ga', 1, terms({ isOnSale: false }))] }))).toBe(
      'TICKET_TYPE_NOT_ON_SALE',
    );
  });

  it.each([
    [SalesChannel.ONLINE_ONLY, undefined],
    [SalesChannel.EVERYWHERE, undefined],
    [SalesChannel.AT_DOOR_ONLY, 'NOT_SOLD_ONLINE'],
  ])(
    'a ticket type sold %s is bookable online only when its channel includes online',
    (salesChannel, reason) => {
      expect(reasonFor([], place({ items: [item('ga', 1, terms({ salesChannel }))] }))).toBe(reason);
    },
  );

  it('each ticket type is booked within its minimum and maximum per order', () => {
    const pairs = terms({ minPerOrder: 2, maxPerOrder: 4 });
    expect(reasonFor([], place({ items: [item('pair', 1, pairs)] }))).toBe('MIN_PER_ORDER_NOT_MET');
    expect(reasonFor([], place({ items: [item('pair', 5, pairs)] }))).toBe('MAX_PER_ORDER_EXCEEDED');
    expect(reasonFor([], place({ items: [item('pair', 4, pairs)] }))).toBeUndefined();
  });

  it('all items are booked together or none: one item out of bounds refuses the booking', () => {
    const { events, error } = when([], place({ items: [item('ga', 2), item('vip', 5, vip)] }));
    expect(events).toBeNull();
    expect(error?.details).toEqual({ ticketTypeId: 'vip', maxPerOrder: 4, requested: 5 });
  });

  it.each([
    ['no items', [], 'INVALID_QUANTITY'],
    ['a quantity of 0', [item('ga', 0)], 'INVALID_QUANTITY'],
    ['a ticket type listed twice', [item('ga', 1), item('ga', 1)], 'DUPLICATE_TICKET_TYPE'],
  ])('a booking with %s is refused', (_what, items, reason) => {
    expect(reasonFor([], place({ items }))).toBe(reason);
  });

  it('one booking is for one event', () => {
    const elsewhere = terms({ eventId: 'e2' });
    expect(reasonFor([], place({ items: [item('ga', 1), item('other', 1, elsewhere)] }))).toBe(
      'TICKET_TYPE_OF_OTHER_EVENT',
    );
  });

  it('one booking is paid in one currency', () => {
    const dollars = terms({ price: { amount: 5000, currency: 'USD' } });
    const { error } = when([], place({ items: [item('ga', 1), item('us', 1, dollars)] }));
    expect(error?.reason).toBe('MIXED_CURRENCIES');
    expect(error?.details).toEqual({ currencies: ['EUR', 'USD'] });
  });

  it('a donation is at least the minimum, one per order, and only a DONATION ticket type takes one', () => {
    expect(reasonFor([], place({ items: [item('gift', 1, gift, 499)] }))).toBe('DONATION_BELOW_MINIMUM');
    expect(reasonFor([], place({ items: [item('gift', 1, gift)] }))).toBe('DONATION_AMOUNT_REQUIRED');
    expect(reasonFor([], place({ items: [item('gift', 2, { ...gift, maxPerOrder: 2 }, 500)] }))).toBe(
      'DONATION_LIMITED_TO_ONE',
    );
    expect(reasonFor([], place({ items: [item('ga', 1, ga, 500)] }))).toBe('DONATION_NOT_ACCEPTED');
    expect(reasonFor([], place({ items: [item('gift', 1, gift, 10.5)] }))).toBe('INVALID_AMOUNT');
  });

  it('a donation at or above the minimum is what the buyer pays for it', () => {
    const [placed] = when([], place({ items: [item('gift', 1, gift, 500), item('ga', 1)] })).events!;
    expect(placed.data).toMatchObject({
      amounts: { subtotal: 5000, discount: 0, total: 5000, currency: 'EUR' },
    });
  });

  it('a granted promo code is priced into the lines and recorded with its discount', () => {
    const [placed] = when([], place({ promoCode: { ...early10, code: 'early10' } })).events!;
    expect(placed.data).toMatchObject({
      promoCode: 'EARLY10',
      discount: { kind: 'PERCENT', percentOff: 10 },
      items: [{ subtotal: 9000, discount: 900, total: 8100 }],
      amounts: { subtotal: 9000, discount: 900, total: 8100, currency: 'EUR' },
    });
  });

  it('a promo code that takes nothing off the paid tickets is refused', () => {
    const forVip = { ...early10, ticketTypeIds: ['vip'] };
    expect(reasonFor([], place({ promoCode: forVip }))).toBe('PROMO_CODE_NOT_APPLICABLE');
    expect(reasonFor([], place({ items: [item('free', 1, free)], promoCode: early10 }))).toBe(
      'PROMO_CODE_NOT_APPLICABLE',
    );
  });

  it('a fixed amount off in another currency than the booking is refused', () => {
    const dollarsOff: PromoCodeRedemption = {
      code: 'FIVE',
      discount: { kind: 'AMOUNT', amountOff: { amount: 500, currency: 'USD' } },
      ticketTypeIds: [],
    };
    expect(reasonFor([], place({ promoCode: dollarsOff }))).toBe('PROMO_CODE_CURRENCY_MISMATCH');
  });

  it('a total of zero confirms at once, with no payment', () => {
    const { events } = when([], place({ items: [item('free', 2, free)] }));
    expect(typesOf(events)).toEqual(['BookingPlaced', 'BookingConfirmed']);
    expect(events![1].data).toMatchObject({
      previousStatus: BookingStatus.PENDING,
      status: BookingStatus.CONFIRMED,
      payment: null,
      reacquired: false,
      items: [{ ticketTypeId: 'free', quantity: 2 }],
    });
    const fullyDiscounted = { ...early10, discount: { kind: 'PERCENT' as const, percentOff: 100 } };
    expect(typesOf(when([], place({ promoCode: fullyDiscounted })).events)).toEqual([
      'BookingPlaced',
      'BookingConfirmed',
    ]);
  });

  it('a booking holds its tickets until a moment still to come', () => {
    expect(reasonFor([], place({ expiresAt: start }))).toBe('INVALID_EXPIRY');
  });
});

describe('starting the payment', () => {
  it('records the payment the buyer is asked to complete, for the booking total', () => {
    expect(when(history(place()), startPayment()).events).toEqual([
      {
        type: 'BookingPaymentStarted',
        data: {
          bookingId: 'b1',
          eventId,
          buyerKey: 'user:u1',
          promoCode: null,
          paymentRef: 'pi_1',
          amount: 9000,
          currency: 'EUR',
          startedAt: start.toISOString(),
        },
      },
    ]);
  });

  it('the same payment twice is recorded once, and another payment for the same booking is refused', () => {
    expect(when(pending(), startPayment()).events).toEqual([]);
    expect(reasonFor(pending(), startPayment('pi_2'))).toBe('PAYMENT_ALREADY_STARTED');
  });

  it('only a pending booking is paid for', () => {
    expect(reasonFor(history(place(), later(15, expire)), startPayment())).toBe('BOOKING_NOT_PENDING');
  });

  it('a booking that does not exist cannot be paid for', () => {
    expect(reasonFor([], startPayment())).toBe('BOOKING_NOT_FOUND');
  });
});

describe('confirming on payment', () => {
  it('a payment of the total while the units are held confirms the booking', () => {
    const { events } = when(pending(), confirm(), minutes(5));
    expect(events).toEqual([
      {
        type: 'BookingConfirmed',
        data: {
          bookingId: 'b1',
          eventId,
          buyerKey: 'user:u1',
          promoCode: null,
          previousStatus: BookingStatus.PENDING,
          status: BookingStatus.CONFIRMED,
          buyer: customer,
          items: [{ ticketTypeId: 'ga', quantity: 2 }],
          payment: { paymentRef: 'pi_1', amount: 9000, currency: 'EUR' },
          reacquired: false,
          confirmedAt: iso(5),
        },
      },
    ]);
  });

  it('a payment of another amount or currency than the total is refused with what was expected', () => {
    const { error } = when(pending(), confirm({ amount: 8000 }));
    expect(error?.reason).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(error?.details).toEqual({
      expected: { amount: 9000, currency: 'EUR' },
      received: { amount: 8000, currency: 'EUR' },
    });
    expect(reasonFor(pending(), confirm({ currency: 'USD' }))).toBe('PAYMENT_AMOUNT_MISMATCH');
  });

  it('the same payment reported twice confirms once; another payment for a paid booking is refused', () => {
    expect(when(paid(), confirm()).events).toEqual([]);
    expect(reasonFor(paid(), confirm({ paymentRef: 'pi_2' }))).toBe('BOOKING_ALREADY_PAID');
  });

  it('a payment after the hold expired confirms the booking when its units were taken again', () => {
    const { events } = when(expired(), confirm({ unitsStillHeld: false, reacquired: true }), minutes(20));
    expect(events![0].data).toMatchObject({
      previousStatus: BookingStatus.EXPIRED,
      status: BookingStatus.CONFIRMED,
      reacquired: true,
    });
  });

  it('a payment after the hold expired is due for refund, saying why, when the units are gone', () => {
    const { events } = when(
      expired(),
      confirm({ unitsStillHeld: false, reacquired: false, unavailableBecause: 'SOLD_OUT' }),
      minutes(20),
    );
    expect(events).toEqual([
      {
        type: 'BookingRefundDue',
        data: {
          bookingId: 'b1',
          eventId,
          buyerKey: 'user:u1',
          promoCode: null,
          previousStatus: BookingStatus.EXPIRED,
          status: BookingStatus.REFUND_DUE,
          payment: { paymentRef: 'pi_1', amount: 9000, currency: 'EUR' },
          reason: RefundDueReason.UNITS_UNAVAILABLE,
          unavailableBecause: 'SOLD_OUT',
          dueAt: iso(20),
        },
      },
    ]);
  });

  it('a card that failed and was then retried successfully confirms the booking when its units are taken again', () => {
    const past = history(place(), startPayment(), failPayment);
    const { events } = when(past, confirm({ unitsStillHeld: false, reacquired: true }));
    expect(events![0].data).toMatchObject({
      previousStatus: BookingStatus.PAYMENT_FAILED,
      status: BookingStatus.CONFIRMED,
    });
  });

  it('a payment for a cancelled booking is due for refund, whatever the inventory holds', () => {
    const { events } = when(history(place(), startPayment(), cancel()), confirm({ unitsStillHeld: true }));
    expect(events![0]).toMatchObject({
      type: 'BookingRefundDue',
      data: { reason: RefundDueReason.BOOKING_CANCELLED, previousStatus: BookingStatus.CANCELLED },
    });
  });

  it('a booking that cost nothing takes no payment', () => {
    expect(reasonFor(history(place({ items: [item('free', 1, free)] })), confirm())).toBe('NOTHING_TO_PAY');
  });
});

describe('expiring the hold', () => {
  it('a pending booking expires from the instant its hold ends, not a moment before', () => {
    expect(reasonFor(pending(), expire, new Date(minutes(15).getTime() - 1))).toBe('BOOKING_NOT_EXPIRED');
    const { events } = when(pending(), expire, minutes(15));
    expect(events).toEqual([
      {
        type: 'BookingExpired',
        data: {
          bookingId: 'b1',
          eventId,
          buyerKey: 'user:u1',
          promoCode: null,
          previousStatus: BookingStatus.PENDING,
          status: BookingStatus.EXPIRED,
          expiresAt: iso(15),
          expiredAt: iso(15),
        },
      },
    ]);
  });

  it('a booking with an outcome already (paid, cancelled, expired) does not expire', () => {
    expect(when(paid(), expire, minutes(20)).events).toEqual([]);
    expect(when(history(place(), cancel()), expire, minutes(20)).events).toEqual([]);
    expect(when(expired(), expire, minutes(20)).events).toEqual([]);
  });
});

describe('recording that the hold was given back', () => {
  const holdReleased = (reason: 'EXPIRED' | 'PAYMENT_FAILED' | 'CANCELLED'): BookingCommand => ({
    type: 'RecordHoldReleased',
    bookingId: 'b1',
    reason,
  });

  it('a booking that ended unpaid records its hold given back once, with why', () => {
    const { events } = when(expired(), holdReleased('EXPIRED'), minutes(16));
    expect(events).toEqual([
      {
        type: 'BookingHoldReleased',
        data: {
          bookingId: 'b1',
          eventId,
          buyerKey: 'user:u1',
          promoCode: null,
          reason: 'EXPIRED',
          releasedAt: iso(16),
        },
      },
    ]);
    expect(when([...expired(), ...events!], holdReleased('EXPIRED'), minutes(17)).events).toEqual([]);
    expect(typesOf(when(history(place(), failPayment), holdReleased('PAYMENT_FAILED')).events)).toEqual([
      'BookingHoldReleased',
    ]);
    expect(typesOf(when(history(place(), cancel()), holdReleased('CANCELLED')).events)).toEqual([
      'BookingHoldReleased',
    ]);
  });

  it('a pending booking still needs its hold', () => {
    expect(reasonFor(pending(), holdReleased('EXPIRED'))).toBe('BOOKING_STILL_PENDING');
  });

  it('a sold booking has no hold to give back: the sale took it over', () => {
    expect(when(paid(), holdReleased('EXPIRED')).events).toEqual([]);
    expect(
      when(history(place(), startPayment(), confirm(), cancel(staff)), holdReleased('CANCELLED')).events,
    ).toEqual([]);
  });
});

describe('a failed payment', () => {
  it('ends a pending booking and records what the gateway said', () => {
    expect(when(pending(), failPayment).events![0].data).toMatchObject({
      previousStatus: BookingStatus.PENDING,
      status: BookingStatus.PAYMENT_FAILED,
      paymentRef: 'pi_1',
      failureCode: 'card_declined',
      failureMessage: 'Your card was declined.',
    });
  });

  it('reported after the booking has an outcome changes nothing', () => {
    expect(when(paid(), failPayment).events).toEqual([]);
  });
});

describe('cancelling a booking', () => {
  it('a pending booking cancelled by its buyer releases its hold, saying who and why', () => {
    expect(when(pending(), cancel()).events![0].data).toMatchObject({
      previousStatus: BookingStatus.PENDING,
      status: BookingStatus.CANCELLED,
      items: [{ ticketTypeId: 'ga', quantity: 2 }],
      by: buyerCancels,
      reason: 'Changed my mind',
    });
  });

  it('a confirmed booking cancelled by staff keeps its record and voids its tickets', () => {
    const past = [...paid(), ...when(paid(), cancel(staff, 'Duplicate order')).events!];
    expect(given(bookingDecider, past).state).toMatchObject({
      status: BookingStatus.CANCELLED,
      payment: { paymentRef: 'pi_1', amount: 9000 },
      items: [{ ticketTypeId: 'ga', quantity: 2, total: 9000 }],
    });
  });

  it('a buyer cannot cancel a confirmed booking: they ask for a refund', () => {
    expect(when(paid(), cancel()).error?.code).toBe('FORBIDDEN');
  });

  it('a cancellation says why', () => {
    expect(reasonFor(pending(), cancel(buyerCancels, '  '))).toBe('CANCELLATION_REASON_REQUIRED');
  });

  it('cancelling twice cancels once', () => {
    expect(when(history(place(), cancel()), cancel()).events).toEqual([]);
  });

  it('a booking that expired, failed or was refunded cannot be cancelled', () => {
    expect(reasonFor(expired(), cancel(staff))).toBe('BOOKING_NOT_CANCELLABLE');
    expect(reasonFor(history(place(), failPayment), cancel(staff))).toBe('BOOKING_NOT_CANCELLABLE');
    expect(reasonFor(history(place(), startPayment(), confirm(), refund()), cancel(staff))).toBe(
      'BOOKING_NOT_CANCELLABLE',
    );
  });
});

describe('refunding a booking', () => {
  it('a confirmed booking is refunded in full, and its units go back on sale', () => {
    expect(when(paid(), refund()).events).toEqual([
      {
        type: 'BookingRefunded',
        data: {
          bookingId: 'b1',
          eventId,
          buyerKey: 'user:u1',
          promoCode: null,
          previousStatus: BookingStatus.CONFIRMED,
          status: BookingStatus.REFUNDED,
          items: [{ ticketTypeId: 'ga', quantity: 2 }],
          refundRef: 're_1',
          amount: 9000,
          currency: 'EUR',
          refundedAt: start.toISOString(),
        },
      },
    ]);
  });

  it('a payment due for refund is refunded, and the booking says it was never confirmed', () => {
    const past = history(
      place(),
      startPayment(),
      later(15, expire),
      later(20, confirm({ unitsStillHeld: false, reacquired: false })),
    );
    expect(when(past, refund()).events![0].data).toMatchObject({ previousStatus: BookingStatus.REFUND_DUE });
  });

  it('a confirmed booking cancelled without refund may still be refunded', () => {
    const past = history(place(), startPayment(), confirm(), cancel(staff));
    expect(when(past, refund()).events![0].data).toMatchObject({ previousStatus: BookingStatus.CANCELLED });
  });

  it('the same refund twice refunds once; another refund of a refunded booking is refused', () => {
    const past = history(place(), startPayment(), confirm(), refund());
    expect(when(past, refund()).events).toEqual([]);
    expect(reasonFor(past, refund('re_2'))).toBe('BOOKING_ALREADY_REFUNDED');
  });

  it('the whole payment is refunded, not part of it', () => {
    const { error } = when(paid(), refund('re_1', 4500));
    expect(error?.reason).toBe('REFUND_AMOUNT_MISMATCH');
    expect(error?.details).toEqual({ paid: 9000, refunded: 4500 });
  });

  it('a booking never paid cannot be refunded, and a free one is cancelled instead', () => {
    expect(reasonFor(pending(), refund())).toBe('BOOKING_NOT_REFUNDABLE');
    expect(reasonFor(history(place({ items: [item('free', 1, free)] })), refund('re_1', 0))).toBe(
      'NOTHING_TO_REFUND',
    );
  });
});
