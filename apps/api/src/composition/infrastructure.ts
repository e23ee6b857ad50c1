import { join } from 'node:path';
import {
  BatchingCommandExecutor,
  type EventStore,
  EsdbEventStore,
  PostgresEventStore,
} from '@ticketing/event-store';
import { type AppConfig, openPgPool, PglitePool, type SqlPool } from '@ticketing/platform';
import {
  createReadDatabase,
  type Database,
  migrateReadStore,
  type ProjectionLogger,
  projectionLeasesFor,
  ProjectionRunner,
} from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { readModelMigrations, readModelProjections } from './read-models';

/** The stores a process works on, opened once at start and closed at shutdown. */
export interface Infrastructure {
  pool: SqlPool;
  store: EventStore;
  db: Kysely<Database>;
  /** Decides commands on the hot streams; see `HOT_STREAMS`. */
  hotStreams: BatchingCommandExecutor;
  close(): Promise<void>;
}

/**
 * Embedded default: one PGlite database under `dataDir` holds the log and the read models. With DATABASE_URL the
 * same on Postgres; with EVENT_STORE=esdb the log lives in EventStoreDB and Postgres keeps only read models.
 */
export async function openInfrastructure(config: AppConfig): Promise<Infrastructure> {
  const pool = config.databaseUrl
    ? openPgPool(config.databaseUrl, 20)
    : await PglitePool.open(join(config.dataDir, 'pglite'));
  const store =
    config.eventStore === 'esdb'
      ? await EsdbEventStore.connect(config.esdbUrl!)
      : await openPostgresStore(pool);
  const db = createReadDatabase(pool);
  await migrateReadStore(db, readModelMigrations);
  const hotStreams = new BatchingCommandExecutor(store);
  return {
    pool,
    store,
    db,
    hotStreams,
    async close() {
      hotStreams.close();
      await store.close();
      await db.destroy();
    },
  };
}

async function openPostgresStore(pool: SqlPool): Promise<EventStore> {
  const store = new PostgresEventStore(pool);
  await store.ensureSchema();
  return store;
}

export interface RunningProjections {
  runner: ProjectionRunner;
  /** Finishes the batches in flight and gives up this process's leases. */
  stop(): Promise<void>;
}

/** Starts every read model's projection; in several processes, each projection is applied by one of them. */
export async function startProjections(
  infrastructure: Infrastructure,
  logger?: ProjectionLogger,
): Promise<RunningProjections> {
  const leases = projectionLeasesFor(infrastructure.pool);
  const runner = new ProjectionRunner({
    store: infrastructure.store,
    db: infrastructure.db,
    projections: readModelProjections,
    leases,
    logger,
  });
  await runner.start();
  return {
    runner,
    async stop() {
      await runner.stop();
      await leases.close();
    },
  };
}
