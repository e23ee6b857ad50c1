import { randomUUID } from 'node:crypto';
import { openPgPool, PglitePool, type SqlPool } from '@ticketing/platform';
import { AppError, ErrorCode } from '@ticketing/platform/domain';
import { NO_STREAM, type EventStore } from '../../event-store.port';
import { PostgresEventStore } from '../../postgres';
import { type CommandOutcome, runCommand } from '../run-command';
import { BatchingCommandExecutor, type BatchingCommandExecutorOptions } from './batching-command-executor';
import { aCommandContext } from './testing/a-command-context';
import { InstrumentedEventStore } from './testing/instrumented-event-store';
import {
  reserveSeats,
  seatCounterDecider,
  type SeatCount,
  type SeatReserved,
} from './testing/seat-counter.decider';
import { describeOnPostgres } from '../../../../../test/support/temporary-database';

const databaseUrl = process.env.TEST_DATABASE_URL;

type Attempt = PromiseSettledResult<CommandOutcome<SeatReserved, SeatCount>>;

async function openMigratedStore(pool: SqlPool, schema: string): Promise<PostgresEventStore> {
  const store = new PostgresEventStore(pool, { schema });
  await store.ensureSchema();
  return store;
}

function aSeatStream(): string {
  return `seats${randomUUID().replaceAll('-', '')}-1`;
}

function succeeded(attempts: Attempt[]): CommandOutcome<SeatReserved, SeatCount>[] {
  return attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
}

/** Why each rejected attempt failed: the reason of an AppError, or the message of anything else. */
function refusals(attempts: Attempt[]): string[] {
  return attempts.flatMap((attempt) => {
    if (attempt.status === 'fulfilled') return [];
    const error: unknown = attempt.reason;
    return [error instanceof AppError ? (error.reason ?? error.code) : String(error)];
  });
}

function seatsOf(outcomes: CommandOutcome<SeatReserved, SeatCount>[]): number[] {
  return outcomes.flatMap((outcome) => outcome.events.map((event) => event.data.seat)).sort((a, b) => a - b);
}

function oneTo(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}

/** The executor's rules, checked on every engine the file runs on. */
function describeExecutorRules(storeOf: () => EventStore): void {
  describe('batching command executor rules', () => {
    let store: InstrumentedEventStore;
    let stream: string;
    const executors: BatchingCommandExecutor[] = [];
    const anExecutor = (options?: BatchingCommandExecutorOptions) => {
      const executor = new BatchingCommandExecutor(store, options);
      executors.push(executor);
      return executor;
    };
    beforeEach(() => {
      store = new InstrumentedEventStore(storeOf());
      stream = aSeatStream();
    });
    afterEach(() => {
      for (const executor of executors.splice(0)) executor.close();
    });

    it('sells exactly the capacity to more concurrent buyers than seats and refuses the rest with SOLD_OUT', async () => {
      const decider = seatCounterDecider(50);
      const executor = anExecutor();

      const attempts = await Promise.allSettled(
        Array.from({ length: 200 }, (_, buyer) =>
          executor.execute(decider, stream, reserveSeats(`buyer-${buyer}`), aCommandContext()),
        ),
      );

      expect(seatsOf(succeeded(attempts))).toEqual(oneTo(50));
      expect(refusals(attempts)).toEqual(Array(150).fill('SOLD_OUT'));
      expect(await store.readStream(stream)).toHaveLength(50);
    });

    it('does not fail the other commands of a batch when the rules refuse one of them', async () => {
      const decider = seatCounterDecider(3);
      const executor = anExecutor();

      const [first, tooMany, last] = await Promise.allSettled([
        executor.execute(decider, stream, reserveSeats('a'), aCommandContext()),
        executor.execute(decider, stream, reserveSeats('b', 5), aCommandContext()),
        executor.execute(decider, stream, reserveSeats('c', 2), aCommandContext()),
      ]);

      expect(seatsOf(succeeded([first]))).toEqual([1]);
      expect(refusals([tooMany])).toEqual(['SOLD_OUT']);
      expect(seatsOf(succeeded([last]))).toEqual([2, 3]);
      expect(store.appends.map((append) => append.events.length)).toEqual([3]);
    });

    it('decides the batch again on the fresh state when another writer appended after it was decided', async () => {
      const decider = seatCounterDecider(3);
      const executor = anExecutor();
      await executor.execute(decider, stream, reserveSeats('a'), aCommandContext());
      store.onNextAppend(async () => {
        await runCommand(storeOf(), decider, stream, reserveSeats('elsewhere'), aCommandContext());
      });

      const [second, third] = await Promise.allSettled([
        executor.execute(decider, stream, reserveSeats('b'), aCommandContext()),
        executor.execute(decider, stream, reserveSeats('c'), aCommandContext()),
      ]);

      expect(seatsOf(succeeded([second]))).toEqual([3]);
      expect(refusals([third])).toEqual(['SOLD_OUT']);
      expect((await store.readStream(stream)).map((event) => event.data)).toEqual([
        { buyerId: 'a', seat: 1 },
        { buyerId: 'elsewhere', seat: 2 },
        { buyerId: 'b', seat: 3 },
      ]);
      expect(store.appends.map((append) => append.expected)).toEqual([NO_STREAM, 0n, 1n]);
    });

    it('fails the batch with CONFLICT once other writers have moved the stream before each of its retries', async () => {
      const decider = seatCounterDecider(100);
      const executor = anExecutor({ maxConflictRetries: 2 });
      const interfere = async () => {
        store.onNextAppend(interfere);
        await runCommand(storeOf(), decider, stream, reserveSeats('elsewhere'), aCommandContext());
      };
      store.onNextAppend(interfere);

      const contended = executor.execute(decider, stream, reserveSeats('a'), aCommandContext());

      await expect(contended).rejects.toMatchObject({ code: ErrorCode.CONFLICT, reason: 'STREAM_CONTENDED' });
      expect(store.appends).toHaveLength(3);
      expect((await store.readStream(stream)).map((event) => event.data)).toEqual([
        { buyerId: 'elsewhere', seat: 1 },
        { buyerId: 'elsewhere', seat: 2 },
        { buyerId: 'elsewhere', seat: 3 },
      ]);
    });

    it('loads the stream once and then never reads it from the start again', async () => {
      const decider = seatCounterDecider(100);
      const executor = anExecutor();

      for (let buyer = 0; buyer < 20; buyer += 1) {
        await executor.execute(decider, stream, reserveSeats(`buyer-${buyer}`), aCommandContext());
      }
      store.onNextAppend(async () => {
        await runCommand(storeOf(), decider, stream, reserveSeats('elsewhere'), aCommandContext());
      });
      await executor.execute(decider, stream, reserveSeats('last'), aCommandContext());

      expect(store.appends).toHaveLength(22);
      expect(store.readsFrom).toEqual([0n, 20n]);
    });

    it('answers refusals with nothing to append only after reading what other writers appended meanwhile', async () => {
      const decider = seatCounterDecider(2);
      const executor = anExecutor();
      await executor.execute(decider, stream, reserveSeats('a'), aCommandContext());
      await runCommand(storeOf(), decider, stream, reserveSeats('elsewhere'), aCommandContext());

      const refused = executor.execute(decider, stream, reserveSeats('b', 2), aCommandContext());

      await expect(refused).rejects.toMatchObject({ reason: 'SOLD_OUT', details: { left: 0 } });
      expect(store.readsFrom).toEqual([0n, 1n]);
    });

    it('does not append a retried command twice, and answers it with what the command appended', async () => {
      const decider = seatCounterDecider(10);
      const executor = anExecutor();
      const context = aCommandContext();

      const original = await executor.execute(decider, stream, reserveSeats('a', 2), context);
      const retried = await executor.execute(decider, stream, reserveSeats('a', 2), context);
      const retriedElsewhere = await anExecutor().execute(decider, stream, reserveSeats('a', 2), context);
      const sentTwiceAtOnce = aCommandContext();
      const [once, twice] = await Promise.all([
        executor.execute(decider, stream, reserveSeats('b'), sentTwiceAtOnce),
        executor.execute(decider, stream, reserveSeats('b'), sentTwiceAtOnce),
      ]);

      expect(retried).toEqual(original);
      expect(retriedElsewhere).toEqual(original);
      expect(twice).toEqual(once);
      expect((await store.readStream(stream)).map((event) => event.data)).toEqual([
        { buyerId: 'a', seat: 1 },
        { buyerId: 'a', seat: 2 },
        { buyerId: 'b', seat: 3 },
      ]);
    });

    it('rejects the whole batch when the store fails, and loads the stream afresh for the next command', async () => {
      const decider = seatCounterDecider(10);
      const executor = anExecutor();
      await executor.execute(decider, stream, reserveSeats('a'), aCommandContext());
      store.onNextAppend(async () => {
        throw new Error('Connection terminated unexpectedly');
      });

      const failed = await Promise.allSettled([
        executor.execute(decider, stream, reserveSeats('b'), aCommandContext()),
        executor.execute(decider, stream, reserveSeats('c'), aCommandContext()),
      ]);
      const next = await executor.execute(decider, stream, reserveSeats('d'), aCommandContext());

      expect(refusals(failed)).toEqual(Array(2).fill('Error: Connection terminated unexpectedly'));
      expect(seatsOf([next])).toEqual([2]);
      expect(store.readsFrom).toEqual([0n, 0n]);
    });

    it('lets a stream go after it has been idle for the eviction time, and loads it afresh for the next command', async () => {
      const decider = seatCounterDecider(10);
      const executor = anExecutor({ idleEvictionMs: 50 });
      await executor.execute(decider, stream, reserveSeats('a'), aCommandContext());
      await executor.execute(decider, stream, reserveSeats('b'), aCommandContext());
      expect(store.readsFrom).toEqual([0n]);

      await new Promise((resolve) => setTimeout(resolve, 300));
      const afterIdle = await executor.execute(decider, stream, reserveSeats('c'), aCommandContext());

      expect(seatsOf([afterIdle])).toEqual([3]);
      expect(store.readsFrom).toEqual([0n, 0n]);
    });

    it('refuses to decide a stream it owns with a second decider', async () => {
      const executor = anExecutor();
      await executor.execute(seatCounterDecider(10), stream, reserveSeats('a'), aCommandContext());

      await expect(
        executor.execute(seatCounterDecider(10), stream, reserveSeats('b'), aCommandContext()),
      ).rejects.toThrow('already owned with another decider');
    });
  });
}

describe('BatchingCommandExecutor on PGlite', () => {
  let pool: PglitePool;
  let store: PostgresEventStore;
  beforeAll(async () => {
    pool = await PglitePool.open();
    store = await openMigratedStore(pool, 'event_log');
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  describeExecutorRules(() => store);
});

describeOnPostgres('BatchingCommandExecutor on PostgreSQL', () => {
  // Two Jest workers share the server: each test file gets a schema of its own.
  const schema = `batching_spec_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let pools: SqlPool[];
  let stores: PostgresEventStore[];
  beforeAll(async () => {
    // One pool and one store per simulated process, as two API replicas would have.
    pools = [openPgPool(databaseUrl as string, 5), openPgPool(databaseUrl as string, 5)];
    stores = await Promise.all(pools.map((pool) => openMigratedStore(pool, schema)));
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(pools.map((pool) => pool.end()));
  });

  describeExecutorRules(() => stores[0]);

  it('sells exactly the capacity when two processes, each with its own executor and pool, take 600 orders for 100 seats', async () => {
    const decider = seatCounterDecider(100);
    const stream = aSeatStream();
    // Small batches make the two owners race for the stream many times before it sells out. Each conflict means
    // the other process sold at least one seat, so 100 retries cannot run out before the room is sold out.
    const executors = stores.map(
      (store) => new BatchingCommandExecutor(store, { maxBatchSize: 8, maxConflictRetries: 100 }),
    );
    try {
      const attempts = await Promise.allSettled(
        Array.from({ length: 600 }, (_, buyer) =>
          executors[buyer % 2].execute(decider, stream, reserveSeats(`buyer-${buyer}`), aCommandContext()),
        ),
      );

      expect(seatsOf(succeeded(attempts))).toEqual(oneTo(100));
      expect(refusals(attempts)).toEqual(Array(500).fill('SOLD_OUT'));
      expect(await stores[1].readStream(stream)).toHaveLength(100);
    } finally {
      for (const executor of executors) executor.close();
    }
  });
});
