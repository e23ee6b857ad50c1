import { randomUUID } from 'node:crypto';
import { openPgPool, PglitePool, type SqlPool } from '@ticketing/platform';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { readLogAfter } from '../contract/read-log-after';
import { SubscriptionRecorder } from '../contract/subscription-recorder';
import { aNewEvent, aPrivateCategory, inCategory, someNewEvents } from '../contract/test-events';
import { NO_STREAM, type RecordedEvent } from '../event-store.port';
import { appendEvents } from './append-events';
import { DuplicateEventIdError } from './duplicate-event-id.error';
import { eventStoreTables } from './event-store-tables';
import { PostgresEventStore } from './postgres-event-store';
import { NaiveSequenceReader } from './testing/naive-sequence-reader';
import { describeOnPostgres } from '../../../../test/support/temporary-database';

const databaseUrl = process.env.TEST_DATABASE_URL;

async function openMigratedStore(pool: SqlPool, schema: string): Promise<PostgresEventStore> {
  const store = new PostgresEventStore(pool, { schema });
  await store.ensureSchema();
  return store;
}

function ids(events: RecordedEvent[]): string[] {
  return events.map((event) => event.id);
}

/** Rules of this adapter beyond the contract, checked on both engines. */
function describeAdapterRules(poolOf: () => SqlPool, schemaOf: () => string): void {
  describe('adapter rules', () => {
    let store: PostgresEventStore;
    let category: string;
    const stream = (name: string) => `${category}-${name}`;
    beforeAll(async () => {
      store = await openMigratedStore(poolOf(), schemaOf());
    });
    afterAll(() => store.close());
    beforeEach(() => {
      category = aPrivateCategory();
    });

    it('returns the original position, not only the revision, to a retried append', async () => {
      const events = someNewEvents(3);
      const original = await store.append(stream('a'), events, NO_STREAM);

      const retried = await store.append(stream('a'), events, NO_STREAM);

      expect(retried).toEqual(original);
    });

    it('rejects an event id already used in another stream with a DuplicateEventIdError', async () => {
      const [event] = someNewEvents(1);
      await store.append(stream('a'), [event], NO_STREAM);

      await expect(store.append(stream('b'), [event], NO_STREAM)).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store.readStream(stream('b'))).toEqual([]);
    });

    it('keeps the events when ensureSchema runs again on an existing schema', async () => {
      const events = someNewEvents(2);
      await store.append(stream('a'), events, NO_STREAM);

      await store.ensureSchema();

      expect(ids(await store.readStream(stream('a')))).toEqual(events.map((event) => event.id));
    });

    it('keeps stores in different schemas apart', async () => {
      const other = await openMigratedStore(poolOf(), `${schemaOf()}_other`);
      try {
        await store.append(stream('a'), someNewEvents(1), NO_STREAM);

        expect(await other.readStream(stream('a'))).toEqual([]);
        await expect(other.append(stream('a'), someNewEvents(1), NO_STREAM)).resolves.toMatchObject({
          nextExpectedRevision: 0n,
        });
      } finally {
        await other.close();
        await poolOf().query(`DROP SCHEMA "${schemaOf()}_other" CASCADE`);
      }
    });

    it('refuses a schema name that is not a plain lower-case identifier', () => {
      expect(() => new PostgresEventStore(poolOf(), { schema: 'events"; DROP TABLE x; --' })).toThrow(
        /Invalid event store schema/,
      );
    });
  });
}

describe('PostgresEventStore on PGlite', () => {
  const schema = 'event_log';
  let pool: PglitePool;
  beforeAll(async () => {
    pool = await PglitePool.open();
  });
  afterAll(() => pool.end());

  describeEventStoreContract('Postgres adapter on PGlite', () => openMigratedStore(pool, schema));
  describeAdapterRules(
    () => pool,
    () => schema,
  );
});

describeOnPostgres('PostgresEventStore on PostgreSQL', () => {
  // Two Jest workers share the server: each test file gets a schema of its own.
  const schema = `event_store_spec_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let pool: SqlPool;
  beforeAll(() => {
    pool = openPgPool(databaseUrl as string, 10);
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  describeEventStoreContract('Postgres adapter on PostgreSQL', () => openMigratedStore(pool, schema));
  describeAdapterRules(
    () => pool,
    () => schema,
  );

  describe('the sequence gap', () => {
    let store: PostgresEventStore;
    let category: string;
    const ours = (events: RecordedEvent[]) => events.filter(inCategory(category));
    beforeAll(async () => {
      store = await openMigratedStore(pool, schema);
    });
    afterAll(() => store.close());
    beforeEach(() => {
      category = aPrivateCategory();
    });

    it('hides an event committed after an older, still open append until that one commits, then delivers both in order', async () => {
      const head = await store.headPosition();
      const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: head ?? undefined }));
      const slowClient = await pool.connect();
      try {
        const earlier = aNewEvent();
        const later = aNewEvent();
        await slowClient.query('BEGIN');
        const slow = await appendEvents(
          slowClient,
          eventStoreTables(schema),
          `${category}-slow`,
          [earlier],
          NO_STREAM,
        );

        const fast = await store.append(`${category}-fast`, [later], NO_STREAM);
        await new Promise((resolve) => setTimeout(resolve, 300));

        // The slow transaction is still open, so its id is the xmin of every snapshot: the committed later event
        // sorts after the slow one and must stay hidden, or a reader would move past the slow one's place.
        expect(ours(recorder.delivered)).toEqual([]);
        expect(ours(await readLogAfter(store, head))).toEqual([]);
        expect(await store.headPosition()).toEqual(head);

        await slowClient.query('COMMIT');
        const delivered = ours(await recorder.waitUntil((events) => ours(events).length >= 2));

        expect(ids(delivered)).toEqual([earlier.id, later.id]);
        expect(slow?.position.prepare).toBeLessThan(fast.position.prepare);
      } finally {
        slowClient.release();
        await recorder.stop();
      }
    });

    it('delivers every event that a reader ordering by sequence alone skips under concurrent appends', async () => {
      const head = await store.headPosition();
      const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: head ?? undefined }));
      try {
        // A round of 2,000 appends by 20 writers on 10 connections usually opens dozens of gaps, but not always:
        // repeat, up to a bound, until the naive reader has fallen into at least one.
        let skippedByNaiveReader = 0;
        let rounds = 0;
        while (skippedByNaiveReader === 0 && rounds < 5) {
          const round = `${category}-r${rounds}`;
          const naive = await NaiveSequenceReader.start(pool, eventStoreTables(schema));
          await Promise.all(
            Array.from({ length: 20 }, async (_, writer) => {
              for (let index = 0; index < 100; index += 1) {
                await store.append(`${round}-w${writer}i${index}`, someNewEvents(1), NO_STREAM);
              }
            }),
          );
          await naive.stop();
          const appended = (await readLogAfter(store, head)).filter(inCategory(round));
          skippedByNaiveReader = appended.filter((event) => !naive.seen.has(event.position.prepare)).length;
          rounds += 1;
        }

        const logged = ours(await readLogAfter(store, head));
        const delivered = ours(
          await recorder.waitUntil((events) => ours(events).length >= logged.length, 30_000),
        );

        expect(skippedByNaiveReader).toBeGreaterThan(0);
        expect(logged).toHaveLength(rounds * 2_000);
        expect(ids(delivered)).toEqual(ids(logged));
      } finally {
        await recorder.stop();
      }
    });
  });
});
