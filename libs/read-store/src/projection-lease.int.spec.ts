import { sql } from 'kysely';
import type { LogPosition, PostgresEventStore } from '@ticketing/event-store';
import { openPgPool } from '@ticketing/platform';
import { AdvisoryLockLeases, PROJECTION_LOCK_NAMESPACE } from './advisory-lock-leases';
import { CheckpointMonitor } from './checkpoint-monitor';
import { sleep } from './interruptible-sleep';
import { compareCheckpoints, loadCheckpoint } from './projection-checkpoint';
import { rebuildProjection } from './projection-rebuild';
import { ProjectionRunner } from './projection-runner';
import { eventually } from './testing/eventually';
import { compileLibraries, ScriptProcess, type CompiledLibraries } from './testing/projector-process';
import { RecordingLogger } from './testing/recording-logger';
import { readStreamCounts, streamCountsOf, streamCountsProjection } from './testing/stream-counts.projection';
import { appendItems } from './testing/test-events';
import { openPostgresReadStore, type TestReadStore } from './testing/test-read-store';
import { describeOnPostgres } from '../../../test/support/temporary-database';

describeOnPostgres('projection leases on PostgreSQL', () => {
  let readStore: TestReadStore;
  let store: PostgresEventStore;
  let storeSchema: string;
  let compiled: CompiledLibraries;
  let lastAppended: LogPosition;

  beforeAll(async () => {
    [readStore, compiled] = await Promise.all([
      openPostgresReadStore(process.env.TEST_DATABASE_URL ?? ''),
      compileLibraries(),
    ]);
  });
  afterAll(async () => {
    await compiled.remove();
    await readStore.close();
  });

  beforeEach(async () => {
    await readStore.reset();
    ({ store, schema: storeSchema } = await readStore.openEventStore());
  });
  afterEach(() => store.close());

  async function append(stream: string, count: number): Promise<void> {
    ({ position: lastAppended } = await appendItems(store, stream, count));
  }

  async function appliers(): Promise<number[]> {
    const rows = await readStore.db
      .selectFrom('test_projection_appliers')
      .select('pid')
      .orderBy('pid')
      .execute();
    return rows.map((row) => row.pid);
  }

  it('grants a projection to one session at a time, and to the next once released', async () => {
    const first = new AdvisoryLockLeases(readStore.pool);
    const second = new AdvisoryLockLeases(readStore.pool);
    try {
      const lease = await first.tryAcquire('lease-test');
      expect(lease).not.toBeNull();
      expect(await second.tryAcquire('lease-test')).toBeNull();
      expect(await second.tryAcquire('another-projection')).not.toBeNull();

      await lease?.release();
      expect(await second.tryAcquire('lease-test')).not.toBeNull();
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('gives its connection back to the pool once it owns no projection', async () => {
    const onePool = openPgPool(readStore.connectionString ?? '', 1);
    const leases = new AdvisoryLockLeases(onePool);
    try {
      const lease = await leases.tryAcquire('lease-test');
      expect(lease).not.toBeNull();
      await lease?.release();

      const client = await Promise.race([onePool.connect(), sleep(2_000).then(() => null)]);
      expect(client).not.toBeNull();
      client?.release();
    } finally {
      await leases.close();
      await onePool.end();
    }
  });

  it('stops applying when its lock connection dies, then wins the lease back on a new connection', async () => {
    const logger = new RecordingLogger();
    const leases = new AdvisoryLockLeases(readStore.pool, 100);
    const runner = new ProjectionRunner({
      store,
      db: readStore.db,
      projections: [streamCountsProjection],
      leases,
      logger,
      leaseRetryMs: 100,
    });
    try {
      await runner.start();
      await append('item-a', 3);
      expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);

      const { rows } = await sql<{ terminated: boolean }>`
        select pg_terminate_backend(pid) as terminated from pg_locks
        where locktype = 'advisory' and granted and objsubid = 2 and classid = ${PROJECTION_LOCK_NAMESPACE}
          and objid::bigint = (hashtext(current_schema() || '/' || ${streamCountsProjection.name})::bigint + 4294967296) % 4294967296
      `.execute(readStore.db);
      expect(rows).toEqual([{ terminated: true }]);

      await eventually('the runner has noticed', () =>
        logger.messages.some((message) => message.includes('lease lost')),
      );
      await append('item-a', 2);
      expect(await runner.waitForPosition(lastAppended, 5_000)).toBe(true);
      expect(logger.messages.filter((message) => message.endsWith('owned by this process'))).toHaveLength(2);
      expect(await readStreamCounts(readStore.db)).toEqual([
        { stream_name: 'item-a', events: 5, last_revision: 4 },
      ]);
    } finally {
      await runner.stop();
      await leases.close();
    }
  });

  it('lets one of two projector processes apply; killed mid-batch, the other takes over, equal to a rebuild', async () => {
    for (let write = 0; write < 24; write++) await append(`item-${write % 8}`, 25);
    const env = {
      TEST_CONNECTION_STRING: readStore.connectionString ?? '',
      TEST_EVENT_STORE_SCHEMA: storeSchema,
      TEST_BATCH_SIZE: '20',
      TEST_APPLY_DELAY_MS: '2',
    };
    const script = compiled.scriptPath('testing/contending-projector.ts');
    const projectors = [new ScriptProcess(script, env), new ScriptProcess(script, env)];
    try {
      await eventually(
        'both projectors are running',
        () => projectors.every((child) => child.printed('ready')),
        20_000,
      );
      await eventually('one of them applies', async () => (await appliers()).length > 0);
      const [applier] = await appliers();
      const owner = projectors.find((child) => child.pid === applier);
      const [heir] = projectors.filter((child) => child !== owner);
      if (!owner) throw new Error('The applier is neither of the projectors');
      await sleep(300);
      expect(await appliers()).toEqual([owner.pid]);

      const checkpointAtKill = await loadCheckpoint(readStore.db, streamCountsProjection.name);
      owner.kill('SIGKILL');
      await owner.exited;
      expect(compareCheckpoints(checkpointAtKill, lastAppended)).toBeLessThan(0);

      await eventually(
        'the other projector takes over',
        async () => (await appliers()).includes(heir.pid),
        10_000,
      );
      await append('item-live', 5);
      const monitor = new CheckpointMonitor(store, readStore.db, [streamCountsProjection]);
      expect(await monitor.waitForPosition(lastAppended, 20_000)).toBe(true);

      const projected = await readStreamCounts(readStore.db);
      expect(projected).toEqual(streamCountsOf(await store.readAll()));
      await rebuildProjection({ store, db: readStore.db, projection: streamCountsProjection });
      expect(await readStreamCounts(readStore.db)).toEqual(projected);

      heir.kill('SIGTERM');
      expect(await heir.exited).toBe(0);
      expect(heir.printed('stopped')).toBe(true);
    } finally {
      for (const child of projectors) child.kill('SIGKILL');
    }
  });
});
