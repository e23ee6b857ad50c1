import { conflict, type Decider, forbidden, notFound, ruleViolation } from '@ticketing/platform/domain';
import { buyerKey, recordedBuyer } from '../buyer';
import { normalisePromoCode } from '../promo-code/promo-code-name';
import { priceBooking } from './booking-pricing';
import { BookingStatus } from './booking-status';
import type {
  BookingCommand,
  CancelBooking,
  ConfirmBooking,
  FailPayment,
  PlaceBooking,
  RecordHoldReleased,
  RecordPaymentStarted,
  RefundBooking,
} from './booking.commands';
import {
  type BookingEvent,
  type ReceivedPayment,
  RefundDueReason,
  type StatusChange,
} from './booking.events';
import {
  assertBuyable,
  assertPromoCodeApplies,
  assertValidItems,
  assertWithinOrderLimits,
  bookingCurrency,
  lineOf,
} from './booking.rules';
import { acceptsPayment, type BookingState, evolveBooking } from './booking.state';

/**
 * One booking's lifecycle, on the stream `booking-<bookingId>`: what was asked for at which price, whether it was
 * paid, and what happened to it since. Its rules concern this booking alone, so its own stream is enough. What it
 * needs from others is decided by them, under the same booking id, before the booking records anything: the units
 * by the event's inventory, the per-buyer limit by the buyer's `buyerLimits` stream, a code's use by the code's
 * stream. The catalog's terms come in with the command, and the decider re-checks all it can without them.
 *
 * Late payments: a payment for a booking whose hold ended (expired, payment failed) confirms it when the handler
 * could confirm or take its units again; otherwise the booking becomes REFUND_DUE, recording why, and the payment
 * is refunded. A booking that was cancelled is refunded whatever the inventory holds: the buyer asked not to buy.
 */
export const bookingDecider: Decider<BookingCommand, BookingEvent, BookingState | null> = {
  initialState: null,
  evolve: evolveBooking,

  decide(command, state, now) {
    if (command.type === 'PlaceBooking') return place(command, state, now);
    if (!state) throw notFound('Booking', command.bookingId);
    switch (command.type) {
      case 'RecordPaymentStarted':
        return startPayment(command, state, now);
      case 'ConfirmBooking':
        return confirm(command, state, now);
      case 'ExpireBooking':
        return expire(state, now);
      case 'FailPayment':
        return failPayment(command, state, now);
      case 'CancelBooking':
        return cancel(command, state, now);
      case 'RefundBooking':
        return refund(command, state, now);
      case 'RecordHoldReleased':
        return recordHoldReleased(command, state, now);
    }
  },
};

/**
 * Placing again with the same idempotency key records nothing, so the caller gets the first booking back; the same
 * key for another request is a client bug, and another key on this booking's id cannot happen by chance.
 */
function place(command: PlaceBooking, state: BookingState | null, now: Date): BookingEvent[] {
  if (state) {
    if (state.idempotencyKey !== command.idempotencyKey) {
      throw conflict('BOOKING_EXISTS', `Booking ${command.bookingId} already exists`);
    }
    if (!sameRequest(state, command)) {
      throw conflict(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was already used for another booking request; use a new key for a new booking',
      );
    }
    return [];
  }
  const { bookingId, eventId, items, promoCode, accessCode, idempotencyKey, expiresAt } = command;
  assertValidItems(items);
  for (const item of items) {
    assertBuyable(eventId, item);
    assertWithinOrderLimits(item);
  }
  const priced = items.map(lineOf);
  const lines = priced.map(({ line }) => line);
  const currency = bookingCurrency(priced.map((line) => line.currency));
  if (promoCode) assertPromoCodeApplies(promoCode, lines, currency);
  if (expiresAt.getTime() <= now.getTime()) {
    throw ruleViolation('INVALID_EXPIRY', 'A booking holds its tickets until a moment still to come');
  }
  const buyer = recordedBuyer(command.buyer);
  const { lines: pricedLines, amounts } = priceBooking(lines, currency, promoCode);
  const code = promoCode ? normalisePromoCode(promoCode.code) : null;
  const reference = { bookingId, eventId, buyerKey: buyerKey(buyer), promoCode: code };
  const placed: BookingEvent = {
    type: 'BookingPlaced',
    data: {
      ...reference,
      ...change(null, BookingStatus.PENDING),
      buyer,
      items: pricedLines,
      amounts,
      discount: promoCode?.discount ?? null,
      accessCode,
      idempotencyKey,
      expiresAt: expiresAt.toISOString(),
      placedAt: now.toISOString(),
    },
  };
  if (amounts.total > 0) return [placed];
  // Nothing to pay, so nothing to wait for: the handler confirmed the units before appending both facts.
  const placedState = evolveBooking(null, placed)!;
  return [placed, confirmed(placedState, null, false, now)];
}

function startPayment(command: RecordPaymentStarted, state: BookingState, now: Date): BookingEvent[] {
  if (state.paymentRef === command.paymentRef) return [];
  assertPending(state, 'asked to pay');
  if (state.paymentRef !== null) {
    throw conflict(
      'PAYMENT_ALREADY_STARTED',
      `Booking ${state.reference.bookingId} is already paid through another payment`,
    );
  }
  const { total, currency } = state.amounts;
  // Only a booking with something to pay is still pending, and whatever it charges names its currency.
  return [
    {
      type: 'BookingPaymentStarted',
      data: {
        ...state.reference,
        paymentRef: command.paymentRef,
        amount: total,
        currency: currency!,
        startedAt: now.toISOString(),
      },
    },
  ];
}

function confirm(command: ConfirmBooking, state: BookingState, now: Date): BookingEvent[] {
  const { paymentRef, amount, currency } = command;
  if (state.payment) {
    if (state.payment.paymentRef === paymentRef) return [];
    throw conflict(
      'BOOKING_ALREADY_PAID',
      `Booking ${state.reference.bookingId} was already paid by another payment`,
    );
  }
  if (state.amounts.total === 0) {
    throw ruleViolation(
      'NOTHING_TO_PAY',
      `Booking ${state.reference.bookingId} costs nothing and is confirmed`,
    );
  }
  const expected = { amount: state.amounts.total, currency: state.amounts.currency };
  if (amount !== expected.amount || currency !== expected.currency) {
    throw ruleViolation(
      'PAYMENT_AMOUNT_MISMATCH',
      `Booking ${state.reference.bookingId} costs ${expected.amount} ${expected.currency}, ` +
        `not the ${amount} ${currency} paid`,
      { expected, received: { amount, currency } },
    );
  }
  const payment = { paymentRef, amount, currency };
  if (state.status === BookingStatus.CANCELLED) {
    return [refundDue(state, payment, RefundDueReason.BOOKING_CANCELLED, null, now)];
  }
  if (!acceptsPayment(state)) return [];
  if (command.unitsStillHeld || command.reacquired) {
    return [confirmed(state, payment, !command.unitsStillHeld, now)];
  }
  const because = command.unavailableBecause ?? null;
  return [refundDue(state, payment, RefundDueReason.UNITS_UNAVAILABLE, because, now)];
}

/**
 * Only a pending booking expires; any other has an outcome already (paid, cancelled, failed), which the expiry
 * process, racing with the payment, finds true and leaves alone.
 */
function expire(state: BookingState, now: Date): BookingEvent[] {
  if (state.status !== BookingStatus.PENDING) return [];
  if (Date.parse(state.expiresAt) > now.getTime()) {
    throw ruleViolation(
      'BOOKING_NOT_EXPIRED',
      `Booking ${state.reference.bookingId} holds its tickets until ${state.expiresAt}`,
    );
  }
  return [
    {
      type: 'BookingExpired',
      data: {
        ...state.reference,
        ...change(state.status, BookingStatus.EXPIRED),
        expiresAt: state.expiresAt,
        expiredAt: now.toISOString(),
      },
    },
  ];
}

/** A failure reported after the booking has an outcome (a retried card succeeded, it expired) changes nothing. */
function failPayment(command: FailPayment, state: BookingState, now: Date): BookingEvent[] {
  if (state.status !== BookingStatus.PENDING) return [];
  const { paymentRef, failureCode, failureMessage } = command;
  return [
    {
      type: 'BookingPaymentFailed',
      data: {
        ...state.reference,
        ...change(state.status, BookingStatus.PAYMENT_FAILED),
        paymentRef,
        failureCode,
        failureMessage,
        failedAt: now.toISOString(),
      },
    },
  ];
}

/**
 * A buyer may abandon a checkout; voiding paid tickets without a refund is a decision for the organizer's staff,
 * who check ownership of the event before sending it.
 */
function cancel(command: CancelBooking, state: BookingState, now: Date): BookingEvent[] {
  if (state.status === BookingStatus.CANCELLED) return [];
  const reason = command.reason.trim();
  if (!reason) throw ruleViolation('CANCELLATION_REASON_REQUIRED', 'Say why the booking is cancelled');
  if (state.status === BookingStatus.CONFIRMED && command.by.kind !== 'STAFF') {
    throw forbidden('A confirmed booking is cancelled by the organizer; ask for a refund instead');
  }
  if (state.status !== BookingStatus.PENDING && state.status !== BookingStatus.CONFIRMED) {
    throw ruleViolation(
      'BOOKING_NOT_CANCELLABLE',
      `Booking ${state.reference.bookingId} is ${state.status.toLowerCase()}; only a pending or confirmed booking can be cancelled`,
      { status: state.status },
    );
  }
  return [
    {
      type: 'BookingCancelled',
      data: {
        ...state.reference,
        ...change(state.status, BookingStatus.CANCELLED),
        items: quantities(state),
        by: command.by,
        reason,
        cancelledAt: now.toISOString(),
      },
    },
  ];
}

/** The whole payment goes back: refunding single tickets is the ticketing context's business. */
function refund(command: RefundBooking, state: BookingState, now: Date): BookingEvent[] {
  const { bookingId } = state.reference;
  if (state.status === BookingStatus.REFUNDED) {
    if (state.refundRef === command.refundRef) return [];
    throw ruleViolation('BOOKING_ALREADY_REFUNDED', `Booking ${bookingId} was already refunded`);
  }
  const refundable: BookingStatus[] = [
    BookingStatus.CONFIRMED,
    BookingStatus.CANCELLED,
    BookingStatus.REFUND_DUE,
  ];
  if (!refundable.includes(state.status)) {
    throw ruleViolation(
      'BOOKING_NOT_REFUNDABLE',
      `Booking ${bookingId} is ${state.status.toLowerCase()}; nothing was paid for it`,
      { status: state.status },
    );
  }
  const { payment } = state;
  if (!payment) {
    throw ruleViolation('NOTHING_TO_REFUND', `Booking ${bookingId} cost nothing; cancel it instead`);
  }
  if (command.amount !== payment.amount) {
    throw ruleViolation(
      'REFUND_AMOUNT_MISMATCH',
      `Booking ${bookingId} was paid ${payment.amount} ${payment.currency}; the whole amount is refunded, not ${command.amount}`,
      { paid: payment.amount, refunded: command.amount },
    );
  }
  return [
    {
      type: 'BookingRefunded',
      data: {
        ...state.reference,
        ...change(state.status, BookingStatus.REFUNDED),
        items: quantities(state),
        refundRef: command.refundRef,
        amount: payment.amount,
        currency: payment.currency,
        refundedAt: now.toISOString(),
      },
    },
  ];
}

/** A pending booking's hold is still needed; a sold one's was taken over by the sale and is not given back. */
function recordHoldReleased(command: RecordHoldReleased, state: BookingState, now: Date): BookingEvent[] {
  if (!state.holdOpen) return [];
  if (state.status === BookingStatus.PENDING) {
    throw ruleViolation(
      'BOOKING_STILL_PENDING',
      `Booking ${state.reference.bookingId} still holds its tickets until ${state.expiresAt}`,
    );
  }
  return [
    {
      type: 'BookingHoldReleased',
      data: { ...state.reference, reason: command.reason, releasedAt: now.toISOString() },
    },
  ];
}

function confirmed(
  state: BookingState,
  payment: ReceivedPayment | null,
  reacquired: boolean,
  now: Date,
): BookingEvent {
  return {
    type: 'BookingConfirmed',
    data: {
      ...state.reference,
      ...change(state.status, BookingStatus.CONFIRMED),
      buyer: state.buyer,
      items: quantities(state),
      payment,
      reacquired,
      confirmedAt: now.toISOString(),
    },
  };
}

function refundDue(
  state: BookingState,
  payment: ReceivedPayment,
  reason: RefundDueReason,
  unavailableBecause: string | null,
  now: Date,
): BookingEvent {
  return {
    type: 'BookingRefundDue',
    data: {
      ...state.reference,
      ...change(state.status, BookingStatus.REFUND_DUE),
      payment,
      reason,
      unavailableBecause,
      dueAt: now.toISOString(),
    },
  };
}

function assertPending(state: BookingState, what: string): void {
  if (state.status !== BookingStatus.PENDING) {
    throw ruleViolation(
      'BOOKING_NOT_PENDING',
      `Booking ${state.reference.bookingId} is ${state.status.toLowerCase()}, so it cannot be ${what}`,
      { status: state.status },
    );
  }
}

function change(previousStatus: BookingStatus | null, status: BookingStatus): StatusChange {
  return { previousStatus, status };
}

function quantities(state: BookingState): { ticketTypeId: string; quantity: number }[] {
  return state.items.map(({ ticketTypeId, quantity }) => ({ ticketTypeId, quantity }));
}

/** What the buyer asked for, not the terms: a retry may come after the organizer changed a price. */
function sameRequest(state: BookingState, command: PlaceBooking): boolean {
  const promoCode = command.promoCode ? normalisePromoCode(command.promoCode.code) : null;
  return (
    state.reference.promoCode === promoCode &&
    buyerKey(state.buyer) === buyerKey(command.buyer) &&
    state.items.length === command.items.length &&
    command.items.every((item) =>
      state.items.some(
        (line) =>
          line.ticketTypeId === item.ticketTypeId &&
          line.quantity === item.quantity &&
          (item.donation ? line.unitPrice === item.donation.amount : true),
      ),
    )
  );
}
