import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  NO_STREAM,
  PostgresEventStore,
  toNewEvent,
} from '@ticketing/event-store';
import { type CommandContext, PglitePool } from '@ticketing/platform';
import { EventFormat } from '../domain/event-details';
import { festivalCreated, generalAdmission, now, organizer } from '../domain/testing/festival.fixtures';
import type { CreateTicketType } from '../domain/ticket-type.decider';
import { eventStream } from './event-stream';
import { inventoryStream } from './inventory';
import { createTicketType } from './ticket-type-creation';

/** The store, except that the first append to an inventory stream fails as a dropped connection would. */
function failingFirstInventoryAppend(store: EventStore): EventStore {
  let failed = false;
  return {
    append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
      if (!failed && stream.startsWith('inventory-')) {
        failed = true;
        return Promise.reject(new Error('connection lost'));
      }
      return store.append(stream, events, expected);
    },
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}

describe('creating a ticket type across the event and its inventory', () => {
  let pool: PglitePool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = await PglitePool.open();
    store = new PostgresEventStore(pool);
    await store.ensureSchema();
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const context: CommandContext = {
    commandId: 'create-ga',
    actor: organizer.userId,
    correlationId: 'request-1',
    causationId: null,
    now,
  };
  const command: CreateTicketType = {
    type: 'CreateTicketType',
    eventId: 'e1',
    ticketTypeId: 'ga',
    actor: organizer,
    details: generalAdmission(),
    totalQuantity: 2000,
  };
  const typesOf = async (stream: string) => (await store.readStream(stream)).map((event) => event.type);

  it('a creation interrupted before the inventory counted it completes when the same command is retried', async () => {
    const created = toNewEvent(festivalCreated(EventFormat.IN_PERSON), eventStream('e1'), 0, {
      ...context,
      commandId: 'create-event',
    });
    await store.append(eventStream('e1'), [created], NO_STREAM);

    await expect(createTicketType(failingFirstInventoryAppend(store), command, context)).rejects.toThrow(
      'connection lost',
    );
    expect(await typesOf(eventStream('e1'))).toEqual(['EventCreated', 'TicketTypeCreated']);
    expect(await typesOf(inventoryStream('e1'))).toEqual([]);

    expect(await createTicketType(store, command, context)).not.toBeNull();
    expect(await typesOf(eventStream('e1'))).toEqual(['EventCreated', 'TicketTypeCreated']);
    expect(await typesOf(inventoryStream('e1'))).toEqual(['TicketTypeInventoryRegistered']);
  });

  it('retrying a creation that completed appends nothing, and leaves nothing to wait for', async () => {
    expect(await createTicketType(store, command, context)).toBeNull();
    expect(await typesOf(eventStream('e1'))).toEqual(['EventCreated', 'TicketTypeCreated']);
    expect(await typesOf(inventoryStream('e1'))).toEqual(['TicketTypeInventoryRegistered']);
  });
});
