import type { SqlPool } from '@ticketing/platform';
import { ANY, NO_STREAM, type AppendResult, type ExpectedRevision, type NewEvent } from '../event-store.port';
import { toLogPosition, type EventRow } from './event-row';
import type { EventStoreTables } from './event-store-tables';

/**
 * Recognises a retry of an append that already succeeded: the same event ids, in the same order, already sit in
 * this stream right after `expected` (anywhere in the stream when `expected` is `ANY`). Returns the original
 * append's result, or null when these events were not appended here before.
 */
export async function findRetriedAppend(
  db: Pick<SqlPool, 'query'>,
  tables: EventStoreTables,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult | null> {
  const { rows } = await db.query<
    Pick<EventRow, 'event_id' | 'revision' | 'commit_position' | 'prepare_position'>
  >(
    `SELECT event_id::text AS event_id, stream_revision::text AS revision,
            transaction_id::text AS commit_position, sequence::text AS prepare_position
     FROM ${tables.events}
     WHERE stream_name = $1
       AND stream_revision >= (SELECT stream_revision FROM ${tables.events} WHERE event_id = $2::uuid AND stream_name = $1)
     ORDER BY stream_revision
     LIMIT $3`,
    [streamName, events[0].id, events.length],
  );
  const sameEvents =
    rows.length === events.length &&
    rows.every((row, index) => row.event_id === events[index].id.toLowerCase());
  if (!sameEvents) return null;
  if (expected !== ANY && BigInt(rows[0].revision) !== firstRevisionAfter(expected)) return null;
  const last = rows[rows.length - 1];
  return { nextExpectedRevision: BigInt(last.revision), position: toLogPosition(last) };
}

function firstRevisionAfter(expected: typeof NO_STREAM | bigint): bigint {
  return expected === NO_STREAM ? 0n : expected + 1n;
}
