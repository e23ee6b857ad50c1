import type { DomainEvent } from '@ticketing/platform/domain';
import type { ReleaseReason } from '../release-reason';
import type { PromoDiscount } from './promo-discount';

/**
 * The code's uses right after the fact that carries them, so a read model sets them rather than adding deltas.
 * `held` are uses of bookings not paid yet; `held + confirmed` never exceeds `maxUses`.
 */
export interface PromoCodeUses {
  held: number;
  confirmed: number;
  /** Null: the code may be used any number of times. */
  maxUses: number | null;
}

export type PromoCodeCreated = DomainEvent<
  'PromoCodeCreated',
  {
    eventId: string;
    code: string;
    discount: PromoDiscount;
    ticketTypeIds: string[];
    maxUses: number | null;
    validFrom: string;
    validUntil: string;
    createdBy: string;
    createdAt: string;
  }
>;

/** Carries the discount and its ticket types: what the booking is priced with. */
export type PromoCodeRedeemed = DomainEvent<
  'PromoCodeRedeemed',
  {
    eventId: string;
    code: string;
    bookingId: string;
    discount: PromoDiscount;
    ticketTypeIds: string[];
    expiresAt: string;
    redeemedAt: string;
    uses: PromoCodeUses;
  }
>;

export type PromoCodeRedemptionReleased = DomainEvent<
  'PromoCodeRedemptionReleased',
  {
    eventId: string;
    code: string;
    bookingId: string;
    reason: ReleaseReason;
    releasedAt: string;
    uses: PromoCodeUses;
  }
>;

export type PromoCodeRedemptionConfirmed = DomainEvent<
  'PromoCodeRedemptionConfirmed',
  { eventId: string; code: string; bookingId: string; confirmedAt: string; uses: PromoCodeUses }
>;

/** A payment arrived after the booking's use had been given back, and a use was still left to take again. */
export type PromoCodeRedemptionReacquired = DomainEvent<
  'PromoCodeRedemptionReacquired',
  {
    eventId: string;
    code: string;
    bookingId: string;
    releasedBecause: ReleaseReason;
    reacquiredAt: string;
    uses: PromoCodeUses;
  }
>;

/** The facts recorded on a `promoCode-<eventId>-<normalised code>` stream. */
export type PromoCodeEvent =
  | PromoCodeCreated
  | PromoCodeRedeemed
  | PromoCodeRedemptionReleased
  | PromoCodeRedemptionConfirmed
  | PromoCodeRedemptionReacquired;
