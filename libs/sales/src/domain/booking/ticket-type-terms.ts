import type { Money } from '../money';

export const PricingType = {
  PAID: 'PAID',
  FREE: 'FREE',
  /** The buyer chooses the amount, at least the minimum donation when there is one. */
  DONATION: 'DONATION',
} as const;
export type PricingType = (typeof PricingType)[keyof typeof PricingType];

export const SalesChannel = {
  EVERYWHERE: 'EVERYWHERE',
  ONLINE_ONLY: 'ONLINE_ONLY',
  AT_DOOR_ONLY: 'AT_DOOR_ONLY',
} as const;
export type SalesChannel = (typeof SalesChannel)[keyof typeof SalesChannel];

/**
 * A ticket type as the handler found it in the catalog's read model when the booking was placed. The booking keeps
 * the price it was placed at, whatever the organizer changes afterwards. The two flags need the catalog's state and
 * the clock, so the handler computes them; the decider refuses on them and re-checks everything else.
 */
export interface TicketTypeTerms {
  /** The event the ticket type belongs to. */
  eventId: string;
  name: string;
  pricingType: PricingType;
  /** Above zero when PAID; none, or zero, when FREE; none for a DONATION. */
  price: Money | null;
  minimumDonation: Money | null;
  minPerOrder: number;
  maxPerOrder: number;
  salesChannel: SalesChannel;
  /** Its event is published, it is ACTIVE and not sold out, and now is inside its sales window. */
  isOnSale: boolean;
  /** This buyer may see it now: by its visibility, and for an INVITE_ONLY type, with an access code that unlocks it. */
  isVisibleToBuyer: boolean;
}
