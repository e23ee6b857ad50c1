import { sql, type Kysely, type Migration } from 'kysely';
import { PglitePool } from '@ticketing/platform';
import type { Database } from './database';
import { migrateReadStore } from './migrate-read-store';
import { createReadDatabase } from './read-database';
import { ReadStoreMigrationError } from './read-store-migration.error';
import { readStoreMigrations } from './read-store.migrations';
import { openPostgresReadStore, type TestReadStore } from './testing/test-read-store';
import { describeOnPostgres } from '../../../test/support/temporary-database';

function creatingTable(table: string): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable(table).addColumn('id', 'integer').execute();
    },
  };
}

async function tableExists(db: Kysely<Database>, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${table})::text as found`.execute(
    db,
  );
  return rows[0].found !== null;
}

describe('migrateReadStore on PGlite', () => {
  let db: Kysely<Database>;
  const contextMigrations = { '2026-11-23-0100-test-venues': creatingTable('test_venues') };

  beforeAll(async () => {
    db = createReadDatabase(await PglitePool.open());
  });
  afterAll(() => db.destroy());

  it("creates the checkpoint table and each context's tables, and applies nothing a second time", async () => {
    expect(await migrateReadStore(db, contextMigrations)).toEqual([
      ...Object.keys(readStoreMigrations),
      '2026-11-23-0100-test-venues',
    ]);
    expect(await tableExists(db, 'projection_checkpoints')).toBe(true);
    expect(await tableExists(db, 'test_venues')).toBe(true);
    expect(await migrateReadStore(db, contextMigrations)).toEqual([]);
  });

  it('names the migration that failed and applies none of that run, since they share one transaction', async () => {
    const run = migrateReadStore(db, {
      ...contextMigrations,
      '2026-11-24-0100-test-seats': creatingTable('test_seats'),
      '2026-11-24-0200-test-broken': creatingTable('test_venues'),
    });

    await expect(run).rejects.toThrow(ReadStoreMigrationError);
    await expect(run).rejects.toThrow(
      /^Read-store migration 2026-11-24-0200-test-broken failed: .*test_venues/,
    );
    expect(await tableExists(db, 'test_seats')).toBe(false);
  });

  it('refuses migration names that do not start with a date, or that the read store already uses', async () => {
    await expect(migrateReadStore(db, { 'create-seats': creatingTable('test_seats') })).rejects.toThrow(
      'Migration names must start with a date (YYYY-MM-DD-) and be unique: create-seats',
    );
    const [ownName] = Object.keys(readStoreMigrations);
    await expect(migrateReadStore(db, { [ownName]: creatingTable('test_seats') })).rejects.toThrow(ownName);
  });
});

describeOnPostgres('migrateReadStore on PostgreSQL', () => {
  let first: TestReadStore;
  let second: TestReadStore;

  beforeAll(async () => {
    first = await openPostgresReadStore(process.env.TEST_DATABASE_URL ?? '');
    second = await openPostgresReadStore(process.env.TEST_DATABASE_URL ?? '');
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('keeps the migration history of each schema apart, so one database can hold several read stores', async () => {
    for (const readStore of [first, second]) {
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        readStore.db,
      );
      expect(rows.map((row) => row.name)).toEqual([
        ...Object.keys(readStoreMigrations),
        '2026-11-23-9000-test-stream-counts',
      ]);
      expect(await tableExists(readStore.db, `${readStore.schema}.projection_checkpoints`)).toBe(true);
    }
  });
});
