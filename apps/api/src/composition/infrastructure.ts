import { join } from 'node:path';
import { type EventStore, EsdbEventStore, PostgresEventStore } from '@ticketing/event-store';
import { type AppConfig, openPgPool, PglitePool, type SqlPool } from '@ticketing/platform';
import {
  createReadDatabase,
  type Database,
  migrateReadStore,
  type ProjectionMonitor,
  ProjectionRunner,
} from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { readModelMigrations, readModelProjections } from './read-models';

/** The stores a process works on, opened once at start and closed at shutdown. */
export interface Infrastructure {
  pool: SqlPool;
  store: EventStore;
  db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * Embedded default: one PGlite database under `dataDir` holds the log and the read models. With DATABASE_URL the
 * same on Postgres; with EVENT_STORE=esdb the log lives in EventStoreDB and Postgres keeps only read models.
 */
export async function openInfrastructure(config: AppConfig): Promise<Infrastructure> {
  const pool = config.databaseUrl ? openPgPool(config.databaseUrl, 20) : await PglitePool.open(join(config.dataDir, 'pglite'));
  const store = config.eventStore === 'esdb' ? await EsdbEventStore.connect(config.esdbUrl!) : await openPostgresStore(pool);
  const db = createReadDatabase(pool);
  await migrateReadStore(db, readModelMigrations);
  return {
    pool,
    store,
    db,
    async close() {
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

export function createProjectionRunner(infrastructure: Infrastructure): ProjectionRunner {
  return new ProjectionRunner(infrastructure.store, infrastructure.db, readModelProjections);
}

export type { ProjectionMonitor };
