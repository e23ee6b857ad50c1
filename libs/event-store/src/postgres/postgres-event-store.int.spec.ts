import { randomUUID } from 'node:crypto';
import { openPgPool, PglitePool, type SqlPool } from '@ticketing/platform';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { readLogAfter, untilVisible } from '../contract/read-log-after';
import { SubscriptionRecorder } from '../contract/subscription-recorder';
import { aNewEvent, aPrivateCategory, inCategory, someNewEvents } from '../contract/test-events';
import { ANY, NO_STREAM, type RecordedEvent, WrongExpectedRevisionError } from '../event-store.port';
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

    it('gives subscriptions that share the tail of the log, at any pace and from any position, every event once, in order', async () => {
      // Five events a page: the tail keeps 20 and drops its oldest past 40, so the slow reader falls out of it.
      const sharing = new PostgresEventStore(poolOf(), { schema: schemaOf(), subscriptionBatchSize: 5 });
      const ours = (events: RecordedEvent[]) => events.filter(inCategory(category));
      const write = (writers: number, appends: number, round: string) =>
        Promise.all(
          Array.from({ length: writers }, async (_, writer) => {
            for (let index = 0; index < appends; index += 1) {
              await sharing.append(stream(`${round}w${writer}i${index}`), someNewEvents(2), NO_STREAM);
            }
          }),
        );
      const slowly = async (after: RecordedEvent['position'] | undefined, count: number) => {
        const seen: RecordedEvent[] = [];
        for await (const event of sharing.subscribeToAll({ after })) {
          if (inCategory(category)(event)) seen.push(event);
          if (seen.length === count) break;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        return seen;
      };
      const head = (await sharing.headPosition()) ?? undefined;
      const fast = new SubscriptionRecorder(sharing.subscribeToAll({ after: head }));
      const slow = slowly(head, 2 * 8 * 20 * 2);
      try {
        await write(8, 20, 'first');
        const midway = (await sharing.headPosition()) ?? undefined;
        const late = new SubscriptionRecorder(sharing.subscribeToAll({ after: midway }));
        await write(8, 20, 'second');

        const logged = ours(await readLogAfter(sharing, head ?? null));
        const fromMidway = ours(await readLogAfter(sharing, midway ?? null));
        const byFast = ours(await fast.waitUntil((events) => ours(events).length >= logged.length, 30_000));
        const byLate = ours(
          await late.waitUntil((events) => ours(events).length >= fromMidway.length, 30_000),
        );
        await late.stop();

        expect(logged).toHaveLength(2 * 8 * 20 * 2);
        expect(ids(byFast)).toEqual(ids(logged));
        expect(ids(byLate)).toEqual(ids(fromMidway));
        expect(ids(await slow)).toEqual(ids(logged));
      } finally {
        await fast.stop();
        await sharing.close();
      }
    });

    it('hands a catch-up over in whole batches, without waiting between them', async () => {
      const head = (await store.headPosition()) ?? undefined;
      await store.append(stream('batched'), someNewEvents(7), NO_STREAM);
      const subscription = store.subscribeToAll({ after: head });
      try {
        expect((await subscription.nextBatch(3)).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
        expect((await subscription.nextBatch(3)).map((event) => event.revision)).toEqual([3n, 4n, 5n]);
        expect((await subscription.nextBatch(3)).map((event) => event.revision)).toEqual([6n]);
      } finally {
        await subscription.close();
      }
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

    describe('appends and stream reads made while the database is busy share a round trip', () => {
      let statements: string[];
      let batched: PostgresEventStore;
      /** The same store, one round trip at a time, over a pool that records what it is asked. */
      beforeEach(() => {
        statements = [];
        const pool = poolOf();
        const recording: SqlPool = {
          connect: () => pool.connect(),
          end: () => pool.end(),
          query: (text, values) => {
            statements.push(text);
            return pool.query(text, values);
          },
        };
        batched = new PostgresEventStore(recording, { schema: schemaOf(), maxRoundTripsInFlight: 1 });
      });
      afterEach(() => batched.close());
      const batchAppends = () => statements.filter((text) => text.includes('append_to_streams')).length;

      /** Starts an append that keeps the only round trip busy, so the calls made right after it wait together. */
      function whileBusy<T>(calls: () => Promise<T>[]): Promise<T[]> {
        const busy = batched.append(stream('busy'), someNewEvents(1), ANY);
        const waiting = calls();
        return busy.then(() => Promise.all(waiting));
      }

      it('writes appends to different streams in one statement, each at its own revision', async () => {
        await batched.append(stream('b'), someNewEvents(2), NO_STREAM);

        const [a, b, c] = await whileBusy(() => [
          batched.append(stream('a'), someNewEvents(1), NO_STREAM),
          batched.append(stream('b'), someNewEvents(3), 1n),
          batched.append(stream('c'), someNewEvents(2), ANY),
        ]);

        expect(batchAppends()).toBe(1);
        expect([a, b, c].map((result) => result.nextExpectedRevision)).toEqual([0n, 4n, 1n]);
        expect((await store.readStream(stream('b'))).map((event) => event.revision)).toEqual([
          0n,
          1n,
          2n,
          3n,
          4n,
        ]);
        await untilVisible(store, c.position);
        const log = (await readLogAfter(store, null)).filter(inCategory(category));
        expect(log.map((event) => event.streamName)).toEqual([
          stream('b'),
          stream('b'),
          stream('busy'),
          stream('a'),
          stream('b'),
          stream('b'),
          stream('b'),
          stream('c'),
          stream('c'),
        ]);
        expect(c.position).toEqual(log[log.length - 1].position);
      });

      it('refuses only the append whose stream moved on, with WrongExpectedRevisionError', async () => {
        await batched.append(stream('moved'), someNewEvents(2), NO_STREAM);

        const outcomes = await whileBusy(() =>
          [
            batched.append(stream('a'), someNewEvents(1), NO_STREAM),
            batched.append(stream('moved'), someNewEvents(1), 0n),
            batched.append(stream('c'), someNewEvents(1), NO_STREAM),
          ].map((append) =>
            append.then(
              () => 'written',
              (error: unknown) => error,
            ),
          ),
        );

        expect(outcomes[0]).toBe('written');
        expect(outcomes[1]).toBeInstanceOf(WrongExpectedRevisionError);
        expect(outcomes[2]).toBe('written');
        expect(await store.readStream(stream('moved'))).toHaveLength(2);
      });

      it('writes the other appends of a batch that reuses an event id, and refuses that one', async () => {
        const [used] = someNewEvents(1);
        await batched.append(stream('first'), [used], NO_STREAM);

        const outcomes = await whileBusy(() =>
          [
            batched.append(stream('a'), someNewEvents(1), NO_STREAM),
            batched.append(stream('reused'), [used], NO_STREAM),
          ].map((append) =>
            append.then(
              () => 'written',
              (error: unknown) => error,
            ),
          ),
        );

        expect(outcomes[0]).toBe('written');
        expect(outcomes[1]).toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(stream('a'))).toHaveLength(1);
        expect(await store.readStream(stream('reused'))).toEqual([]);
      });

      it('answers a retry inside a batch with the original append', async () => {
        const events = someNewEvents(2);
        const original = await batched.append(stream('a'), events, NO_STREAM);

        const [retried] = await whileBusy(() => [batched.append(stream('a'), events, NO_STREAM)]);

        expect(retried).toEqual(original);
        expect(await store.readStream(stream('a'))).toHaveLength(2);
      });

      it('never puts two appends to one stream in one batch: the second meets the first', async () => {
        const outcomes = await whileBusy(() =>
          [
            batched.append(stream('a'), someNewEvents(1), NO_STREAM),
            batched.append(stream('a'), someNewEvents(1), NO_STREAM),
            batched.append(stream('a'), someNewEvents(1), ANY),
          ].map((append) =>
            append.then(
              (result) => result.nextExpectedRevision,
              (error: unknown) => error,
            ),
          ),
        );

        expect(outcomes[0]).toBe(0n);
        expect(outcomes[1]).toBeInstanceOf(WrongExpectedRevisionError);
        expect(outcomes[2]).toBe(1n);
      });

      it('reads several whole streams in one statement, each in revision order', async () => {
        await store.append(stream('a'), someNewEvents(2), NO_STREAM);
        await store.append(stream('b'), someNewEvents(3), NO_STREAM);
        const readsBefore = statements.length;

        const [a, b, none] = await whileBusy(() => [
          batched.readStream(stream('a')),
          batched.readStream(stream('b')),
          batched.readStream(stream('none')),
        ]);

        expect(statements.slice(readsBefore).filter((text) => text.includes('ANY($1::text[])'))).toHaveLength(
          1,
        );
        expect(a.map((event) => event.revision)).toEqual([0n, 1n]);
        expect(b.map((event) => [event.streamName, event.revision])).toEqual([
          [stream('b'), 0n],
          [stream('b'), 1n],
          [stream('b'), 2n],
        ]);
        expect(none).toEqual([]);
      });
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
      // As many appends in the database at once as there are writers, each its own transaction: gaps need them.
      store = new PostgresEventStore(pool, { schema, maxRoundTripsInFlight: 20, maxBatchSize: 1 });
      await store.ensureSchema();
    });
    afterAll(() => store.close());
    beforeEach(() => {
      category = aPrivateCategory();
    });

    /**
     * The head once every earlier append of this schema shows: a transaction anywhere in the cluster, such as another
     * test file's, holds readers back, so the head read at an arbitrary moment may still move on by itself.
     */
    async function settledHead() {
      const marker = await store.append(`${category}-marker`, someNewEvents(1), NO_STREAM);
      await untilVisible(store, marker.position);
      return marker.position;
    }

    it('hides an event committed after an older, still open append until that one commits, then delivers both in order', async () => {
      const head = await settledHead();
      const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: head }));
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
      const head = await settledHead();
      const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: head }));
      const slowClient = await pool.connect();
      try {
        const naive = await NaiveSequenceReader.start(pool, eventStoreTables(schema));
        // 2,000 appends by 20 writers on 10 connections open gaps of their own, though not on every run; one append
        // held open through the whole load makes at least one certain.
        await slowClient.query('BEGIN');
        await appendEvents(
          slowClient,
          eventStoreTables(schema),
          `${category}-slow`,
          someNewEvents(1),
          NO_STREAM,
        );
        await Promise.all(
          Array.from({ length: 20 }, async (_, writer) => {
            for (let index = 0; index < 100; index += 1) {
              await store.append(`${category}-w${writer}i${index}`, someNewEvents(1), NO_STREAM);
            }
          }),
        );
        await naive.readNow();
        await slowClient.query('COMMIT');
        await naive.stop();

        const logged = ours(await readLogAfter(store, head));
        const skippedByNaiveReader = logged.filter((event) => !naive.seen.has(event.position.prepare));
        const delivered = ours(
          await recorder.waitUntil((events) => ours(events).length >= logged.length, 30_000),
        );

        expect(skippedByNaiveReader.length).toBeGreaterThan(0);
        expect(logged).toHaveLength(2_001);
        expect(ids(delivered)).toEqual(ids(logged));
      } finally {
        slowClient.release();
        await recorder.stop();
      }
    });
  });
});
