import type { Buyer } from '../buyer';
import type { Money } from '../money';
import type { ReleaseReason } from '../release-reason';
import type { PromoCodeRedemption } from '../promo-code/promo-discount';
import type { Canceller } from './booking.events';
import type { TicketTypeTerms } from './ticket-type-terms';

/** One ticket type the buyer asks for, with its terms as the handler read them from the catalog. */
export interface BookingItemRequest {
  ticketTypeId: string;
  quantity: number;
  /** What the buyer gives for a DONATION ticket type; nothing for the others. */
  donation?: Money | null;
  terms: TicketTypeTerms;
}

/**
 * The handler has reserved the units in the inventory, counted them against the buyer's limits and, with a code,
 * redeemed it, all under this booking's id; `promoCode` is what the redemption granted. `bookingId` is derived from
 * the buyer and `idempotencyKey`, so asking again with the same key lands on this booking's stream.
 */
export type PlaceBooking = {
  type: 'PlaceBooking';
  bookingId: string;
  eventId: string;
  buyer: Buyer;
  items: BookingItemRequest[];
  promoCode: PromoCodeRedemption | null;
  accessCode: string | null;
  idempotencyKey: string;
  /** When the hold ends: now plus the configured hold duration. */
  expiresAt: Date;
};

/**
 * The gateway created the payment the buyer is to complete. Its client secret is not recorded: it lets anyone holding
 * it pay, the log is kept forever and read by admins, and the gateway hands it out again for the same booking.
 */
export type RecordPaymentStarted = { type: 'RecordPaymentStarted'; bookingId: string; paymentRef: string };

/**
 * The gateway reports the payment succeeded. Before sending this, the handler confirms the units in the inventory
 * (and the buyer's limits and the code's use): `unitsStillHeld` when the hold was still in place, `reacquired` when
 * it had been released and the units were taken again. When neither, `unavailableBecause` says which rule refused
 * (SOLD_OUT, MAX_PER_USER_EXCEEDED, PROMO_CODE_EXHAUSTED...) and the payment is to be refunded.
 */
export type ConfirmBooking = {
  type: 'ConfirmBooking';
  bookingId: string;
  paymentRef: string;
  amount: number;
  currency: string;
  unitsStillHeld: boolean;
  reacquired: boolean;
  unavailableBecause?: string | null;
};

/** Sent by the expiry process once the hold's time has passed. */
export type ExpireBooking = { type: 'ExpireBooking'; bookingId: string };

export type FailPayment = {
  type: 'FailPayment';
  bookingId: string;
  paymentRef: string;
  failureCode: string | null;
  failureMessage: string | null;
};

export type CancelBooking = { type: 'CancelBooking'; bookingId: string; by: Canceller; reason: string };

/** The gateway gave the whole payment back; `refundRef` is its id for the refund. */
export type RefundBooking = { type: 'RefundBooking'; bookingId: string; refundRef: string; amount: number };

/** Sent once the units, the buyer's allowance and any code's use of a booking that ended unpaid were given back. */
export type RecordHoldReleased = { type: 'RecordHoldReleased'; bookingId: string; reason: ReleaseReason };

export type BookingCommand =
  | PlaceBooking
  | RecordPaymentStarted
  | ConfirmBooking
  | ExpireBooking
  | FailPayment
  | CancelBooking
  | RefundBooking
  | RecordHoldReleased;
