import type { RecordedEvent } from '@ticketing/event-store';
import { PglitePool } from '@ticketing/platform';
import { createReadDatabase, type Database, migrateReadStore } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { BookingStatus } from '../domain/booking/booking-status';
import type { BookingEvent, BookingPlaced } from '../domain/booking/booking.events';
import { PricingType } from '../domain/booking/ticket-type-terms';
import { ReleaseReason } from '../domain/release-reason';
import { bookingHoldsProjection } from './booking-holds.projection';
import { salesMigrations } from './sales.migrations';

const placedAt = '2026-04-01T12:00:00.000Z';
const expiresAt = '2026-04-01T12:20:00.000Z';
const expiredAt = '2026-04-01T12:20:05.000Z';
const reference = (bookingId: string) => ({
  bookingId,
  eventId: 'event-1',
  buyerKey: `guest:${bookingId}@example.com`,
  promoCode: null,
});

function placed(bookingId: string, status: BookingStatus): BookingPlaced {
  const total = status === BookingStatus.PENDING ? 4500 : 0;
  return {
    type: 'BookingPlaced',
    data: {
      ...reference(bookingId),
      previousStatus: null,
      status,
      buyer: { kind: 'GUEST', email: `${bookingId}@example.com`, name: 'Guest' },
      items: [
        {
          ticketTypeId: 'general',
          ticketTypeName: 'General',
          pricingType: total ? PricingType.PAID : PricingType.FREE,
          quantity: 1,
          unitPrice: total,
          subtotal: total,
          discount: 0,
          total,
        },
      ],
      amounts: { subtotal: total, discount: 0, total, currency: total ? 'EUR' : null },
      discount: null,
      accessCode: null,
      idempotencyKey: `checkout-${bookingId}`,
      expiresAt,
      placedAt,
    },
  };
}

function recorded(events: BookingEvent[]): RecordedEvent[] {
  return events.map((event, index) => ({
    ...event,
    id: `event-${index}`,
    streamName: `booking-${event.data.bookingId}`,
    revision: BigInt(event.type === 'BookingPlaced' ? 0 : 1),
    position: { commit: BigInt(index + 1), prepare: BigInt(index + 1) },
    metadata: {
      actor: null,
      correlationId: 'test',
      causationId: null,
      occurredAt: event.type === 'BookingPlaced' ? placedAt : expiredAt,
      schemaVersion: 1,
    },
  }));
}

describe('booking holds projection', () => {
  let pool: PglitePool;
  let db: Kysely<Database>;

  beforeAll(async () => {
    pool = await PglitePool.open();
    db = createReadDatabase(pool);
    await migrateReadStore(db, salesMigrations);
  });
  afterAll(() => db.destroy());

  const holds = () => db.selectFrom('sales_booking_holds').selectAll().orderBy('booking_id').execute();
  const clear = () => db.deleteFrom('sales_booking_holds').execute();

  it('a batch applied at once leaves the holds its events leave one by one', async () => {
    const batch = recorded([
      placed('b1', BookingStatus.PENDING),
      placed('b2', BookingStatus.CONFIRMED),
      placed('b3', BookingStatus.PENDING),
      {
        type: 'BookingExpired',
        data: {
          ...reference('b1'),
          previousStatus: BookingStatus.PENDING,
          status: BookingStatus.EXPIRED,
          expiresAt,
          expiredAt,
        },
      },
      placed('b4', BookingStatus.PENDING),
      placed('b5', BookingStatus.PENDING),
      {
        type: 'BookingHoldReleased',
        data: { ...reference('b3'), reason: ReleaseReason.CANCELLED, releasedAt: expiredAt },
      },
    ]);
    await db.transaction().execute(async (trx) => {
      for (const event of batch) await bookingHoldsProjection.apply(trx, event);
    });
    const oneByOne = await holds();

    await clear();
    await db.transaction().execute((trx) => bookingHoldsProjection.applyMany!(trx, batch));

    expect(oneByOne.map((hold) => [hold.booking_id, hold.release_reason])).toEqual([
      ['b1', ReleaseReason.EXPIRED],
      ['b4', null],
      ['b5', null],
    ]);
    expect(await holds()).toEqual(oneByOne);
  });
});
