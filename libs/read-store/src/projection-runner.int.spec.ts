import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type { LogPosition, PostgresEventStore } from '@ticketing/event-store';
import { applyBatch, projectBatch } from './apply-batch';
import { CheckpointMonitor } from './checkpoint-monitor';
import { CheckpointMovedError } from './checkpoint-moved.error';
import type { Database } from './database';
import { sleep } from './interruptible-sleep';
import {
  CheckpointMoves,
  ensureCheckpoint,
  loadCheckpoint,
  lockCheckpoint,
  saveCheckpoint,
} from './projection-checkpoint';
import { projectionLeasesFor, type ProjectionLeases } from './projection-lease';
import { rebuildProjection } from './projection-rebuild';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import type { Projection } from './projection';
import { eventually } from './testing/eventually';
import { RecordingLogger } from './testing/recording-logger';
import { readStreamCounts, streamCountsOf, streamCountsProjection } from './testing/stream-counts.projection';
import { appendItems } from './testing/test-events';
import { openPgliteReadStore, openPostgresReadStore, type TestReadStore } from './testing/test-read-store';
import { describeOnPostgres } from '../../../test/support/temporary-database';

describe('ProjectionRunner on PGlite', () => {
  projectionRunnerRules(openPgliteReadStore);
});

describeOnPostgres('ProjectionRunner on PostgreSQL', () => {
  projectionRunnerRules(() => openPostgresReadStore(process.env.TEST_DATABASE_URL ?? ''));
});

/** A projection that reads every event and writes nothing: only its checkpoint moves. */
const checkpointOnlyProjection: Projection = {
  name: 'test-checkpoint-only',
  handles: [],
  tables: [],
  apply: async () => undefined,
};

function projectionRunnerRules(openReadStore: () => Promise<TestReadStore>): void {
  let readStore: TestReadStore;
  let store: PostgresEventStore;
  let running: { runner: ProjectionRunner; leases: ProjectionLeases }[] = [];

  beforeAll(async () => {
    readStore = await openReadStore();
  });
  afterAll(() => readStore.close());

  beforeEach(async () => {
    await readStore.reset();
    ({ store } = await readStore.openEventStore());
  });
  afterEach(async () => {
    for (const { runner, leases } of running) {
      await runner.stop();
      await leases.close();
    }
    running = [];
    await store.close();
  });

  async function startRunner(
    projections: Projection[],
    options: Partial<ProjectionRunnerOptions> = {},
  ): Promise<ProjectionRunner> {
    const leases = projectionLeasesFor(readStore.pool);
    const runner = new ProjectionRunner({
      store,
      db: readStore.db,
      projections,
      leases,
      logger: new RecordingLogger(),
      ...options,
    });
    running.push({ runner, leases });
    await runner.start();
    return runner;
  }

  let lastAppended: LogPosition;

  /**
   * Appends and remembers the position. Tests wait for that position rather than for the head of the log: on a
   * shared server an append may stay invisible to readers for a moment, while older transactions are still open.
   */
  async function append(stream: string, count: number, ignoredEvery = 0): Promise<LogPosition> {
    ({ position: lastAppended } = await appendItems(store, stream, count, ignoredEvery));
    return lastAppended;
  }

  async function expectedCounts() {
    return streamCountsOf(await store.readAll());
  }

  it('rolls back a batch that fails halfway: no partial effect, the checkpoint unmoved, retried with backoff', async () => {
    await append('item-a', 10);
    let healed = false;
    let failures = 0;
    const failingHalfway: Projection = {
      ...streamCountsProjection,
      async apply(trx, event) {
        await streamCountsProjection.apply(trx, event);
        if (!healed && event.revision === 5n) {
          failures += 1;
          throw new Error('projection bug');
        }
      },
    };
    const runner = await startRunner([failingHalfway], { retryDelay: { initialMs: 20, maxMs: 80 } });
    await eventually('the batch has failed three times', () => failures >= 3);

    expect(await readStreamCounts(readStore.db)).toEqual([]);
    expect(await loadCheckpoint(readStore.db, streamCountsProjection.name)).toBeNull();
    expect(await runner.status()).toEqual([
      expect.objectContaining({ state: 'retrying', lastError: 'projection bug', position: null, lag: 10 }),
    ]);
    const failuresBefore = failures;
    await sleep(400);
    // Delays of at most 80 ms allow about five attempts in 400 ms; a retry loop without backoff would make hundreds.
    expect(failures - failuresBefore).toBeLessThanOrEqual(7);

    healed = true;
    expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);
    expect(await readStreamCounts(readStore.db)).toEqual([
      { stream_name: 'item-a', events: 10, last_revision: 9 },
    ]);
    expect(await runner.status()).toEqual([
      expect.objectContaining({ state: 'projecting', lastError: null, lag: 0 }),
    ]);
  });

  it('resumes from its stored checkpoint after a restart and applies no event twice', async () => {
    const appliedIds: string[] = [];
    const recordingApplies: Projection = {
      ...streamCountsProjection,
      async apply(trx, event) {
        appliedIds.push(event.id);
        await streamCountsProjection.apply(trx, event);
      },
    };
    await append('item-a', 30);
    await append('item-b', 20);
    const first = await startRunner([recordingApplies], { batchSize: 7 });
    expect(await first.waitForPosition(lastAppended, 5_000)).toBe(true);
    await first.stop();
    expect(await loadCheckpoint(readStore.db, streamCountsProjection.name)).toEqual(lastAppended);

    await append('item-a', 15);
    appliedIds.length = 0;
    const second = await startRunner([recordingApplies], { batchSize: 7 });
    expect(await second.waitForPosition(lastAppended, 5_000)).toBe(true);

    expect(appliedIds).toHaveLength(15);
    expect(await readStreamCounts(readStore.db)).toEqual([
      { stream_name: 'item-a', events: 45, last_revision: 44 },
      { stream_name: 'item-b', events: 20, last_revision: 19 },
    ]);
  });

  it('moves the checkpoint past events the projection does not handle', async () => {
    await append('item-a', 6, 1);
    const runner = await startRunner([streamCountsProjection]);
    expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);
    expect(await loadCheckpoint(readStore.db, streamCountsProjection.name)).toEqual(lastAppended);
    expect(await readStreamCounts(readStore.db)).toEqual([]);
  });

  it('follows the log live, in batches of what is available up to the batch size, one transaction each', async () => {
    const eventsPerTransaction = new Map<object, number>();
    const countingTransactions: Projection = {
      ...streamCountsProjection,
      async apply(trx, event) {
        eventsPerTransaction.set(trx, (eventsPerTransaction.get(trx) ?? 0) + 1);
        await streamCountsProjection.apply(trx, event);
      },
    };
    const runner = await startRunner([countingTransactions], { batchSize: 50 });
    await append('item-a', 1);
    expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);
    await append('item-a', 120);
    expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);

    expect([...eventsPerTransaction.values()]).toEqual([1, 50, 50, 20]);
    expect(await readStreamCounts(readStore.db)).toEqual([
      { stream_name: 'item-a', events: 121, last_revision: 120 },
    ]);
  });

  it('refuses a batch whose checkpoint moved since the runner read it (compare-and-set)', async () => {
    await append('item-a', 4);
    let events = await store.readAll();
    await eventually(
      'the appended events are visible',
      async () => (events = await store.readAll()).length === 4,
    );
    await ensureCheckpoint(readStore.db, streamCountsProjection.name);
    await readStore.db
      .transaction()
      .execute((trx) => saveCheckpoint(trx, streamCountsProjection.name, events[1].position));

    await expect(
      readStore.db.transaction().execute((trx) => applyBatch(trx, streamCountsProjection, null, events)),
    ).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await readStreamCounts(readStore.db)).toEqual([]);
    expect(await loadCheckpoint(readStore.db, streamCountsProjection.name)).toEqual(events[1].position);
  });

  it('moves the checkpoint past a batch it handles nothing of under the same compare-and-set', async () => {
    await append('item-a', 4);
    let events = await store.readAll();
    await eventually(
      'the appended events are visible',
      async () => (events = await store.readAll()).length === 4,
    );
    await ensureCheckpoint(readStore.db, checkpointOnlyProjection.name);

    expect(
      await projectBatch(
        readStore.db,
        new CheckpointMoves(readStore.db),
        checkpointOnlyProjection,
        null,
        events.slice(0, 2),
      ),
    ).toEqual(events[1].position);
    await expect(
      projectBatch(
        readStore.db,
        new CheckpointMoves(readStore.db),
        checkpointOnlyProjection,
        null,
        events.slice(2),
      ),
    ).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await loadCheckpoint(readStore.db, checkpointOnlyProjection.name)).toEqual(events[1].position);
    expect(
      await projectBatch(
        readStore.db,
        new CheckpointMoves(readStore.db),
        checkpointOnlyProjection,
        events[1].position,
        events.slice(2),
      ),
    ).toEqual(events[3].position);
  });

  it('moves the checkpoints of projections moving at once, except one no longer where it was expected', async () => {
    await append('item-a', 2);
    let events = await store.readAll();
    await eventually(
      'the appended events are visible',
      async () => (events = await store.readAll()).length === 2,
    );
    const names = ['moves-1', 'moves-2', 'moves-3', 'moves-4', 'moves-5'];
    for (const name of names) await ensureCheckpoint(readStore.db, name);
    await readStore.db.transaction().execute((trx) => saveCheckpoint(trx, 'moves-4', events[0].position));
    const checkpoints = new CheckpointMoves(readStore.db);

    // Two round trips may be out at once: the first two moves go alone, the other three together.
    const moved = await Promise.all(names.map((name) => checkpoints.move(name, null, events[1].position)));

    expect(moved).toEqual([true, true, true, false, true]);
    const stored = await Promise.all(names.map((name) => loadCheckpoint(readStore.db, name)));
    expect(stored).toEqual([
      events[1].position,
      events[1].position,
      events[1].position,
      events[0].position,
      events[1].position,
    ]);
  });

  it('replays from the start when another process reset its checkpoint, noticed through the compare-and-set', async () => {
    const logger = new RecordingLogger();
    const runner = await startRunner([streamCountsProjection], { logger });
    await append('item-a', 5);
    await append('item-b', 3);
    expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);

    await readStore.db.transaction().execute(async (trx) => {
      await lockCheckpoint(trx, streamCountsProjection.name);
      await trx.deleteFrom('test_stream_counts').execute();
      await saveCheckpoint(trx, streamCountsProjection.name, null);
    });
    await append('item-a', 1);
    expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);

    expect(await readStreamCounts(readStore.db)).toEqual([
      { stream_name: 'item-a', events: 6, last_revision: 5 },
      { stream_name: 'item-b', events: 3, last_revision: 2 },
    ]);
    expect(logger.messages).toContainEqual(
      expect.stringMatching(/^Checkpoint of test-stream-counts moved .* to the start/),
    );
  });

  it('rebuilds a read model equal to the live one, and readers never see it empty meanwhile', async () => {
    const runner = await startRunner([streamCountsProjection], { batchSize: 40 });
    for (let write = 0; write < 30; write++) await append(`item-${write % 12}`, 10, 4);
    expect(await runner.waitForPosition(lastAppended, 10_000)).toBe(true);
    const live = await readStreamCounts(readStore.db);
    expect(live).toEqual(await expectedCounts());
    expect(live).toHaveLength(12);

    const rowsSeenByReaders: number[] = [];
    let rebuilding = true;
    const reader = (async () => {
      while (rebuilding) {
        rowsSeenByReaders.push((await readStreamCounts(readStore.db)).length);
        await sleep(2);
      }
    })();
    await runner.rebuild(streamCountsProjection.name);
    rebuilding = false;
    await reader;

    expect(rowsSeenByReaders.length).toBeGreaterThan(0);
    expect(new Set(rowsSeenByReaders)).toEqual(new Set([12]));
    expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);
    expect(await readStreamCounts(readStore.db)).toEqual(live);
  });

  it('follows on after a rebuild made elsewhere while events keep arriving, losing and doubling nothing', async () => {
    const runner = await startRunner([streamCountsProjection], { batchSize: 25 });
    for (let write = 0; write < 10; write++) await append(`item-${write % 4}`, 20, 3);
    expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);
    const appending = (async () => {
      for (let write = 0; write < 25; write++) {
        await append(`item-${write % 6}`, 4);
        await sleep(3);
      }
    })();
    const rebuiltUpTo = await rebuildProjection({
      store,
      db: readStore.db,
      projection: streamCountsProjection,
      batchSize: 30,
    });
    await appending;

    expect(rebuiltUpTo).not.toBeNull();
    expect(await runner.waitForPosition(lastAppended, 10_000)).toBe(true);
    expect(await readStreamCounts(readStore.db)).toEqual(await expectedCounts());
  });

  it('waitForPosition resolves once every projection has passed the position, and false on timeout', async () => {
    const position = await append('item-a', 3);
    const monitor = new CheckpointMonitor(store, readStore.db, [
      streamCountsProjection,
      checkpointOnlyProjection,
    ]);

    const startedAt = Date.now();
    expect(await monitor.waitForPosition(position, 150)).toBe(false);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);

    const countsRunner = await startRunner([streamCountsProjection]);
    expect(await countsRunner.waitForPosition(position, 5_000)).toBe(true);
    expect(await monitor.waitForPosition(position, 100)).toBe(false);

    const waiting = monitor.waitForPosition(position, 5_000);
    await startRunner([checkpointOnlyProjection]);
    expect(await waiting).toBe(true);
    expect(await monitor.status()).toEqual([
      { name: streamCountsProjection.name, position, lag: 0, lagIsCapped: false },
      { name: checkpointOnlyProjection.name, position, lag: 0, lagIsCapped: false },
    ]);
  });

  it('serves a burst of waits with one read of the checkpoints per poll, not one per wait', async () => {
    let checkpointReads = 0;
    const countingDb = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: readStore.pool as unknown as PostgresPool }),
      log: (event) => {
        if (event.query.sql.includes('projection_checkpoints')) checkpointReads += 1;
      },
    });
    const monitor = new CheckpointMonitor(store, countingDb, [streamCountsProjection], {
      pollIntervalMs: 15,
    });
    const position = await append('item-a', 1);

    const waits = Array.from({ length: 50 }, () => monitor.waitForPosition(position, 200));
    expect(await Promise.all(waits)).toEqual(Array.from({ length: 50 }, () => false));
    // About 200 / 15 polls; waits polling on their own would read about fifty times as often.
    expect(checkpointReads).toBeLessThanOrEqual(20);
  });
}
