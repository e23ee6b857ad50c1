import type { Kysely, Transaction } from 'kysely';
import type { LogPosition, RecordedEvent } from '@ticketing/event-store';
import { CheckpointMovedError } from './checkpoint-moved.error';
import type { Database } from './database';
import {
  type CheckpointMoves,
  compareCheckpoints,
  lockCheckpoint,
  moveCheckpoint,
} from './projection-checkpoint';
import type { Projection } from './projection';

/**
 * Applies the events of `batch` that `projection` handles and moves its checkpoint to the last event of the batch,
 * all in `trx`, so a crash leaves either the whole batch with its checkpoint or neither. Returns the new checkpoint.
 *
 * The checkpoint must still be `expected`, or `CheckpointMovedError` is thrown before anything is applied. The
 * checkpoint moves first, in one compare-and-set statement that also locks its row: a concurrent runner or rebuild
 * swap that also starts with that row waits for this transaction and then sees the moved checkpoint, and since both
 * take that lock before touching read-model tables they cannot deadlock on each other.
 */
export async function applyBatch(
  trx: Transaction<Database>,
  projection: Projection,
  expected: LogPosition | null,
  batch: readonly RecordedEvent[],
): Promise<LogPosition | null> {
  const last = batch.at(-1)?.position;
  const moved = last !== undefined && (await moveCheckpoint(trx, projection.name, expected, last));
  if (!moved) {
    const current = await lockCheckpoint(trx, projection.name);
    if (compareCheckpoints(current, expected) !== 0) {
      throw new CheckpointMovedError(projection.name, expected, current);
    }
  }
  if (!last) return expected;
  const handled = batch.filter((event) => projection.handles.includes(event.type));
  if (projection.applyMany) await projection.applyMany(trx, handled);
  else for (const event of handled) await projection.apply(trx, event);
  return last;
}

/**
 * What the runner does with each batch: `applyBatch` in a transaction when the projection handles one of its events,
 * otherwise only the checkpoint moves, in one statement with the same compare-and-set (`moveCheckpoint`), shared
 * with the other projections moving at the same moment. Most projections handle a few event types, so most batches
 * cost them a share of one round trip instead of a transaction of their own.
 */
export async function projectBatch(
  db: Kysely<Database>,
  checkpoints: CheckpointMoves,
  projection: Projection,
  expected: LogPosition | null,
  batch: readonly RecordedEvent[],
): Promise<LogPosition | null> {
  const handlesAny = batch.some((event) => projection.handles.includes(event.type));
  const last = batch[batch.length - 1]?.position;
  if (!handlesAny && last && (await checkpoints.move(projection.name, expected, last))) return last;
  // The general path also tells why a move was refused: a moved checkpoint, or none at all.
  return db.transaction().execute((trx) => applyBatch(trx, projection, expected, batch));
}
