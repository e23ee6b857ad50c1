import { BatchingCommandExecutor, PostgresEventStore } from '@ticketing/event-store';
import { commandContextFor, PglitePool } from '@ticketing/platform';
import { registerTicketTypeInventory } from './inventory-commands';
import { loadInventory } from './load-inventory';
import { sellUnits } from './sell-units';

const now = new Date('2026-06-01T10:00:00.000Z');

describe('selling units through the hot-stream executor', () => {
  let pool: PglitePool;
  let store: PostgresEventStore;
  let eventCounter = 0;

  beforeAll(async () => {
    pool = await PglitePool.open();
    store = new PostgresEventStore(pool);
    await store.ensureSchema();
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const context = (commandId: string) =>
    commandContextFor({ principal: null, correlationId: 'test' }, now, commandId);

  async function anEventWith(capacity: number): Promise<string> {
    const eventId = `event-${++eventCounter}`;
    await registerTicketTypeInventory(
      store,
      eventId,
      { ticketTypeId: 'ga', capacity },
      context(`${eventId}/ga`),
    );
    return eventId;
  }

  it('a sale retried by another process, which has not seen it, sells nothing more', async () => {
    const eventId = await anEventWith(10);
    const items = [{ ticketTypeId: 'ga', quantity: 3 }];
    const first = new BatchingCommandExecutor(store);
    await sellUnits(first, eventId, { saleId: 's1', items }, context('sale-1'));
    // A later sale pushes the first one out of what an owner remembering one event knows.
    await sellUnits(first, eventId, { saleId: 's2', items }, context('sale-1b'));

    const retried = await sellUnits(
      new BatchingCommandExecutor(store, { recentEventsRemembered: 1 }),
      eventId,
      { saleId: 's1', items },
      context('sale-1'),
    );

    expect(retried.events).toEqual([]);
    expect((await loadInventory(store, eventId)).ticketTypes.ga.sold).toBe(6);
  });

  it('the same command id asking for other units is refused, even where the owner answers it from memory', async () => {
    const eventId = await anEventWith(10);
    const executor = new BatchingCommandExecutor(store);
    const sale = (quantity: number) =>
      sellUnits(
        executor,
        eventId,
        { saleId: 's1', items: [{ ticketTypeId: 'ga', quantity }] },
        context('sale-2'),
      );
    await sale(3);

    await expect(sale(4)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'RESERVATION_ID_REUSED' });
    expect((await loadInventory(store, eventId)).ticketTypes.ga.sold).toBe(3);
  });

  it('too few units left refuses the whole sale', async () => {
    const eventId = await anEventWith(2);
    const sale = sellUnits(
      new BatchingCommandExecutor(store),
      eventId,
      { saleId: 's1', items: [{ ticketTypeId: 'ga', quantity: 3 }] },
      context('sale-3'),
    );

    await expect(sale).rejects.toMatchObject({ reason: 'NOT_ENOUGH_UNITS' });
    expect((await loadInventory(store, eventId)).ticketTypes.ga.sold).toBe(0);
  });
});
