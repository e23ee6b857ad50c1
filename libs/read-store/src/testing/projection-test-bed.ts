import type { Kysely, Migration } from 'kysely';
import { type LogPosition, PostgresEventStore } from '@ticketing/event-store';
import { PglitePool } from '@ticketing/platform';
import { applyBatch } from '../apply-batch';
import type { Database } from '../database';
import { migrateReadStore } from '../migrate-read-store';
import { ensureCheckpoint } from '../projection-checkpoint';
import type { Projection } from '../projection';
import { createReadDatabase } from '../read-database';

export interface ProjectionTestBedOptions {
  /** The migrations of the read models that `projections` write. */
  migrations: Record<string, Migration>;
  projections: readonly Projection[];
  /** The schema of the event log's tables; the store's default when left out. */
  eventStoreSchema?: string;
}

/**
 * An in-memory event log with a migrated read store beside it, whose projections catch up with the log only when
 * the test calls `project()`, so that a test decides exactly what the read models have seen when it queries them.
 */
export interface ProjectionTestBed {
  store: PostgresEventStore;
  db: Kysely<Database>;
  /**
   * Applies what the log gained since the last call to every projection, in one transaction, through the runner's
   * own `applyBatch`: a projection with `applyMany` is tested with the batches it is given in production.
   */
  project(): Promise<void>;
  close(): Promise<void>;
}

export async function openProjectionTestBed(options: ProjectionTestBedOptions): Promise<ProjectionTestBed> {
  const { migrations, projections, eventStoreSchema } = options;
  const pool = await PglitePool.open();
  const store = new PostgresEventStore(pool, { schema: eventStoreSchema });
  await store.ensureSchema();
  const db = createReadDatabase(pool);
  await migrateReadStore(db, migrations);
  // applyBatch compares and moves each projection's checkpoint, which needs its row.
  for (const projection of projections) await ensureCheckpoint(db, projection.name);
  let projected: LogPosition | null = null;
  return {
    store,
    db,
    async project() {
      // Read before the transaction opens: on PGlite it holds the only connection.
      const events = await store.readAll({ after: projected ?? undefined });
      const expected = projected;
      await db.transaction().execute(async (trx) => {
        for (const projection of projections) await applyBatch(trx, projection, expected, events);
      });
      projected = events.at(-1)?.position ?? projected;
    },
    async close() {
      // Destroying `db` ends the pool the store reads through.
      await store.close();
      await db.destroy();
    },
  };
}
