import type { DomainEvent } from '@ticketing/platform/domain';
import type { CheckoutRefusal } from '../checkout-refusal';
import { ReleaseReason } from '../release-reason';

/** One ticket type of a booking, and the most of it one buyer may have across all their bookings. */
export interface BuyerItem {
  ticketTypeId: string;
  quantity: number;
  maxPerUser: number;
}

/** Units of a sale stop counting when it ends unpaid, and also when its tickets are cancelled or refunded. */
export const BuyerReleaseReason = { ...ReleaseReason, REFUNDED: 'REFUNDED' } as const;
export type BuyerReleaseReason = (typeof BuyerReleaseReason)[keyof typeof BuyerReleaseReason];

/** The buyer's counts of a ticket type right after the fact that carries them. */
export interface BuyerCounts {
  ticketTypeId: string;
  held: number;
  bought: number;
}

export type BuyerUnitsReserved = DomainEvent<
  'BuyerUnitsReserved',
  {
    eventId: string;
    buyerKey: string;
    bookingId: string;
    items: BuyerItem[];
    expiresAt: string;
    reservedAt: string;
    counts: BuyerCounts[];
  }
>;

/**
 * `wasBought`: the units had been paid for (a cancellation or refund), rather than only held. `refusal`: what the
 * checkout was told when a rule refused it after its units were counted; absent on every other release.
 */
export type BuyerUnitsReleased = DomainEvent<
  'BuyerUnitsReleased',
  {
    eventId: string;
    buyerKey: string;
    bookingId: string;
    reason: BuyerReleaseReason;
    wasBought: boolean;
    releasedAt: string;
    counts: BuyerCounts[];
    refusal?: CheckoutRefusal;
  }
>;

export type BuyerUnitsConfirmed = DomainEvent<
  'BuyerUnitsConfirmed',
  { eventId: string; buyerKey: string; bookingId: string; confirmedAt: string; counts: BuyerCounts[] }
>;

/** A payment arrived after the booking's units had stopped counting, and the buyer's limits still allowed them. */
export type BuyerUnitsReacquired = DomainEvent<
  'BuyerUnitsReacquired',
  {
    eventId: string;
    buyerKey: string;
    bookingId: string;
    releasedBecause: BuyerReleaseReason;
    reacquiredAt: string;
    counts: BuyerCounts[];
  }
>;

/** The facts recorded on a `buyerLimits-<eventId>-<buyer key>` stream. */
export type BuyerLimitsEvent =
  | BuyerUnitsReserved
  | BuyerUnitsReleased
  | BuyerUnitsConfirmed
  | BuyerUnitsReacquired;
