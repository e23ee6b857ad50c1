import type { ReleaseReason } from '../release-reason';
import { deleteEntry, emptyMap, type PersistentMap, setEntry } from '@ticketing/platform/domain';
import type { PromoCodeCreated, PromoCodeEvent, PromoCodeUses } from './promo-code.events';

export type PromoCodeDefinition = Omit<PromoCodeCreated['data'], 'createdAt'>;

/** Kept for every booking that ever redeemed the code, so a repeated command is recognised. */
export type Redemption =
  | { status: 'HELD'; expiresAt: string }
  | { status: 'CONFIRMED' }
  | { status: 'RELEASED'; reason: ReleaseReason };

export interface PromoCodeState {
  definition: PromoCodeDefinition;
  uses: PromoCodeUses;
  /** By booking id. */
  redemptions: PersistentMap<Redemption>;
  /** The expiry of each held use by booking id, so releasing the expired ones scans only what is held. */
  holds: PersistentMap<string>;
}

export function evolvePromoCode(state: PromoCodeState | null, event: PromoCodeEvent): PromoCodeState | null {
  if (event.type === 'PromoCodeCreated') {
    const { createdAt: _createdAt, ...definition } = event.data;
    return {
      definition,
      uses: { held: 0, confirmed: 0, maxUses: definition.maxUses },
      redemptions: emptyMap(),
      holds: emptyMap(),
    };
  }
  if (!state) return state;
  const { bookingId, uses } = event.data;
  switch (event.type) {
    case 'PromoCodeRedeemed':
      return {
        ...state,
        uses,
        redemptions: setEntry(state.redemptions, bookingId, {
          status: 'HELD',
          expiresAt: event.data.expiresAt,
        }),
        holds: setEntry(state.holds, bookingId, event.data.expiresAt),
      };
    case 'PromoCodeRedemptionReleased':
      return closed(state, bookingId, uses, { status: 'RELEASED', reason: event.data.reason });
    case 'PromoCodeRedemptionConfirmed':
    case 'PromoCodeRedemptionReacquired':
      return closed(state, bookingId, uses, { status: 'CONFIRMED' });
  }
}

/** Uses neither held nor spent. */
export function usesLeft(uses: PromoCodeUses): number {
  if (uses.maxUses === null) return Number.POSITIVE_INFINITY;
  return uses.maxUses - uses.held - uses.confirmed;
}

function closed(
  state: PromoCodeState,
  bookingId: string,
  uses: PromoCodeUses,
  redemption: Redemption,
): PromoCodeState {
  return {
    ...state,
    uses,
    redemptions: setEntry(state.redemptions, bookingId, redemption),
    holds: deleteEntry(state.holds, bookingId),
  };
}
