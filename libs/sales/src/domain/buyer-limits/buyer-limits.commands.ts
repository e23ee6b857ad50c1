import type { CheckoutRefusal } from '../checkout-refusal';
import type { BuyerItem, BuyerReleaseReason } from './buyer-limits.events';

/**
 * Counts a booking's units against the buyer's limits, until `expiresAt` (the booking's hold) unless it is confirmed
 * first. `maxPerUser` comes with each item from the catalog, as the handler read it.
 */
export type ReserveBuyerUnits = {
  type: 'ReserveBuyerUnits';
  eventId: string;
  buyerKey: string;
  bookingId: string;
  items: BuyerItem[];
  expiresAt: Date;
};

/**
 * The booking ended unpaid, its tickets were cancelled or refunded, or its checkout was refused (`refusal`, what the
 * buyer was told): its units stop counting.
 */
export type ReleaseBuyerUnits = {
  type: 'ReleaseBuyerUnits';
  eventId: string;
  buyerKey: string;
  bookingId: string;
  reason: BuyerReleaseReason;
  refusal?: CheckoutRefusal;
};

/** The booking was paid (or cost nothing): its units count as bought. */
export type ConfirmBuyerUnits = {
  type: 'ConfirmBuyerUnits';
  eventId: string;
  buyerKey: string;
  bookingId: string;
};

export type BuyerLimitsCommand = ReserveBuyerUnits | ReleaseBuyerUnits | ConfirmBuyerUnits;
