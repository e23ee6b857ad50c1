import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { EventStore, LogPosition } from '@ticketing/event-store';
import { applyBatch } from './apply-batch';
import type { Database } from './database';
import {
  compareCheckpoints,
  ensureCheckpoint,
  lockCheckpoint,
  saveCheckpoint,
} from './projection-checkpoint';
import type { ProjectionLogger } from './projection-logger';
import type { Projection } from './projection';

export interface RebuildProjectionOptions {
  store: EventStore;
  db: Kysely<Database>;
  projection: Projection;
  /** Events per transaction. Default 500. */
  batchSize?: number;
  logger?: ProjectionLogger;
  /** Rounds of catching up with a live checkpoint that keeps moving before swapping anyway. Default 5. */
  maxSwapAttempts?: number;
}

type SwapOutcome = { swapped: true; steppedBack: boolean } | { swapped: false; liveCheckpoint: LogPosition };

/**
 * Replays a projection from the start of the log without taking its read model offline. The replay fills copies of
 * the projection's `tables` in a schema of its own, one transaction per batch; then one transaction replaces the
 * live rows with the copies and moves the live checkpoint to where the replay stopped. Readers see the old rows until
 * that commit and the rebuilt ones after it. Returns the position the rebuilt model stands at.
 *
 * It may run in any process, beside a runner that keeps the live model current: that runner's next batch finds the
 * checkpoint moved (its compare-and-set), and it follows on from the swapped position. The swap waits until the
 * replay has caught up with the live checkpoint, so readers do not step back; after `maxSwapAttempts` rounds it
 * swaps anyway, which stays correct (the runner re-applies the difference) but may show an older state briefly.
 *
 * A projection must write only to its `tables`, by unqualified names: the replay puts its schema first on the
 * search_path so those names reach the copies. A crashed rebuild leaves a `projection_rebuild_*` schema behind,
 * which is safe to drop.
 *
 * @example
 * await rebuildProjection({ store, db, projection: usersProjection });
 */
export async function rebuildProjection(options: RebuildProjectionOptions): Promise<LogPosition | null> {
  const { db, projection, logger } = options;
  const schema = rebuildSchemaFor(projection.name);
  await ensureCheckpoint(db, projection.name);
  await createRebuildSchema(db, schema, projection);
  try {
    return await replayAndSwap(options, schema);
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`
      .execute(db)
      .catch((error: unknown) => logger?.warn(`${projection.name}: could not drop ${schema}: ${error}`));
  }
}

async function replayAndSwap(options: RebuildProjectionOptions, schema: string): Promise<LogPosition | null> {
  const { store, db, projection, batchSize = 500, logger, maxSwapAttempts = 5 } = options;
  const subscription = store.subscribeToAll();
  let position: LogPosition | null = null;
  let target = await store.headPosition();
  try {
    for (let attempt = 1; ; attempt++) {
      while (compareCheckpoints(position, target) < 0) {
        const batch = await subscription.nextBatch(batchSize);
        if (batch.length === 0) {
          throw new Error('The subscription ended before the replay reached its target');
        }
        const expected = position;
        position = await db.transaction().execute(async (trx): Promise<LogPosition | null> => {
          await putSchemaFirst(trx, schema);
          return applyBatch(trx, projection, expected, batch);
        });
      }
      const outcome = await swapIn(db, projection, schema, position, attempt >= maxSwapAttempts);
      if (outcome.swapped) {
        logger?.log(`${projection.name}: rebuilt up to ${describe(position)}`);
        if (outcome.steppedBack) {
          logger?.warn(
            `${projection.name}: swapped in behind the live model; the runner re-applies the difference`,
          );
        }
        return position;
      }
      target = outcome.liveCheckpoint;
    }
  } finally {
    await subscription.close();
  }
}

async function swapIn(
  db: Kysely<Database>,
  projection: Projection,
  schema: string,
  position: LogPosition | null,
  evenIfBehind: boolean,
): Promise<SwapOutcome> {
  return db.transaction().execute(async (trx): Promise<SwapOutcome> => {
    // Locked first, as every batch does: a batch in flight commits before the swap, and none starts during it.
    const liveCheckpoint = await lockCheckpoint(trx, projection.name);
    const liveIsAhead = liveCheckpoint !== null && compareCheckpoints(liveCheckpoint, position) > 0;
    if (liveIsAhead && !evenIfBehind) return { swapped: false, liveCheckpoint };
    // DELETE, not TRUNCATE: readers keep seeing the old rows until commit instead of queueing behind a table lock.
    for (const table of [...projection.tables].reverse()) {
      await sql`delete from ${sql.table(table)}`.execute(trx);
    }
    for (const table of projection.tables) await copyRows(trx, schema, table);
    await saveCheckpoint(trx, projection.name, position);
    return { swapped: true, steppedBack: liveIsAhead };
  });
}

async function createRebuildSchema(
  db: Kysely<Database>,
  schema: string,
  projection: Projection,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`create schema ${sql.id(schema)}`.execute(trx);
    for (const table of ['projection_checkpoints', ...projection.tables]) {
      await sql`create table ${sql.id(schema, table)} (like ${sql.table(table)} including all)`.execute(trx);
    }
    await sql`insert into ${sql.id(schema, 'projection_checkpoints')} (projection) values (${projection.name})`.execute(
      trx,
    );
  });
}

/** For the rest of `trx` only, so the shared connection goes back to the pool with its own search_path. */
async function putSchemaFirst(trx: Transaction<Database>, schema: string): Promise<void> {
  await sql`select set_config('search_path', quote_ident(${schema}) || ', ' || current_setting('search_path'), true)`.execute(
    trx,
  );
}

async function copyRows(trx: Transaction<Database>, schema: string, table: string): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select attname as name from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
    order by attnum`.execute(trx);
  const columns = sql.join(rows.map((row) => sql.id(row.name)));
  await sql`
    insert into ${sql.table(table)} (${columns}) overriding system value
    select ${columns} from ${sql.id(schema, table)}`.execute(trx);
}

function rebuildSchemaFor(projection: string): string {
  const readable = projection
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 36);
  return `projection_rebuild_${readable}_${randomBytes(4).toString('hex')}`;
}

function describe(position: LogPosition | null): string {
  return position ? `${position.commit}/${position.prepare}` : 'the start of the log';
}
