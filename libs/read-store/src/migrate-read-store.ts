import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Database } from './database';
import { ReadStoreMigrationError } from './read-store-migration.error';
import { readStoreMigrations } from './read-store.migrations';

const DATED_NAME = /^\d{4}-\d{2}-\d{2}-/;

/**
 * Brings the read models up to date: the read store's own tables, then every context's `migrations`, in name order.
 * Names start with a date (`2026-11-23-0100-identity-users`) and are unique across contexts; a migration that has run
 * must stay in the list. Returns the names it applied. All pending migrations run in one transaction: when one fails,
 * none is applied, and `ReadStoreMigrationError` names the one that failed.
 *
 * @example
 * await migrateReadStore(db, { ...identityMigrations, ...catalogMigrations });
 */
export async function migrateReadStore(
  db: Kysely<Database>,
  migrations: Record<string, Migration>,
): Promise<string[]> {
  const allMigrations = { ...readStoreMigrations, ...migrations };
  const misnamed = Object.keys(migrations).filter(
    (name) => !DATED_NAME.test(name) || name in readStoreMigrations,
  );
  if (misnamed.length > 0) {
    throw new ReadStoreMigrationError(
      `Migration names must start with a date (YYYY-MM-DD-) and be unique: ${misnamed.join(', ')}`,
    );
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => allMigrations },
    // Kysely finds its bookkeeping tables in ANY schema unless told which; name ours, so that databases holding
    // several schemas (one per test file, one per tenant) each keep their own migration history.
    migrationTableSchema: await currentSchema(db),
    // Each context adds migrations on its own schedule: one written earlier may be merged after a later-dated one
    // from another context has already run. Pending migrations still run in name order.
    allowUnorderedMigrations: true,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    const what = failed
      ? `Read-store migration ${failed.migrationName} failed`
      : 'Read-store migrations could not run';
    throw new ReadStoreMigrationError(`${what}: ${messageOf(error)}`, { cause: error });
  }
  return results.map((result) => result.migrationName);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new ReadStoreMigrationError('No schema of the search_path exists: create it before migrating');
  }
  return schema;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
