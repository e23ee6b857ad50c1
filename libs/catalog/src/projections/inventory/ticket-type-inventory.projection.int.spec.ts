import type { PostgresEventStore } from '@ticketing/event-store';
import { type CommandContext, newId } from '@ticketing/platform';
import type { Database } from '@ticketing/read-store';
import type { Kysely, Transaction } from 'kysely';
import {
  openProjectionTestBed,
  type ProjectionTestBed,
} from '../../../../read-store/src/testing/projection-test-bed';
import {
  availableUnits,
  changeTicketTypeCapacity,
  confirmReservation,
  inventoryStream,
  loadInventory,
  registerTicketTypeInventory,
  ReleaseReason,
  releaseReservation,
  reserveUnits,
  ReturnReason,
  returnUnits,
  setEventCapacityLimit,
  withdrawTicketType,
} from '../../application/inventory';
import { inventoryMigrations } from './inventory.migrations';
import { inventoryProjection } from './ticket-type-inventory.projection';
import { findInventoryByTicketTypes } from './ticket-type-inventory.queries';

const start = new Date('2026-06-01T10:00:00.000Z');
const minutes = (count: number) => new Date(start.getTime() + count * 60_000);
const contextAt = (count: number): CommandContext => ({
  commandId: newId(),
  actor: 'organizer-1',
  correlationId: newId(),
  causationId: null,
  now: minutes(count),
});
const items = (quantities: Record<string, number>) =>
  Object.entries(quantities).map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));

describe('ticket type inventory read model', () => {
  let bed: ProjectionTestBed;
  let store: PostgresEventStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    bed = await openProjectionTestBed({
      migrations: inventoryMigrations,
      projections: [inventoryProjection],
      eventStoreSchema: 'event_log',
    });
    ({ store, db } = bed);
  });
  afterAll(() => bed.close());

  const project = () => bed.project();

  /** The read model's answer, computed instead from the inventory's own stream. */
  async function countsFromStream(eventId: string, ticketTypeIds: string[]) {
    const inventory = await loadInventory(store, eventId);
    return ticketTypeIds.map((ticketTypeId) => {
      const { capacity, held, sold, soldOut } = inventory.ticketTypes[ticketTypeId];
      return {
        ticketTypeId,
        capacity,
        held,
        sold,
        available: availableUnits(inventory, ticketTypeId),
        soldOut,
      };
    });
  }

  it("keeps every ticket type's counts equal to the inventory's own through a realistic sale", async () => {
    const eventId = 'summer-fest';
    await setEventCapacityLimit(store, eventId, { maxCapacity: 120 }, contextAt(0));
    await registerTicketTypeInventory(store, eventId, { ticketTypeId: 'ga', capacity: 100 }, contextAt(0));
    await registerTicketTypeInventory(store, eventId, { ticketTypeId: 'vip', capacity: 30 }, contextAt(0));
    await registerTicketTypeInventory(store, eventId, { ticketTypeId: 'door', capacity: 10 }, contextAt(0));

    const hold = (reservationId: string, quantities: Record<string, number>, at: number) =>
      reserveUnits(
        store,
        eventId,
        { reservationId, items: items(quantities), expiresAt: minutes(at + 15) },
        contextAt(at),
      );
    await hold('b1', { ga: 4, vip: 2 }, 1);
    await confirmReservation(store, eventId, { reservationId: 'b1' }, contextAt(2));
    await hold('b2', { vip: 28 }, 2);
    await hold('b3', { ga: 40 }, 3);
    await project();
    expect(await findInventoryByTicketTypes(db, ['vip'])).toEqual([
      { ticketTypeId: 'vip', capacity: 30, held: 28, sold: 2, available: 0, soldOut: true },
    ]);

    await releaseReservation(
      store,
      eventId,
      { reservationId: 'b2', reason: ReleaseReason.PAYMENT_FAILED },
      contextAt(5),
    );
    await hold('b4', { ga: 30, vip: 10 }, 6);
    await confirmReservation(store, eventId, { reservationId: 'b4' }, contextAt(7));
    // b3 expired at minute 18 and no expiry process ran: this reservation releases it first.
    await hold('b5', { ga: 20, vip: 4 }, 20);
    const late = await confirmReservation(store, eventId, { reservationId: 'b3' }, contextAt(21));
    expect(late.events.map((event) => event.type)).toContain('ReservationReacquired');
    await returnUnits(
      store,
      eventId,
      { returnId: 'refund-1', ticketTypeId: 'ga', quantity: 2, reason: ReturnReason.REFUNDED },
      contextAt(22),
    );
    await changeTicketTypeCapacity(store, eventId, { ticketTypeId: 'vip', capacity: 20 }, contextAt(23));
    await withdrawTicketType(store, eventId, { ticketTypeId: 'door' }, contextAt(24));
    await setEventCapacityLimit(store, eventId, { maxCapacity: 110 }, contextAt(25));
    await project();

    const ticketTypeIds = ['ga', 'vip', 'door'];
    const fromReadModel = await findInventoryByTicketTypes(db, ticketTypeIds);
    expect(fromReadModel).toEqual(await countsFromStream(eventId, ticketTypeIds));
    // 92 + 16 of the event's 110 are taken, so its limit, not the types' own capacities, leaves 2 of each.
    expect(fromReadModel).toEqual([
      { ticketTypeId: 'ga', capacity: 100, held: 20, sold: 72, available: 2, soldOut: false },
      { ticketTypeId: 'vip', capacity: 20, held: 4, sold: 12, available: 2, soldOut: false },
      { ticketTypeId: 'door', capacity: 10, held: 0, sold: 0, available: 0, soldOut: false },
    ]);
    const row = await db
      .selectFrom('catalog_ticket_type_inventory')
      .select(['ever_sold', 'withdrawn', 'updated_at'])
      .where('ticket_type_id', '=', 'ga')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ ever_sold: 74, withdrawn: false, updated_at: minutes(22) });
  });

  it('two buyers racing for the last unit: the stream lets exactly one of them have it', async () => {
    const eventId = 'last-seat';
    await registerTicketTypeInventory(store, eventId, { ticketTypeId: 'solo', capacity: 1 }, contextAt(0));
    const race = ['buyer-1', 'buyer-2'].map((reservationId) =>
      reserveUnits(
        store,
        eventId,
        { reservationId, items: items({ solo: 1 }), expiresAt: minutes(15) },
        contextAt(1),
      ),
    );
    const outcomes = await Promise.allSettled(race);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refusal?.reason).toMatchObject({ code: 'BUSINESS_RULE_VIOLATION', reason: 'SOLD_OUT' });
    await project();
    expect(await findInventoryByTicketTypes(db, ['solo'])).toEqual([
      { ticketTypeId: 'solo', capacity: 1, held: 1, sold: 0, available: 0, soldOut: true },
    ]);
  });

  it('a retried command appends nothing twice', async () => {
    const eventId = 'retried';
    await registerTicketTypeInventory(
      store,
      eventId,
      { ticketTypeId: 'retried-ga', capacity: 10 },
      contextAt(0),
    );
    const context = contextAt(1);
    const request = { reservationId: 'b1', items: items({ 'retried-ga': 3 }), expiresAt: minutes(15) };
    const first = await reserveUnits(store, eventId, request, context);
    const retried = await reserveUnits(store, eventId, request, context);

    expect(first.events.map((event) => event.type)).toEqual(['UnitsReserved']);
    expect(retried).toMatchObject({ events: [], position: null });
    expect(await store.readStream(inventoryStream(eventId))).toHaveLength(2);
  });

  it('answers in the order asked, leaving out ticket types the inventory does not know', async () => {
    const eventId = 'ordering';
    await registerTicketTypeInventory(store, eventId, { ticketTypeId: 'early', capacity: 5 }, contextAt(0));
    await registerTicketTypeInventory(store, eventId, { ticketTypeId: 'late', capacity: 7 }, contextAt(0));
    await project();

    const found = await findInventoryByTicketTypes(db, ['late', 'unknown', 'early']);
    expect(found.map((inventory) => inventory.ticketTypeId)).toEqual(['late', 'early']);
    expect(await findInventoryByTicketTypes(db, [])).toEqual([]);
  });

  it('the whole log applied as one batch leaves the rows its events leave one by one', async () => {
    const log = await store.readAll();
    const handled = log.filter((event) => inventoryProjection.handles.includes(event.type));
    const rowsAfter = (apply: (trx: Transaction<Database>) => Promise<void>) =>
      db.transaction().execute(async (trx) => {
        for (const table of inventoryProjection.tables) await trx.deleteFrom(table).execute();
        await apply(trx);
        return {
          limits: await trx
            .selectFrom('catalog_event_capacity_limits')
            .selectAll()
            .orderBy('event_id')
            .execute(),
          ticketTypes: await trx
            .selectFrom('catalog_ticket_type_inventory')
            .selectAll()
            .orderBy('ticket_type_id')
            .execute(),
        };
      });

    const oneByOne = await rowsAfter(async (trx) => {
      for (const event of handled) await inventoryProjection.apply(trx, event);
    });
    const batched = await rowsAfter((trx) => inventoryProjection.applyMany!(trx, handled));

    expect(oneByOne.ticketTypes.length).toBeGreaterThan(5);
    expect(batched).toEqual(oneByOne);
  });
});
