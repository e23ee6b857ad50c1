import type { DomainEvent } from '@ticketing/platform/domain';
import type { Buyer } from '../buyer';
import type { Money } from '../money';
import type { ReleaseReason } from '../release-reason';
import type { PromoDiscount } from '../promo-code/promo-discount';
import type { BookingAmounts, PricedLine } from './booking-pricing';
import type { BookingStatus } from './booking-status';

/**
 * What every booking fact carries, so that the processes reacting to it (releasing the hold, the buyer's limits and
 * the code's use; issuing or voiding tickets) need not read the booking first.
 */
export interface BookingReference {
  bookingId: string;
  eventId: string;
  buyerKey: string;
  /** The normalised code the booking redeemed, if any. */
  promoCode: string | null;
}

/** An entry of the booking's status history. */
export interface StatusChange {
  previousStatus: BookingStatus | null;
  status: BookingStatus;
}

/** The buyer themself (signed in, or a guest holding the booking's access token), or a staff member. */
export type Canceller = { kind: 'BUYER' } | { kind: 'STAFF'; userId: string };

export interface ReceivedPayment extends Money {
  paymentRef: string;
}

export const RefundDueReason = {
  /** The hold had ended and its units, the buyer's allowance or the code's use could not be had again. */
  UNITS_UNAVAILABLE: 'UNITS_UNAVAILABLE',
  /** The buyer or staff cancelled the booking before the payment arrived. */
  BOOKING_CANCELLED: 'BOOKING_CANCELLED',
} as const;
export type RefundDueReason = (typeof RefundDueReason)[keyof typeof RefundDueReason];

/** The units, the buyer's allowance and any code's use are held until `expiresAt`. */
export type BookingPlaced = DomainEvent<
  'BookingPlaced',
  BookingReference &
    StatusChange & {
      buyer: Buyer;
      items: PricedLine[];
      amounts: BookingAmounts;
      discount: PromoDiscount | null;
      accessCode: string | null;
      idempotencyKey: string;
      expiresAt: string;
      placedAt: string;
    }
>;

export type BookingPaymentStarted = DomainEvent<
  'BookingPaymentStarted',
  BookingReference & { paymentRef: string; amount: number; currency: string; startedAt: string }
>;

/**
 * Tickets are to be issued. `payment` is null when there was nothing to pay; `reacquired` when the payment came after
 * the hold had been released and the units were taken again.
 */
export type BookingConfirmed = DomainEvent<
  'BookingConfirmed',
  BookingReference &
    StatusChange & {
      buyer: Buyer;
      items: { ticketTypeId: string; quantity: number }[];
      payment: ReceivedPayment | null;
      reacquired: boolean;
      confirmedAt: string;
    }
>;

export type BookingExpired = DomainEvent<
  'BookingExpired',
  BookingReference & StatusChange & { expiresAt: string; expiredAt: string }
>;

export type BookingPaymentFailed = DomainEvent<
  'BookingPaymentFailed',
  BookingReference &
    StatusChange & {
      paymentRef: string;
      failureCode: string | null;
      failureMessage: string | null;
      failedAt: string;
    }
>;

/**
 * From PENDING the hold is released; from CONFIRMED the record stays, the tickets are voided and their units go back
 * on sale, without a refund.
 */
export type BookingCancelled = DomainEvent<
  'BookingCancelled',
  BookingReference &
    StatusChange & {
      items: { ticketTypeId: string; quantity: number }[];
      by: Canceller;
      reason: string;
      cancelledAt: string;
    }
>;

/** A payment was received that cannot buy the booking: it is to be refunded through the gateway. */
export type BookingRefundDue = DomainEvent<
  'BookingRefundDue',
  BookingReference &
    StatusChange & {
      payment: ReceivedPayment;
      reason: RefundDueReason;
      /** The rule that refused the units, as the handler reported it. */
      unavailableBecause: string | null;
      dueAt: string;
    }
>;

/**
 * The payment went back to the buyer. From CONFIRMED the tickets are refunded and their units go back on sale; from
 * CANCELLED they already went back; from REFUND_DUE there were none.
 */
export type BookingRefunded = DomainEvent<
  'BookingRefunded',
  BookingReference &
    StatusChange & {
      items: { ticketTypeId: string; quantity: number }[];
      refundRef: string;
      amount: number;
      currency: string;
      refundedAt: string;
    }
>;

/**
 * Everything the booking held (units, the buyer's allowance, a code's use) has been given back after it stopped
 * waiting for its payment. Until this is recorded the expiry process keeps finishing the release, which takes
 * several streams and may be cut short by a crash.
 */
export type BookingHoldReleased = DomainEvent<
  'BookingHoldReleased',
  BookingReference & { reason: ReleaseReason; releasedAt: string }
>;

/** The facts recorded on a `booking-<bookingId>` stream. */
export type BookingEvent =
  | BookingPlaced
  | BookingPaymentStarted
  | BookingConfirmed
  | BookingExpired
  | BookingPaymentFailed
  | BookingCancelled
  | BookingRefundDue
  | BookingRefunded
  | BookingHoldReleased;
