import type { Buyer } from '../buyer';
import type { PromoDiscount } from '../promo-code/promo-discount';
import type { BookingAmounts, PricedLine } from './booking-pricing';
import { BookingStatus } from './booking-status';
import type { BookingEvent, BookingReference, ReceivedPayment } from './booking.events';

export interface BookingState {
  reference: BookingReference;
  status: BookingStatus;
  /**
   * The status before the last change: what a cancellation or a refund left to do (release a hold, or void or refund
   * tickets and return their units) follows from it, also when that work is retried.
   */
  previousStatus: BookingStatus | null;
  buyer: Buyer;
  items: PricedLine[];
  amounts: BookingAmounts;
  discount: PromoDiscount | null;
  accessCode: string | null;
  idempotencyKey: string;
  expiresAt: string;
  /** The payment the buyer was asked to complete. */
  paymentRef: string | null;
  /** The payment received, whether it bought the booking or is to be refunded. */
  payment: ReceivedPayment | null;
  refundRef: string | null;
  /** Whether the booking still holds units, an allowance or a code's use that no sale has taken over. */
  holdOpen: boolean;
}

export function evolveBooking(state: BookingState | null, event: BookingEvent): BookingState | null {
  if (event.type === 'BookingPlaced') {
    const { bookingId, eventId, buyerKey, promoCode, status, buyer, items, amounts, discount } = event.data;
    const { accessCode, idempotencyKey, expiresAt } = event.data;
    return {
      reference: { bookingId, eventId, buyerKey, promoCode },
      status,
      previousStatus: null,
      buyer,
      items,
      amounts,
      discount,
      accessCode,
      idempotencyKey,
      expiresAt,
      paymentRef: null,
      payment: null,
      refundRef: null,
      holdOpen: status === BookingStatus.PENDING,
    };
  }
  if (!state) return state;
  const next = 'status' in event.data ? { ...state, previousStatus: state.status } : state;
  switch (event.type) {
    case 'BookingPaymentStarted':
      return { ...next, paymentRef: event.data.paymentRef };
    case 'BookingConfirmed':
      return { ...next, status: event.data.status, payment: event.data.payment, holdOpen: false };
    case 'BookingRefundDue':
      return { ...next, status: event.data.status, payment: event.data.payment };
    case 'BookingHoldReleased':
      return { ...next, holdOpen: false };
    case 'BookingRefunded':
      return { ...next, status: event.data.status, refundRef: event.data.refundRef };
    case 'BookingExpired':
    case 'BookingPaymentFailed':
    case 'BookingCancelled':
      return { ...next, status: event.data.status };
  }
}

/**
 * Whether a payment arriving now could still buy the booking's units, so the handler knows to confirm or take them
 * again in the inventory before confirming; a cancelled booking is refunded instead, whatever the inventory holds.
 */
export function acceptsPayment(state: BookingState): boolean {
  const waiting: BookingStatus[] = [
    BookingStatus.PENDING,
    BookingStatus.EXPIRED,
    BookingStatus.PAYMENT_FAILED,
  ];
  return state.payment === null && state.amounts.total > 0 && waiting.includes(state.status);
}
