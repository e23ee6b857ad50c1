import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PostgresEventStore } from '@ticketing/event-store';
import { openPgPool, PglitePool, type SqlPool } from '@ticketing/platform';
import type { Database } from '../database';
import { migrateReadStore } from '../migrate-read-store';
import { createReadDatabase } from '../read-database';
import { streamCountsMigrations } from './stream-counts.projection';

/** A migrated read store, alone in its database or schema, and fresh event logs to project from. */
export interface TestReadStore {
  pool: SqlPool;
  db: Kysely<Database>;
  /** Where `db` keeps its tables. */
  schema: string;
  /** Connects to this read store's schema (real PostgreSQL only). */
  connectionString: string | null;
  /** An empty event log in a schema of its own, in the same database. */
  openEventStore(): Promise<{ store: PostgresEventStore; schema: string }>;
  /** Empties the read model and forgets every checkpoint. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function openPgliteReadStore(): Promise<TestReadStore> {
  const pool = await PglitePool.open();
  return prepare(pool, 'public', null);
}

/**
 * A read store in a schema of its own on a shared server, so that test files running in parallel never meet. The
 * schema is set through the connection string, so Kysely, the event store and child processes all land in it.
 */
export async function openPostgresReadStore(serverUrl: string): Promise<TestReadStore> {
  const schema = `read_store_test_${randomBytes(6).toString('hex')}`;
  const connectionString = withSearchPath(serverUrl, schema);
  const pool = openPgPool(connectionString, 8);
  await pool.query(`CREATE SCHEMA ${schema}`);
  return prepare(pool, schema, connectionString);
}

function withSearchPath(serverUrl: string, schema: string): string {
  const separator = serverUrl.includes('?') ? '&' : '?';
  return `${serverUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function prepare(
  pool: SqlPool,
  schema: string,
  connectionString: string | null,
): Promise<TestReadStore> {
  const db = createReadDatabase(pool);
  await migrateReadStore(db, streamCountsMigrations);
  const logSchemas: string[] = [];
  return {
    pool,
    db,
    schema,
    connectionString,
    async openEventStore() {
      const logSchema = `${schema}_log_${logSchemas.length}`;
      logSchemas.push(logSchema);
      const store = new PostgresEventStore(pool, { schema: logSchema, pollIntervalMs: 20 });
      await store.ensureSchema();
      return { store, schema: logSchema };
    },
    async reset() {
      await db.deleteFrom('test_stream_counts').execute();
      await db.deleteFrom('test_projection_appliers').execute();
      await db.deleteFrom('projection_checkpoints').execute();
    },
    async close() {
      if (schema !== 'public') await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      for (const logSchema of logSchemas) await pool.query(`DROP SCHEMA IF EXISTS ${logSchema} CASCADE`);
      await db.destroy();
    },
  };
}
