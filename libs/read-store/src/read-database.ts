import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type { SqlPool } from '@ticketing/platform';
import type { Database } from './database';

/**
 * The read models' Kysely instance on a pool that usually also carries the Postgres event store. `db.destroy()`
 * ends the pool, as Kysely does with any pool it is given: close the event store first, then destroy `db`, and do
 * not end the pool a second time.
 *
 * @example
 * const pool = openPgPool(process.env.DATABASE_URL);
 * const db = createReadDatabase(pool);
 * await migrateReadStore(db, readModelMigrations);
 */
export function createReadDatabase(pool: SqlPool): Kysely<Database> {
  // The same object at run time; SqlClient only declares its results more loosely (any command tag, a nullable row
  // count), and Kysely reads the row count only for the INSERT/UPDATE/DELETE/MERGE tags that always carry one.
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }) });
}
