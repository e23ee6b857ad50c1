import type { CheckoutRefusal } from '../checkout-refusal';
import type { BuyerCounts, BuyerItem, BuyerLimitsEvent, BuyerReleaseReason } from './buyer-limits.events';

export type BuyerBooking =
  | { status: 'HELD'; items: readonly BuyerItem[]; expiresAt: string }
  | { status: 'BOUGHT'; items: readonly BuyerItem[] }
  | {
      status: 'RELEASED';
      items: readonly BuyerItem[];
      reason: BuyerReleaseReason;
      refusal: CheckoutRefusal | null;
    };

/**
 * One buyer's units of one event. A buyer makes a handful of bookings, so plain objects copied on each change stay
 * cheap, unlike the event-wide streams.
 */
export interface BuyerLimitsState {
  /** By ticket type id. */
  counts: Readonly<Record<string, Omit<BuyerCounts, 'ticketTypeId'>>>;
  /** By booking id, every booking the buyer ever made for the event, so a repeated command is recognised. */
  bookings: Readonly<Record<string, BuyerBooking>>;
}

export const initialBuyerLimitsState: BuyerLimitsState = { counts: {}, bookings: {} };

export function evolveBuyerLimits(state: BuyerLimitsState, event: BuyerLimitsEvent): BuyerLimitsState {
  const { bookingId, counts } = event.data;
  const booking = state.bookings[bookingId];
  switch (event.type) {
    case 'BuyerUnitsReserved': {
      const { items, expiresAt } = event.data;
      return withBooking(state, bookingId, counts, { status: 'HELD', items, expiresAt });
    }
    case 'BuyerUnitsReleased':
      return withBooking(state, bookingId, counts, {
        status: 'RELEASED',
        items: booking.items,
        reason: event.data.reason,
        refusal: event.data.refusal ?? null,
      });
    case 'BuyerUnitsConfirmed':
    case 'BuyerUnitsReacquired':
      return withBooking(state, bookingId, counts, { status: 'BOUGHT', items: booking.items });
  }
}

/** Units of the type the buyer holds or bought: what counts against their limit. */
export function unitsCounted(state: BuyerLimitsState, ticketTypeId: string): BuyerCounts {
  const { held, bought } = state.counts[ticketTypeId] ?? { held: 0, bought: 0 };
  return { ticketTypeId, held, bought };
}

function withBooking(
  state: BuyerLimitsState,
  bookingId: string,
  counts: readonly BuyerCounts[],
  booking: BuyerBooking,
): BuyerLimitsState {
  const changed = Object.fromEntries(
    counts.map(({ ticketTypeId, held, bought }) => [ticketTypeId, { held, bought }]),
  );
  return {
    counts: { ...state.counts, ...changed },
    bookings: { ...state.bookings, [bookingId]: booking },
  };
}
