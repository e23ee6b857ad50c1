import { sql, type Kysely, type Transaction } from 'kysely';
import { comparePositions, type LogPosition } from '@ticketing/event-store';
import { RequestBatches } from '@ticketing/platform';
import type { Database } from './database';

/** Creates the projection's checkpoint at the start of the log, unless it already has one. */
export async function ensureCheckpoint(db: Kysely<Database>, projection: string): Promise<void> {
  await db
    .insertInto('projection_checkpoints')
    .values({ projection, commit_position: null, prepare_position: null })
    .onConflict((conflict) => conflict.column('projection').doNothing())
    .execute();
}

/** The position of the last event the projection has read; null at the start of the log or when it has no row. */
export async function loadCheckpoint(db: Kysely<Database>, projection: string): Promise<LogPosition | null> {
  const row = await db
    .selectFrom('projection_checkpoints')
    .select(['commit_position', 'prepare_position'])
    .where('projection', '=', projection)
    .executeTakeFirst();
  return row ? toPosition(row) : null;
}

/** Every named projection's checkpoint; a projection without a row maps to undefined. */
export async function loadCheckpoints(
  db: Kysely<Database>,
  projections: readonly string[],
): Promise<Map<string, LogPosition | null>> {
  if (projections.length === 0) return new Map();
  const rows = await db
    .selectFrom('projection_checkpoints')
    .select(['projection', 'commit_position', 'prepare_position'])
    .where('projection', 'in', projections)
    .execute();
  return new Map(rows.map((row) => [row.projection, toPosition(row)]));
}

/**
 * Reads the checkpoint and locks its row until `trx` ends: the compare half of the runner's compare-and-set.
 * Throws when the row does not exist, since the lock would then fence nothing.
 */
export async function lockCheckpoint(
  trx: Transaction<Database>,
  projection: string,
): Promise<LogPosition | null> {
  const row = await trx
    .selectFrom('projection_checkpoints')
    .select(['commit_position', 'prepare_position'])
    .where('projection', '=', projection)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new Error(`Projection ${projection} has no checkpoint row`);
  return toPosition(row);
}

/** Moves the checkpoint; call it in the transaction that applied the events up to `position`. */
export async function saveCheckpoint(
  trx: Transaction<Database>,
  projection: string,
  position: LogPosition | null,
): Promise<void> {
  await trx
    .updateTable('projection_checkpoints')
    .set({
      commit_position: position?.commit.toString() ?? null,
      prepare_position: position?.prepare.toString() ?? null,
      updated_at: sql<Date>`now()`,
    })
    .where('projection', '=', projection)
    .execute();
}

/**
 * Moves the checkpoint from `expected` to `position` in one statement, for a batch that writes nothing else: the
 * whole compare-and-set of `lockCheckpoint` plus `saveCheckpoint` without a transaction around it. The UPDATE locks
 * the row too, so a concurrent batch or rebuild swap holding it makes this wait, and READ COMMITTED then checks
 * `expected` against the row as that transaction left it. Returns false, having changed nothing, when the checkpoint
 * was no longer `expected`.
 */
export async function moveCheckpoint(
  db: Kysely<Database>,
  projection: string,
  expected: LogPosition | null,
  position: LogPosition,
): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('projection_checkpoints')
    .set({
      commit_position: position.commit.toString(),
      prepare_position: position.prepare.toString(),
      updated_at: sql<Date>`now()`,
    })
    .where('projection', '=', projection)
    .where(sql<boolean>`commit_position is not distinct from ${expected?.commit.toString() ?? null}`)
    .where(sql<boolean>`prepare_position is not distinct from ${expected?.prepare.toString() ?? null}`)
    .executeTakeFirst();
  return numUpdatedRows === 1n;
}

/** One projection's checkpoint-only move, as `moveCheckpoint` makes it. */
interface CheckpointMove {
  projection: string;
  expected: LogPosition | null;
  position: LogPosition;
}

/**
 * `moveCheckpoint` for every projection of a process: the projections follow one log, so after an append they all
 * move at once, and the moves made while others are in the database share one statement (see `RequestBatches`).
 */
export class CheckpointMoves {
  private readonly batches: RequestBatches<CheckpointMove, boolean>;

  constructor(db: Kysely<Database>) {
    this.batches = new RequestBatches({
      maxInFlight: 1,
      maxBatchSize: 256,
      runOne: ({ projection, expected, position }) => moveCheckpoint(db, projection, expected, position),
      // A statement that fails moves nothing, so each move can be made again on its own.
      runMany: (moves) =>
        moveCheckpoints(db, moves).catch(() =>
          Promise.all(
            moves.map(({ projection, expected, position }) =>
              moveCheckpoint(db, projection, expected, position),
            ),
          ),
        ),
      keyOf: (move) => move.projection,
    });
  }

  /** `moveCheckpoint`: false, having changed nothing, when the checkpoint was no longer `expected`. */
  move(projection: string, expected: LogPosition | null, position: LogPosition): Promise<boolean> {
    return this.batches.request({ projection, expected, position });
  }
}

/** `moveCheckpoint` for several projections in one statement; returns, in order, which moved. */
async function moveCheckpoints(db: Kysely<Database>, moves: readonly CheckpointMove[]): Promise<boolean[]> {
  const rows = moves.map(({ projection, expected, position }) => ({
    projection,
    expected_commit: expected?.commit.toString() ?? null,
    expected_prepare: expected?.prepare.toString() ?? null,
    commit: position.commit.toString(),
    prepare: position.prepare.toString(),
  }));
  const { rows: moved } = await sql<{ projection: string }>`
    UPDATE projection_checkpoints AS checkpoint
    SET commit_position = move.commit, prepare_position = move.prepare, updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS move(projection text, expected_commit text, expected_prepare text, commit text, prepare text)
    WHERE checkpoint.projection = move.projection
      AND checkpoint.commit_position IS NOT DISTINCT FROM move.expected_commit
      AND checkpoint.prepare_position IS NOT DISTINCT FROM move.expected_prepare
    RETURNING checkpoint.projection`.execute(db);
  const movedNames = new Set(moved.map((row) => row.projection));
  return moves.map((move) => movedNames.has(move.projection));
}

/** Null is the start of the log, before every position. */
export function compareCheckpoints(a: LogPosition | null, b: LogPosition | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return comparePositions(a, b);
}

function toPosition(row: {
  commit_position: string | null;
  prepare_position: string | null;
}): LogPosition | null {
  if (row.commit_position === null || row.prepare_position === null) return null;
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}
