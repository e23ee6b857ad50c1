import { entriesOf, given } from '@ticketing/platform/domain';
import { ReleaseReason } from '../release-reason';
import { integerBetween, pickFrom, seededRandom } from '../testing/seeded-random';
import type {
  ConfirmPromoCodeRedemption,
  CreatePromoCode,
  PromoCodeCommand,
  RedeemPromoCode,
  ReleasePromoCodeRedemption,
} from './promo-code.commands';
import { promoCodeDecider } from './promo-code.decider';
import type { PromoCodeEvent } from './promo-code.events';
import type { PromoCodeState } from './promo-code.state';

const eventId = 'e1';
const start = new Date('2026-05-01T10:00:00.000Z');
const minutes = (count: number) => new Date(start.getTime() + count * 60_000);
const iso = (count: number) => minutes(count).toISOString();

const create = (overrides: Partial<CreatePromoCode> = {}): CreatePromoCode => ({
  type: 'CreatePromoCode',
  eventId,
  code: 'early10',
  discount: { kind: 'PERCENT', percentOff: 10 },
  ticketTypeIds: [],
  maxUses: 2,
  validFrom: minutes(0),
  validUntil: minutes(24 * 60),
  createdBy: 'organizer-1',
  ...overrides,
});
const redeem = (bookingId: string, expiresAt = minutes(15), ticketTypeIds = ['ga']): RedeemPromoCode => ({
  type: 'RedeemPromoCode',
  eventId,
  code: 'EARLY10',
  bookingId,
  ticketTypeIds,
  expiresAt,
});
const release = (
  bookingId: string,
  reason: ReleaseReason = ReleaseReason.CANCELLED,
): ReleasePromoCodeRedemption => ({
  type: 'ReleasePromoCodeRedemption',
  eventId,
  code: 'EARLY10',
  bookingId,
  reason,
});
const confirm = (bookingId: string): ConfirmPromoCodeRedemption => ({
  type: 'ConfirmPromoCodeRedemption',
  eventId,
  code: 'EARLY10',
  bookingId,
});

type Step = PromoCodeCommand | { at: Date; command: PromoCodeCommand };

function history(...steps: Step[]): PromoCodeEvent[] {
  return steps.reduce<PromoCodeEvent[]>((events, step) => {
    const { at, command } = 'at' in step ? step : { at: start, command: step };
    const result = given(promoCodeDecider, events).when(command, at);
    if (result.error) throw new Error(`Setting up ${command.type} was refused: ${result.error.message}`);
    return [...events, ...result.events];
  }, []);
}
const later = (count: number, command: PromoCodeCommand): Step => ({ at: minutes(count), command });
const when = (past: PromoCodeEvent[], command: PromoCodeCommand, at = start) =>
  given(promoCodeDecider, past).when(command, at);
const typesOf = (events: PromoCodeEvent[] | null) => events?.map((event) => event.type);
const usesAfter = (events: PromoCodeEvent[]) => given(promoCodeDecider, events).state?.uses;

describe('creating a promo code', () => {
  it('records the code upper-cased, with its discount, ticket types, maximum uses and window', () => {
    expect(when([], create({ code: ' early10 ', ticketTypeIds: ['ga', 'ga', 'vip'] })).events).toEqual([
      {
        type: 'PromoCodeCreated',
        data: {
          eventId,
          code: 'EARLY10',
          discount: { kind: 'PERCENT', percentOff: 10 },
          ticketTypeIds: ['ga', 'vip'],
          maxUses: 2,
          validFrom: iso(0),
          validUntil: iso(24 * 60),
          createdBy: 'organizer-1',
          createdAt: start.toISOString(),
        },
      },
    ]);
  });

  it('creating the same code again with the same terms records nothing', () => {
    expect(when(history(create()), create({ code: 'EARLY10' })).events).toEqual([]);
  });

  it('a code is unique within its event whatever its case: other terms under it are refused', () => {
    const { error } = when(history(create()), create({ code: 'Early10', maxUses: 50 }));
    expect(error?.code).toBe('CONFLICT');
    expect(error?.reason).toBe('PROMO_CODE_TAKEN');
  });

  it.each(['AB', 'SUMMER SALE', 'X'.repeat(33), 'ÉTÉ10'])(
    'a code has 3 to 32 plain characters, not %p',
    (code) => {
      expect(when([], create({ code })).error?.reason).toBe('INVALID_PROMO_CODE');
    },
  );

  it.each([0, 101, 12.5])('a percentage off is a whole number from 1 to 100, not %p', (percentOff) => {
    expect(when([], create({ discount: { kind: 'PERCENT', percentOff } })).error?.reason).toBe(
      'INVALID_PERCENT_OFF',
    );
  });

  it('a fixed amount off is in minor units above 0, of an ISO currency', () => {
    const amountOff = (amount: number, currency = 'EUR') =>
      create({ discount: { kind: 'AMOUNT', amountOff: { amount, currency } } });
    expect(when([], amountOff(0)).error?.reason).toBe('INVALID_AMOUNT_OFF');
    expect(when([], amountOff(9.99)).error?.reason).toBe('INVALID_AMOUNT_OFF');
    expect(when([], amountOff(500, 'euro')).error?.reason).toBe('INVALID_CURRENCY');
    expect(when([], amountOff(500)).error).toBeNull();
  });

  it.each([0, -1, 1.5])('maxUses is a whole number of at least 1, not %p', (maxUses) => {
    expect(when([], create({ maxUses })).error?.reason).toBe('INVALID_MAX_USES');
  });

  it('a code without maxUses may be used by any number of bookings', () => {
    const bookings = Array.from({ length: 50 }, (_, index) => redeem(`b${index + 1}`));
    const past = history(create({ maxUses: null }), ...bookings);
    expect(when(past, redeem('b51')).events?.[0].type).toBe('PromoCodeRedeemed');
  });

  it('the validity window ends after it starts, and not in the past', () => {
    expect(when([], create({ validUntil: minutes(0) })).error?.reason).toBe('INVALID_VALIDITY_WINDOW');
    const over = create({ validFrom: minutes(-120), validUntil: minutes(-60) });
    expect(when([], over).error?.reason).toBe('INVALID_VALIDITY_WINDOW');
  });
});

describe('redeeming a promo code', () => {
  it('holds one use for the booking and hands over what the booking is priced with', () => {
    const { events } = when(history(create()), redeem('b1'));
    expect(events).toEqual([
      {
        type: 'PromoCodeRedeemed',
        data: {
          eventId,
          code: 'EARLY10',
          bookingId: 'b1',
          discount: { kind: 'PERCENT', percentOff: 10 },
          ticketTypeIds: [],
          expiresAt: iso(15),
          redeemedAt: start.toISOString(),
          uses: { held: 1, confirmed: 0, maxUses: 2 },
        },
      },
    ]);
  });

  it('an unknown code is refused as not found', () => {
    const { error } = when([], redeem('b1'));
    expect(error?.code).toBe('NOT_FOUND');
    expect(error?.reason).toBe('PROMO_CODE_NOT_FOUND');
  });

  it('a code is refused before its window opens and from the instant it closes', () => {
    const past = history(create({ validFrom: minutes(60), validUntil: minutes(120) }));
    expect(when(past, redeem('b1', minutes(75)), minutes(59)).error?.reason).toBe('PROMO_CODE_NOT_YET_VALID');
    expect(when(past, redeem('b1', minutes(75)), minutes(60)).error).toBeNull();
    expect(when(past, redeem('b1', minutes(135)), minutes(120)).error?.reason).toBe('PROMO_CODE_EXPIRED');
  });

  it('a code for other ticket types than the booking holds is refused rather than spent for nothing', () => {
    const past = history(create({ ticketTypeIds: ['vip'] }));
    const { error } = when(past, redeem('b1', minutes(15), ['ga', 'student']));
    expect(error?.reason).toBe('PROMO_CODE_NOT_APPLICABLE');
    expect(error?.details).toEqual({ applicableTicketTypeIds: ['vip'] });
    expect(when(past, redeem('b1', minutes(15), ['ga', 'vip'])).error).toBeNull();
  });

  it('a code used as often as its maximum is refused with PROMO_CODE_EXHAUSTED', () => {
    const past = history(create(), redeem('b1'), redeem('b2'), confirm('b2'));
    const { error } = when(past, redeem('b3'));
    expect(error?.reason).toBe('PROMO_CODE_EXHAUSTED');
    expect(error?.details).toEqual({ held: 1, confirmed: 1, maxUses: 2 });
  });

  it('the same booking redeeming twice uses the code once', () => {
    const past = history(create(), redeem('b1'));
    expect(when(past, redeem('b1')).events).toEqual([]);
    expect(when(history(create(), redeem('b1'), confirm('b1')), redeem('b1')).events).toEqual([]);
    expect(usesAfter(past)).toEqual({ held: 1, confirmed: 0, maxUses: 2 });
  });

  it('a booking that gave its use back cannot redeem again under the same id', () => {
    const past = history(create(), redeem('b1'), release('b1'));
    expect(when(past, redeem('b1')).error?.reason).toBe('PROMO_CODE_REDEMPTION_ENDED');
  });

  it('the use is held until a moment still to come', () => {
    expect(when(history(create()), redeem('b1', minutes(0))).error?.reason).toBe('INVALID_EXPIRY');
  });

  it('expired holds give their uses back first, in the same decision, so abandoned checkouts never exhaust a code', () => {
    const past = history(create(), redeem('b1', minutes(15)), redeem('b2', minutes(10)));
    const { events } = when(past, redeem('b3', minutes(30)), minutes(15));
    expect(typesOf(events)).toEqual([
      'PromoCodeRedemptionReleased',
      'PromoCodeRedemptionReleased',
      'PromoCodeRedeemed',
    ]);
    expect(events).toMatchObject([
      { data: { bookingId: 'b2', reason: ReleaseReason.EXPIRED } },
      { data: { bookingId: 'b1', reason: ReleaseReason.EXPIRED } },
      { data: { bookingId: 'b3', uses: { held: 1, confirmed: 0, maxUses: 2 } } },
    ]);
  });
});

describe('giving a use back', () => {
  it('an unpaid booking that expires gives its use back, so the next buyer can have it', () => {
    const past = history(create({ maxUses: 1 }), redeem('b1'));
    const { events } = when(past, release('b1', ReleaseReason.EXPIRED), minutes(15));
    expect(events).toEqual([
      {
        type: 'PromoCodeRedemptionReleased',
        data: {
          eventId,
          code: 'EARLY10',
          bookingId: 'b1',
          reason: ReleaseReason.EXPIRED,
          releasedAt: iso(15),
          uses: { held: 0, confirmed: 0, maxUses: 1 },
        },
      },
    ]);
    expect(when([...past, ...events!], redeem('b2', minutes(30)), minutes(15)).error).toBeNull();
  });

  it('a paid booking keeps its use, even when it is released later', () => {
    const past = history(create(), redeem('b1'), confirm('b1'));
    expect(when(past, release('b1')).events).toEqual([]);
    expect(usesAfter(past)).toEqual({ held: 0, confirmed: 1, maxUses: 2 });
  });

  it('giving back twice gives back once', () => {
    expect(when(history(create(), redeem('b1'), release('b1')), release('b1')).events).toEqual([]);
  });

  it('a booking that never redeemed the code has nothing to give back', () => {
    expect(when(history(create()), release('b9')).error?.reason).toBe('PROMO_CODE_REDEMPTION_NOT_FOUND');
  });
});

describe('spending a use when the booking is confirmed', () => {
  it('turns the held use into a spent one', () => {
    const { events } = when(history(create(), redeem('b1')), confirm('b1'));
    expect(events).toEqual([
      {
        type: 'PromoCodeRedemptionConfirmed',
        data: {
          eventId,
          code: 'EARLY10',
          bookingId: 'b1',
          confirmedAt: start.toISOString(),
          uses: { held: 0, confirmed: 1, maxUses: 2 },
        },
      },
    ]);
  });

  it('a held use past its expiry that nobody gave back is spent: nobody else could have taken it', () => {
    const past = history(create(), redeem('b1'));
    expect(typesOf(when(past, confirm('b1'), minutes(40)).events)).toEqual(['PromoCodeRedemptionConfirmed']);
  });

  it('confirming twice spends one use', () => {
    expect(when(history(create(), redeem('b1'), confirm('b1')), confirm('b1')).events).toEqual([]);
  });

  it('a payment after the use was given back takes a use again when one is left', () => {
    const past = history(create(), redeem('b1'), later(15, release('b1', ReleaseReason.EXPIRED)));
    const { events } = when(past, confirm('b1'), minutes(20));
    expect(events).toEqual([
      {
        type: 'PromoCodeRedemptionReacquired',
        data: {
          eventId,
          code: 'EARLY10',
          bookingId: 'b1',
          releasedBecause: ReleaseReason.EXPIRED,
          reacquiredAt: iso(20),
          uses: { held: 0, confirmed: 1, maxUses: 2 },
        },
      },
    ]);
  });

  it('a payment after the use was given back is refused with PROMO_CODE_EXHAUSTED when others took the uses', () => {
    const past = history(
      create({ maxUses: 1 }),
      redeem('b1'),
      later(15, release('b1', ReleaseReason.EXPIRED)),
      later(16, redeem('b2', minutes(40))),
    );
    expect(when(past, confirm('b1'), minutes(20)).error?.reason).toBe('PROMO_CODE_EXHAUSTED');
  });
});

describe('whatever redemptions, payments and expiries arrive, in any order', () => {
  function commandSource(random: () => number) {
    let bookings = 0;
    const recentBooking = () => `b${Math.max(1, bookings - integerBetween(random, 0, 6))}`;
    return (now: Date): PromoCodeCommand => {
      const roll = random();
      if (roll < 0.5) {
        const bookingId = random() < 0.9 ? `b${++bookings}` : recentBooking();
        return redeem(bookingId, new Date(now.getTime() + integerBetween(random, 1, 20) * 60_000));
      }
      if (roll < 0.75) return confirm(recentBooking());
      return release(recentBooking(), pickFrom(random, Object.values(ReleaseReason)));
    };
  }

  function expectUsesWithinMaximum(state: PromoCodeState): void {
    const redemptions = [...entriesOf(state.redemptions)].map(([, redemption]) => redemption.status);
    const { held, confirmed, maxUses } = state.uses;
    expect(held).toBe(redemptions.filter((status) => status === 'HELD').length);
    expect(confirmed).toBe(redemptions.filter((status) => status === 'CONFIRMED').length);
    expect(held + confirmed).toBeLessThanOrEqual(maxUses!);
  }

  it('never holds and spends more uses than maxUses, and counts exactly the bookings that hold or spent one', () => {
    const refusals = new Set<string | undefined>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const nextCommand = commandSource(random);
      let past = history(create({ maxUses: integerBetween(random, 1, 8) }));
      let now = start;
      for (let step = 0; step < 300; step++) {
        now = new Date(now.getTime() + integerBetween(random, 0, 2) * 60_000);
        const command = nextCommand(now);
        const { events, error } = when(past, command, now);
        if (error) refusals.add(error.reason);
        past = [...past, ...(events ?? [])];
        try {
          expectUsesWithinMaximum(given(promoCodeDecider, past).state!);
        } catch (failure) {
          throw new Error(`Seed ${seed}, step ${step}, ${JSON.stringify(command)}: ${String(failure)}`);
        }
      }
    }
    expect(refusals).toContain('PROMO_CODE_EXHAUSTED');
  });
});
