import {
  conflict,
  type Decider,
  entriesOf,
  getEntry,
  notFound,
  ruleViolation,
} from '@ticketing/platform/domain';
import { ReleaseReason } from '../release-reason';
import type {
  ConfirmPromoCodeRedemption,
  CreatePromoCode,
  PromoCodeCommand,
  RedeemPromoCode,
  ReleasePromoCodeRedemption,
} from './promo-code.commands';
import type { PromoCodeEvent, PromoCodeRedemptionReleased, PromoCodeUses } from './promo-code.events';
import { assertValidPromoCode, normalisePromoCode } from './promo-code-name';
import {
  assertAppliesToBooking,
  assertUseLeft,
  assertValidMaxUses,
  assertValidWindow,
  assertWithinWindow,
} from './promo-code.rules';
import { evolvePromoCode, type PromoCodeDefinition, type PromoCodeState } from './promo-code.state';
import { assertValidDiscount, type PromoDiscount } from './promo-discount';

/**
 * One promo code of one event, on the stream `promoCode-<eventId>-<normalised code>`: "never used more often than
 * its maximum" compares every booking that uses the code, and no booking's own stream sees the others, so the
 * count of uses is decided here, under the code's expected revision, and nowhere else.
 *
 * Why this stream name: codes belong to an event (two organizers may both print EARLY10), so the event id is part of
 * it; and the normalised code is, so that creating a code that exists is refused by the store itself (the stream
 * exists) and every spelling of a code contends on one count. Bookings with other codes, or none, never touch it.
 * A code shared in a flash sale makes its stream hot, like the inventory's, and is written the same way.
 *
 * A use is held while its booking waits for payment and spent when it is confirmed. A booking that ends unpaid
 * (expired, cancelled, payment failed) gives its use back, as a buyer who never bought expects; a paid booking keeps
 * it even when it is later cancelled or refunded, because the discount was granted on a completed sale. Like the
 * inventory's holds, a held use whose time has passed is given back before any decision it could block, in the
 * same append, so an abandoned checkout never exhausts a code.
 */
export const promoCodeDecider: Decider<PromoCodeCommand, PromoCodeEvent, PromoCodeState | null> = {
  initialState: null,
  evolve: evolvePromoCode,

  decide(command, state, now) {
    if (command.type === 'CreatePromoCode') return create(command, state, now);
    if (!state) throw notFound('Promo code', normalisePromoCode(command.code));
    switch (command.type) {
      case 'RedeemPromoCode':
        return redeem(command, state, now);
      case 'ReleasePromoCodeRedemption':
        return release(command, state, now);
      case 'ConfirmPromoCodeRedemption':
        return confirm(command, state, now);
    }
  },
};

function create(command: CreatePromoCode, state: PromoCodeState | null, now: Date): PromoCodeEvent[] {
  const code = normalisePromoCode(command.code);
  assertValidPromoCode(code);
  assertValidDiscount(command.discount);
  assertValidMaxUses(command.maxUses);
  assertValidWindow(command.validFrom, command.validUntil, now);
  const definition: PromoCodeDefinition = {
    eventId: command.eventId,
    code,
    discount: command.discount,
    ticketTypeIds: [...new Set(command.ticketTypeIds)],
    maxUses: command.maxUses,
    validFrom: command.validFrom.toISOString(),
    validUntil: command.validUntil.toISOString(),
    createdBy: command.createdBy,
  };
  if (state) {
    if (sameDefinition(state.definition, definition)) return [];
    throw conflict('PROMO_CODE_TAKEN', `This event already has the promo code ${code}; choose another`);
  }
  return [{ type: 'PromoCodeCreated', data: { ...definition, createdAt: now.toISOString() } }];
}

function redeem(command: RedeemPromoCode, state: PromoCodeState, now: Date): PromoCodeEvent[] {
  const { bookingId } = command;
  const { definition } = state;
  const { eventId, code, discount, ticketTypeIds } = definition;
  const existing = getEntry(state.redemptions, bookingId);
  if (existing?.status === 'RELEASED') {
    throw conflict(
      'PROMO_CODE_REDEMPTION_ENDED',
      `Booking ${bookingId} gave its use of ${code} back; a new booking may redeem it again`,
    );
  }
  if (existing) return [];
  if (command.expiresAt.getTime() <= now.getTime()) {
    throw ruleViolation('INVALID_EXPIRY', 'A redemption is held until a moment still to come');
  }
  assertWithinWindow(definition, now);
  assertAppliesToBooking(definition, command.ticketTypeIds);
  return afterExpiredReleased(state, now, (uses) => {
    assertUseLeft(code, uses);
    const data = {
      eventId,
      code,
      bookingId,
      discount,
      ticketTypeIds,
      expiresAt: command.expiresAt.toISOString(),
      redeemedAt: now.toISOString(),
      uses: { ...uses, held: uses.held + 1 },
    };
    return [{ type: 'PromoCodeRedeemed', data }];
  });
}

/**
 * Giving back a use already given back or spent records nothing: the expiry process, a cancellation and a payment
 * race for the same booking, and whichever comes second finds its outcome already true.
 */
function release(command: ReleasePromoCodeRedemption, state: PromoCodeState, now: Date): PromoCodeEvent[] {
  const redemption = redemptionOf(state, command.bookingId);
  if (redemption.status !== 'HELD') return [];
  return [released(state.definition, state.uses, command.bookingId, command.reason, now)];
}

/**
 * A held use is spent even past its expiry: it was never given back, so nobody else could have taken it. One given
 * back (the payment came after the booking expired) is taken again only if a use is still left; otherwise the
 * booking cannot be confirmed at the price it was paid, and the payment is to be refunded.
 */
function confirm(command: ConfirmPromoCodeRedemption, state: PromoCodeState, now: Date): PromoCodeEvent[] {
  const { bookingId } = command;
  const { eventId, code } = state.definition;
  const redemption = redemptionOf(state, bookingId);
  if (redemption.status === 'CONFIRMED') return [];
  if (redemption.status === 'HELD') {
    const { held, confirmed, maxUses } = state.uses;
    const uses = { held: held - 1, confirmed: confirmed + 1, maxUses };
    return [
      {
        type: 'PromoCodeRedemptionConfirmed',
        data: { eventId, code, bookingId, confirmedAt: now.toISOString(), uses },
      },
    ];
  }
  return afterExpiredReleased(state, now, (uses) => {
    assertUseLeft(code, uses);
    const data = {
      eventId,
      code,
      bookingId,
      releasedBecause: redemption.reason,
      reacquiredAt: now.toISOString(),
      uses: { ...uses, confirmed: uses.confirmed + 1 },
    };
    return [{ type: 'PromoCodeRedemptionReacquired', data }];
  });
}

function redemptionOf(state: PromoCodeState, bookingId: string) {
  const redemption = getEntry(state.redemptions, bookingId);
  if (!redemption) throw notFound('Promo code redemption', bookingId);
  return redemption;
}

/** Expired holds are given back first, in the same append, when the decision that follows records anything. */
function afterExpiredReleased(
  state: PromoCodeState,
  now: Date,
  decideOn: (uses: PromoCodeUses) => PromoCodeEvent[],
): PromoCodeEvent[] {
  const expired = [...entriesOf(state.holds)]
    .filter(([, expiresAt]) => Date.parse(expiresAt) <= now.getTime())
    .sort(([idA, a], [idB, b]) => a.localeCompare(b) || idA.localeCompare(idB));
  let uses = state.uses;
  const releases = expired.map(([bookingId]) => {
    const event = released(state.definition, uses, bookingId, ReleaseReason.EXPIRED, now);
    uses = event.data.uses;
    return event;
  });
  const events = decideOn(uses);
  return events.length === 0 ? [] : [...releases, ...events];
}

function released(
  definition: PromoCodeDefinition,
  uses: PromoCodeUses,
  bookingId: string,
  reason: ReleaseReason,
  now: Date,
): PromoCodeRedemptionReleased {
  const { eventId, code } = definition;
  const data = {
    eventId,
    code,
    bookingId,
    reason,
    releasedAt: now.toISOString(),
    uses: { ...uses, held: uses.held - 1 },
  };
  return { type: 'PromoCodeRedemptionReleased', data };
}

/** Stored events may come back with their keys in another order (jsonb sorts them), so fields are compared. */
function sameDefinition(a: PromoCodeDefinition, b: PromoCodeDefinition): boolean {
  return (
    sameDiscount(a.discount, b.discount) &&
    a.maxUses === b.maxUses &&
    a.validFrom === b.validFrom &&
    a.validUntil === b.validUntil &&
    a.ticketTypeIds.length === b.ticketTypeIds.length &&
    a.ticketTypeIds.every((id) => b.ticketTypeIds.includes(id))
  );
}

function sameDiscount(a: PromoDiscount, b: PromoDiscount): boolean {
  if (a.kind === 'PERCENT') return b.kind === 'PERCENT' && a.percentOff === b.percentOff;
  const { amount, currency } = a.amountOff;
  return b.kind === 'AMOUNT' && b.amountOff.amount === amount && b.amountOff.currency === currency;
}
