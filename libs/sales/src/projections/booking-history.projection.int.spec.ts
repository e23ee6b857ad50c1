import type { RecordedEvent } from '@ticketing/event-store';
import { PglitePool } from '@ticketing/platform';
import { createReadDatabase, type Database, migrateReadStore } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { BookingStatus } from '../domain/booking/booking-status';
import type { BookingEvent } from '../domain/booking/booking.events';
import { PricingType } from '../domain/booking/ticket-type-terms';
import { bookingHistoryProjection } from './booking-history.projection';
import { salesMigrations } from './sales.migrations';

const placedAt = '2026-04-01T12:00:00.000Z';
const confirmedAt = '2026-04-01T12:05:00.000Z';
const reference = {
  bookingId: 'booking-1',
  eventId: 'event-1',
  buyerKey: 'user:customer-1',
  promoCode: null,
};
const buyer = { kind: 'CUSTOMER' as const, userId: 'customer-1' };

const history: BookingEvent[] = [
  {
    type: 'BookingPlaced',
    data: {
      ...reference,
      previousStatus: null,
      status: BookingStatus.PENDING,
      buyer,
      items: [
        {
          ticketTypeId: 'general',
          ticketTypeName: 'General',
          pricingType: PricingType.PAID,
          quantity: 2,
          unitPrice: 4500,
          subtotal: 9000,
          discount: 0,
          total: 9000,
        },
      ],
      amounts: { subtotal: 9000, discount: 0, total: 9000, currency: 'EUR' },
      discount: null,
      accessCode: null,
      idempotencyKey: 'checkout-1',
      expiresAt: '2026-04-01T12:20:00.000Z',
      placedAt,
    },
  },
  {
    type: 'BookingPaymentStarted',
    data: { ...reference, paymentRef: 'pay-1', amount: 9000, currency: 'EUR', startedAt: placedAt },
  },
  {
    type: 'BookingConfirmed',
    data: {
      ...reference,
      previousStatus: BookingStatus.PENDING,
      status: BookingStatus.CONFIRMED,
      buyer,
      items: [{ ticketTypeId: 'general', quantity: 2 }],
      payment: { paymentRef: 'pay-1', amount: 9000, currency: 'EUR' },
      reacquired: false,
      confirmedAt,
    },
  },
];

function recorded(events: BookingEvent[], bookingId = 'booking-1', firstPosition = 1): RecordedEvent[] {
  return events.map((event, revision) => ({
    ...event,
    data: { ...event.data, bookingId },
    id: `${bookingId}-${revision}`,
    streamName: `booking-${bookingId}`,
    revision: BigInt(revision),
    position: { commit: BigInt(firstPosition + revision), prepare: BigInt(firstPosition + revision) },
    metadata: {
      actor: null,
      correlationId: 'test',
      causationId: null,
      occurredAt: event.type === 'BookingConfirmed' ? confirmedAt : placedAt,
      schemaVersion: 1,
    },
  }));
}

describe('booking history projection', () => {
  let pool: PglitePool;
  let db: Kysely<Database>;

  beforeAll(async () => {
    pool = await PglitePool.open();
    db = createReadDatabase(pool);
    await migrateReadStore(db, salesMigrations);
  });
  afterAll(() => db.destroy());

  async function project(events: RecordedEvent[]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      for (const event of events) {
        if (bookingHistoryProjection.handles.includes(event.type)) {
          await bookingHistoryProjection.apply(trx, event);
        }
      }
    });
  }

  async function rows() {
    return {
      bookings: await db.selectFrom('sales_bookings').selectAll().orderBy('id').execute(),
      items: await db
        .selectFrom('sales_booking_items')
        .selectAll()
        .orderBy('booking_id')
        .orderBy('position')
        .execute(),
      history: await db
        .selectFrom('sales_booking_status_history')
        .selectAll()
        .orderBy('booking_id')
        .orderBy('revision')
        .execute(),
    };
  }

  async function clear(): Promise<void> {
    for (const table of bookingHistoryProjection.tables) await db.deleteFrom(table).execute();
  }

  beforeEach(clear);

  it('a placed then confirmed booking is one row with its lines, amounts and both statuses in order', async () => {
    await project(recorded(history));

    const { bookings, items, history: statuses } = await rows();
    expect(bookings).toEqual([
      expect.objectContaining({
        id: 'booking-1',
        event_id: 'event-1',
        buyer_user_id: 'customer-1',
        status: BookingStatus.CONFIRMED,
        total: 9000,
        currency: 'EUR',
        placed_at: new Date(placedAt),
        updated_at: new Date(confirmedAt),
      }),
    ]);
    expect(items).toEqual([
      expect.objectContaining({ ticket_type_id: 'general', quantity: 2, unit_price: 4500, total: 9000 }),
    ]);
    expect(statuses).toEqual([
      expect.objectContaining({ previous_status: null, status: BookingStatus.PENDING }),
      expect.objectContaining({ previous_status: BookingStatus.PENDING, status: BookingStatus.CONFIRMED }),
    ]);
  });

  it('replaying the same events into emptied tables gives the same rows', async () => {
    await project(recorded(history));
    const first = await rows();

    await clear();
    await project(recorded(history));

    expect(await rows()).toEqual(first);
  });

  it('a batch applied at once leaves the rows its events leave one by one', async () => {
    const [placed, paymentStarted, confirmed] = history;
    // Placements in runs, broken by another booking's status change, as a sale's log interleaves them.
    const batch = [
      ...recorded([placed], 'booking-1', 1),
      ...recorded([placed], 'booking-2', 2),
      ...recorded([placed, paymentStarted, confirmed], 'booking-3', 3),
      ...recorded([placed], 'booking-4', 6),
      ...recorded([placed], 'booking-5', 7),
    ];
    const handled = batch.filter((event) => bookingHistoryProjection.handles.includes(event.type));
    await project(batch);
    const oneByOne = await rows();

    await clear();
    await db.transaction().execute((trx) => bookingHistoryProjection.applyMany!(trx, handled));

    expect(oneByOne.bookings).toHaveLength(5);
    expect(oneByOne.history).toHaveLength(6);
    expect(await rows()).toEqual(oneByOne);
  });
});
