import type { ReleaseReason } from '../release-reason';
import type { PromoDiscount } from './promo-discount';

/** The organizer's code for one event. The handler has checked that the ticket types belong to the event. */
export type CreatePromoCode = {
  type: 'CreatePromoCode';
  eventId: string;
  code: string;
  discount: PromoDiscount;
  /** Empty: every ticket type of the event. */
  ticketTypeIds: string[];
  /** Null for no limit. */
  maxUses: number | null;
  /** The code is accepted from `validFrom` (included) to `validUntil` (excluded). */
  validFrom: Date;
  validUntil: Date;
  createdBy: string;
};

/**
 * One use for one booking, held until `expiresAt` (the booking's hold) unless the booking is confirmed first.
 * `ticketTypeIds` are the booking's, so a code that takes nothing off them is refused rather than wasted.
 */
export type RedeemPromoCode = {
  type: 'RedeemPromoCode';
  eventId: string;
  code: string;
  bookingId: string;
  ticketTypeIds: string[];
  expiresAt: Date;
};

/** The booking ended unpaid: its use goes back to the code. */
export type ReleasePromoCodeRedemption = {
  type: 'ReleasePromoCodeRedemption';
  eventId: string;
  code: string;
  bookingId: string;
  reason: ReleaseReason;
};

/** The booking was paid (or cost nothing): its use is spent for good. */
export type ConfirmPromoCodeRedemption = {
  type: 'ConfirmPromoCodeRedemption';
  eventId: string;
  code: string;
  bookingId: string;
};

export type PromoCodeCommand =
  | CreatePromoCode
  | RedeemPromoCode
  | ReleasePromoCodeRedemption
  | ConfirmPromoCodeRedemption;
