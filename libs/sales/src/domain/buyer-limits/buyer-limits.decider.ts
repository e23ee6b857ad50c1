import { conflict, type Decider, notFound } from '@ticketing/platform/domain';
import { type CheckoutRefusal, refusedAgain } from '../checkout-refusal';
import { ReleaseReason } from '../release-reason';
import type {
  BuyerLimitsCommand,
  ConfirmBuyerUnits,
  ReleaseBuyerUnits,
  ReserveBuyerUnits,
} from './buyer-limits.commands';
import type {
  BuyerCounts,
  BuyerItem,
  BuyerLimitsEvent,
  BuyerReleaseReason,
  BuyerUnitsReleased,
} from './buyer-limits.events';
import { assertValidItems, assertWithinLimits } from './buyer-limits.rules';
import {
  type BuyerBooking,
  type BuyerLimitsState,
  evolveBuyerLimits,
  initialBuyerLimitsState,
  unitsCounted,
} from './buyer-limits.state';

/**
 * What one buyer holds and bought of one event, on the stream `buyerLimits-<eventId>-<buyer key>` (the account, or
 * the normalised e-mail of a guest; see `buyerKey`). "At most N per buyer across all their bookings" compares every
 * booking of that buyer, and no booking's stream sees the others; the inventory sees them all but does not know
 * buyers, and deciding the limit there would make every buyer of a flash sale contend for one stream on a rule
 * that concerns each of them alone. Per buyer, two buyers never conflict; only one buyer's concurrent checkouts do,
 * and those must, or each would see room for its own tickets and together pass the limit.
 *
 * Held units count with bought ones until the booking ends unpaid; a cancelled or refunded sale gives its units
 * back too, because the buyer no longer has those tickets. Held units past their expiry stop counting before any
 * decision they could block, in the same append, as in the inventory.
 */
export const buyerLimitsDecider: Decider<BuyerLimitsCommand, BuyerLimitsEvent, BuyerLimitsState> = {
  initialState: initialBuyerLimitsState,
  evolve: evolveBuyerLimits,

  decide(command, state, now) {
    switch (command.type) {
      case 'ReserveBuyerUnits':
        return reserve(command, state, now);
      case 'ReleaseBuyerUnits':
        return release(command, state, now);
      case 'ConfirmBuyerUnits':
        return confirm(command, state, now);
    }
  },
};

function reserve(command: ReserveBuyerUnits, state: BuyerLimitsState, now: Date): BuyerLimitsEvent[] {
  const { eventId, buyerKey, bookingId, items } = command;
  assertValidItems(items);
  const existing = state.bookings[bookingId];
  if (existing?.status === 'HELD' && sameItems(existing.items, items)) return [];
  if (existing?.status === 'RELEASED') {
    // The same request as a refused checkout is told what it was told; anything else under its key is refused.
    if (existing.refusal && sameItems(existing.items, items)) throw refusedAgain(existing.refusal);
    throw conflict(
      'BOOKING_ID_REUSED',
      `Booking ${bookingId} was refused or has ended; place the booking again under a new idempotency key`,
    );
  }
  if (existing) {
    throw conflict('BOOKING_ID_REUSED', `Booking ${bookingId} already counted other tickets for this buyer`);
  }
  return afterExpiredReleased(command, state, now, (current) => {
    assertWithinLimits(current, items);
    const data = {
      eventId,
      buyerKey,
      bookingId,
      items,
      expiresAt: command.expiresAt.toISOString(),
      reservedAt: now.toISOString(),
      counts: countsAfter(current, items, Movement.hold),
    };
    return [{ type: 'BuyerUnitsReserved', data }];
  });
}

/** Releasing twice records nothing: the expiry process, a cancellation and a payment race for the same booking. */
function release(command: ReleaseBuyerUnits, state: BuyerLimitsState, now: Date): BuyerLimitsEvent[] {
  const booking = bookingOf(state, command.bookingId);
  if (booking.status === 'RELEASED') return [];
  return [released(command, state, command.bookingId, booking, command.reason, now, command.refusal)];
}

/**
 * Held units become bought even past their expiry: nothing released them, so nothing else was counted in their
 * place. Released ones (a payment after the booking expired) count again only if the buyer's limits still allow it.
 */
function confirm(command: ConfirmBuyerUnits, state: BuyerLimitsState, now: Date): BuyerLimitsEvent[] {
  const { eventId, buyerKey, bookingId } = command;
  const booking = bookingOf(state, bookingId);
  if (booking.status === 'BOUGHT') return [];
  if (booking.status === 'HELD') {
    const counts = countsAfter(state, booking.items, Movement.buyHeld);
    return [
      {
        type: 'BuyerUnitsConfirmed',
        data: { eventId, buyerKey, bookingId, confirmedAt: now.toISOString(), counts },
      },
    ];
  }
  return afterExpiredReleased(command, state, now, (current) => {
    assertWithinLimits(current, booking.items);
    const data = {
      eventId,
      buyerKey,
      bookingId,
      releasedBecause: booking.reason,
      reacquiredAt: now.toISOString(),
      counts: countsAfter(current, booking.items, Movement.buy),
    };
    return [{ type: 'BuyerUnitsReacquired', data }];
  });
}

function bookingOf(state: BuyerLimitsState, bookingId: string): BuyerBooking {
  const booking = state.bookings[bookingId];
  if (!booking) throw notFound('Booking', bookingId);
  return booking;
}

/** Expired holds stop counting first, in the same append, when the decision that follows records anything. */
function afterExpiredReleased(
  target: { eventId: string; buyerKey: string },
  state: BuyerLimitsState,
  now: Date,
  decideOn: (current: BuyerLimitsState) => BuyerLimitsEvent[],
): BuyerLimitsEvent[] {
  const expired = Object.entries(state.bookings)
    .flatMap(([bookingId, booking]) =>
      booking.status === 'HELD' && Date.parse(booking.expiresAt) <= now.getTime()
        ? [{ bookingId, booking }]
        : [],
    )
    .sort(
      (a, b) =>
        a.booking.expiresAt.localeCompare(b.booking.expiresAt) || a.bookingId.localeCompare(b.bookingId),
    );
  let current = state;
  const releases = expired.map(({ bookingId, booking }) => {
    const event = released(target, current, bookingId, booking, ReleaseReason.EXPIRED, now);
    current = evolveBuyerLimits(current, event);
    return event;
  });
  const events = decideOn(current);
  return events.length === 0 ? [] : [...releases, ...events];
}

function released(
  target: { eventId: string; buyerKey: string },
  state: BuyerLimitsState,
  bookingId: string,
  booking: Exclude<BuyerBooking, { status: 'RELEASED' }>,
  reason: BuyerReleaseReason,
  now: Date,
  refusal?: CheckoutRefusal,
): BuyerUnitsReleased {
  const wasBought = booking.status === 'BOUGHT';
  const data = {
    eventId: target.eventId,
    buyerKey: target.buyerKey,
    bookingId,
    reason,
    wasBought,
    releasedAt: now.toISOString(),
    counts: countsAfter(state, booking.items, wasBought ? Movement.returnBought : Movement.release),
    ...(refusal ? { refusal } : {}),
  };
  return { type: 'BuyerUnitsReleased', data };
}

/** Where each unit of an item goes: between not counted, held and bought. */
const Movement = {
  hold: { held: 1, bought: 0 },
  release: { held: -1, bought: 0 },
  buyHeld: { held: -1, bought: 1 },
  buy: { held: 0, bought: 1 },
  returnBought: { held: 0, bought: -1 },
} as const;
type Movement = (typeof Movement)[keyof typeof Movement];

function countsAfter(
  state: BuyerLimitsState,
  items: readonly BuyerItem[],
  movement: Movement,
): BuyerCounts[] {
  return items.map(({ ticketTypeId, quantity }) => {
    const { held, bought } = unitsCounted(state, ticketTypeId);
    return {
      ticketTypeId,
      held: held + movement.held * quantity,
      bought: bought + movement.bought * quantity,
    };
  });
}

function sameItems(a: readonly BuyerItem[], b: readonly BuyerItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item) =>
      b.some((other) => other.ticketTypeId === item.ticketTypeId && other.quantity === item.quantity),
    )
  );
}
