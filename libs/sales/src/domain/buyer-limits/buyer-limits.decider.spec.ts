import { ErrorCode, given } from '@ticketing/platform/domain';
import type { CheckoutRefusal } from '../checkout-refusal';
import { ReleaseReason } from '../release-reason';
import { integerBetween, pickFrom, seededRandom } from '../testing/seeded-random';
import type {
  BuyerLimitsCommand,
  ConfirmBuyerUnits,
  ReleaseBuyerUnits,
  ReserveBuyerUnits,
} from './buyer-limits.commands';
import { buyerLimitsDecider } from './buyer-limits.decider';
import { type BuyerLimitsEvent, BuyerReleaseReason } from './buyer-limits.events';
import type { BuyerLimitsState } from './buyer-limits.state';

const eventId = 'e1';
const buyerKey = 'user:u1';
const start = new Date('2026-05-01T10:00:00.000Z');
const minutes = (count: number) => new Date(start.getTime() + count * 60_000);
const limits: Record<string, number> = { ga: 4, vip: 2 };

const reserve = (
  bookingId: string,
  quantities: Record<string, number>,
  expiresAt = minutes(15),
): ReserveBuyerUnits => ({
  type: 'ReserveBuyerUnits',
  eventId,
  buyerKey,
  bookingId,
  items: Object.entries(quantities).map(([ticketTypeId, quantity]) => ({
    ticketTypeId,
    quantity,
    maxPerUser: limits[ticketTypeId],
  })),
  expiresAt,
});
const release = (
  bookingId: string,
  reason: BuyerReleaseReason = ReleaseReason.CANCELLED,
): ReleaseBuyerUnits => ({
  type: 'ReleaseBuyerUnits',
  eventId,
  buyerKey,
  bookingId,
  reason,
});
const confirm = (bookingId: string): ConfirmBuyerUnits => ({
  type: 'ConfirmBuyerUnits',
  eventId,
  buyerKey,
  bookingId,
});

type Step = BuyerLimitsCommand | { at: Date; command: BuyerLimitsCommand };

function history(...steps: Step[]): BuyerLimitsEvent[] {
  return steps.reduce<BuyerLimitsEvent[]>((events, step) => {
    const { at, command } = 'at' in step ? step : { at: start, command: step };
    const result = given(buyerLimitsDecider, events).when(command, at);
    if (result.error) throw new Error(`Setting up ${command.type} was refused: ${result.error.message}`);
    return [...events, ...result.events];
  }, []);
}
const later = (count: number, command: BuyerLimitsCommand): Step => ({ at: minutes(count), command });
const when = (past: BuyerLimitsEvent[], command: BuyerLimitsCommand, at = start) =>
  given(buyerLimitsDecider, past).when(command, at);
const typesOf = (events: BuyerLimitsEvent[] | null) => events?.map((event) => event.type);
const countsAfter = (events: BuyerLimitsEvent[]) => given(buyerLimitsDecider, events).state.counts;

describe('counting a booking against the buyer limits', () => {
  it('holds its units for the buyer until the booking expires, and records the counts that result', () => {
    expect(when([], reserve('b1', { ga: 2, vip: 1 })).events).toEqual([
      {
        type: 'BuyerUnitsReserved',
        data: {
          eventId,
          buyerKey,
          bookingId: 'b1',
          items: [
            { ticketTypeId: 'ga', quantity: 2, maxPerUser: 4 },
            { ticketTypeId: 'vip', quantity: 1, maxPerUser: 2 },
          ],
          expiresAt: minutes(15).toISOString(),
          reservedAt: start.toISOString(),
          counts: [
            { ticketTypeId: 'ga', held: 2, bought: 0 },
            { ticketTypeId: 'vip', held: 1, bought: 0 },
          ],
        },
      },
    ]);
  });

  it('units bought and held across all the buyer bookings never pass maxPerUser: MAX_PER_USER_EXCEEDED says what they have', () => {
    const past = history(reserve('b1', { ga: 2 }), confirm('b1'), reserve('b2', { ga: 1 }));
    const { error } = when(past, reserve('b3', { ga: 2 }));
    expect(error?.reason).toBe('MAX_PER_USER_EXCEEDED');
    expect(error?.details).toEqual({ ticketTypeId: 'ga', held: 1, bought: 2, requested: 2, limit: 4 });
    expect(error?.message).toBe(
      'A buyer may have at most 4 of ticket type ga; you already have 3 (2 bought, 1 in checkout), so 2 more would be too many',
    );
    expect(when(past, reserve('b3', { ga: 1 })).error).toBeNull();
  });

  it('all items count or none: one item over its limit refuses the booking', () => {
    const past = history(reserve('b1', { vip: 2 }));
    expect(when(past, reserve('b2', { ga: 1, vip: 1 })).error?.reason).toBe('MAX_PER_USER_EXCEEDED');
  });

  it('each ticket type has its own limit', () => {
    expect(when(history(reserve('b1', { vip: 2 })), reserve('b2', { ga: 4 })).error).toBeNull();
  });

  it('the same booking counted twice counts once', () => {
    const past = history(reserve('b1', { ga: 3 }));
    expect(when(past, reserve('b1', { ga: 3 })).events).toEqual([]);
    expect(countsAfter(past).ga).toEqual({ held: 3, bought: 0 });
  });

  it('a booking id cannot count other tickets, nor count again once it ended', () => {
    expect(when(history(reserve('b1', { ga: 3 })), reserve('b1', { ga: 1 })).error?.reason).toBe(
      'BOOKING_ID_REUSED',
    );
    const ended = history(reserve('b1', { ga: 1 }), release('b1'));
    expect(when(ended, reserve('b1', { ga: 1 })).error?.reason).toBe('BOOKING_ID_REUSED');
  });

  it('tells the retry of a checkout that was refused or ended to use a new key', () => {
    const ended = history(reserve('b1', { ga: 1 }), release('b1'));
    expect(when(ended, reserve('b1', { ga: 1 })).error?.message).toMatch(/new idempotency key/);
  });

  describe('a checkout refused after its units were counted', () => {
    const soldOut: CheckoutRefusal = {
      code: ErrorCode.BUSINESS_RULE_VIOLATION,
      reason: 'SOLD_OUT',
      message: 'Ticket type ga is sold out',
      details: { ticketTypeId: 'ga' },
    };
    const refused = () => history(reserve('b1', { ga: 2 }), { ...release('b1'), refusal: soldOut });

    it('records what the buyer was told with the release of their units', () => {
      const [released] = refused().slice(-1);
      expect(released).toMatchObject({ type: 'BuyerUnitsReleased', data: { refusal: soldOut } });
      expect(countsAfter(refused()).ga).toEqual({ held: 0, bought: 0 });
    });

    it('the same request again is told the same refusal, and counts nothing', () => {
      const { events, error } = when(refused(), reserve('b1', { ga: 2 }));
      expect(events).toBeNull();
      expect(error).toMatchObject({
        code: soldOut.code,
        reason: soldOut.reason,
        message: soldOut.message,
        details: soldOut.details,
      });
    });

    it('other items under the same booking id are refused with BOOKING_ID_REUSED', () => {
      expect(when(refused(), reserve('b1', { ga: 1 })).error?.reason).toBe('BOOKING_ID_REUSED');
    });
  });

  it.each([
    ['no items', {}, 'INVALID_QUANTITY'],
    ['a quantity of 0', { ga: 0 }, 'INVALID_QUANTITY'],
    ['a fractional quantity', { ga: 1.5 }, 'INVALID_QUANTITY'],
  ])('a booking with %s is refused', (_what, quantities, reason) => {
    expect(when([], reserve('b1', quantities)).error?.reason).toBe(reason);
  });

  it('each ticket type is listed once', () => {
    const twice = {
      ...reserve('b1', { ga: 1 }),
      items: [...reserve('b1', { ga: 1, vip: 1 }).items, ...reserve('b1', { ga: 1 }).items],
    };
    expect(when([], twice).error?.reason).toBe('DUPLICATE_TICKET_TYPE');
  });

  it('expired holds stop counting first, in the same decision, so an abandoned checkout never blocks the buyer', () => {
    const past = history(reserve('b1', { ga: 4 }, minutes(10)));
    expect(when(past, reserve('b2', { ga: 4 }, minutes(30)), minutes(9)).error?.reason).toBe(
      'MAX_PER_USER_EXCEEDED',
    );
    const { events } = when(past, reserve('b2', { ga: 4 }, minutes(30)), minutes(10));
    expect(typesOf(events)).toEqual(['BuyerUnitsReleased', 'BuyerUnitsReserved']);
    expect(events![0].data).toMatchObject({
      bookingId: 'b1',
      reason: ReleaseReason.EXPIRED,
      wasBought: false,
    });
  });
});

describe('releasing a booking', () => {
  it('an unpaid booking that ends gives its held units back', () => {
    const past = history(reserve('b1', { ga: 3 }));
    const { events } = when(past, release('b1', ReleaseReason.PAYMENT_FAILED));
    expect(events![0].data).toMatchObject({
      reason: ReleaseReason.PAYMENT_FAILED,
      wasBought: false,
      counts: [{ ticketTypeId: 'ga', held: 0, bought: 0 }],
    });
  });

  it('a refunded or cancelled sale gives its bought units back: the buyer no longer has those tickets', () => {
    const past = history(reserve('b1', { ga: 4 }), confirm('b1'));
    const { events } = when(past, release('b1', BuyerReleaseReason.REFUNDED));
    expect(events![0].data).toMatchObject({
      wasBought: true,
      counts: [{ ticketTypeId: 'ga', held: 0, bought: 0 }],
    });
    expect(when([...past, ...events!], reserve('b2', { ga: 4 })).error).toBeNull();
  });

  it('releasing twice releases once', () => {
    expect(when(history(reserve('b1', { ga: 1 }), release('b1')), release('b1')).events).toEqual([]);
  });

  it('a booking the buyer never made cannot be released', () => {
    expect(when([], release('b9')).error?.reason).toBe('BOOKING_NOT_FOUND');
  });
});

describe('confirming a booking', () => {
  it('turns its held units into bought ones', () => {
    const { events } = when(history(reserve('b1', { ga: 2 })), confirm('b1'), minutes(40));
    expect(events).toEqual([
      {
        type: 'BuyerUnitsConfirmed',
        data: {
          eventId,
          buyerKey,
          bookingId: 'b1',
          confirmedAt: minutes(40).toISOString(),
          counts: [{ ticketTypeId: 'ga', held: 0, bought: 2 }],
        },
      },
    ]);
  });

  it('confirming twice buys once', () => {
    expect(when(history(reserve('b1', { ga: 2 }), confirm('b1')), confirm('b1')).events).toEqual([]);
  });

  it('a payment after the booking expired counts its units again when the limit still allows it', () => {
    const past = history(reserve('b1', { ga: 2 }), later(15, release('b1', ReleaseReason.EXPIRED)));
    const { events } = when(past, confirm('b1'), minutes(20));
    expect(typesOf(events)).toEqual(['BuyerUnitsReacquired']);
    expect(events![0].data).toMatchObject({
      releasedBecause: ReleaseReason.EXPIRED,
      counts: [{ ticketTypeId: 'ga', held: 0, bought: 2 }],
    });
  });

  it('a payment after the booking expired is refused with MAX_PER_USER_EXCEEDED when newer bookings took the allowance', () => {
    const past = history(
      reserve('b1', { ga: 2 }),
      later(15, release('b1', ReleaseReason.EXPIRED)),
      later(16, reserve('b2', { ga: 4 }, minutes(40))),
    );
    expect(when(past, confirm('b1'), minutes(20)).error?.reason).toBe('MAX_PER_USER_EXCEEDED');
  });
});

describe('whatever bookings, payments and releases one buyer sends at once', () => {
  function expectWithinLimits(state: BuyerLimitsState): void {
    for (const [ticketTypeId, { held, bought }] of Object.entries(state.counts)) {
      const expected = { held: 0, bought: 0 };
      for (const booking of Object.values(state.bookings)) {
        const item = booking.items.find((candidate) => candidate.ticketTypeId === ticketTypeId);
        if (item && booking.status === 'HELD') expected.held += item.quantity;
        if (item && booking.status === 'BOUGHT') expected.bought += item.quantity;
      }
      expect({ held, bought }).toEqual(expected);
      expect(held + bought).toBeLessThanOrEqual(limits[ticketTypeId]);
    }
  }

  it('never counts more units of a ticket type than its maxPerUser, and counts exactly the live bookings', () => {
    const refusals = new Set<string | undefined>();
    for (const seed of [11, 12, 13, 14, 15]) {
      const random = seededRandom(seed);
      let bookings = 0;
      const recent = () => `b${Math.max(1, bookings - integerBetween(random, 0, 4))}`;
      let past: BuyerLimitsEvent[] = [];
      let now = start;
      for (let step = 0; step < 300; step++) {
        now = new Date(now.getTime() + integerBetween(random, 0, 3) * 60_000);
        const roll = random();
        const command: BuyerLimitsCommand =
          roll < 0.5
            ? reserve(
                random() < 0.9 ? `b${++bookings}` : recent(),
                Object.fromEntries(
                  Object.keys(limits)
                    .filter(() => random() < 0.6)
                    .map((ticketTypeId) => [ticketTypeId, integerBetween(random, 1, 3)]),
                ),
                new Date(now.getTime() + integerBetween(random, 1, 15) * 60_000),
              )
            : roll < 0.8
              ? confirm(recent())
              : release(recent(), pickFrom(random, Object.values(BuyerReleaseReason)));
        const { events, error } = when(past, command, now);
        if (error) refusals.add(error.reason);
        past = [...past, ...(events ?? [])];
        try {
          expectWithinLimits(given(buyerLimitsDecider, past).state);
        } catch (failure) {
          throw new Error(`Seed ${seed}, step ${step}, ${JSON.stringify(command)}: ${String(failure)}`);
        }
      }
    }
    expect(refusals).toContain('MAX_PER_USER_EXCEEDED');
  });
});
