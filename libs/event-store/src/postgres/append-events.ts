import type { SqlPool } from '@ticketing/platform';
import { ANY, NO_STREAM, type AppendResult, type ExpectedRevision, type NewEvent } from '../event-store.port';
import { toLogPosition, type EventRow } from './event-row';
import type { EventStoreTables } from './event-store-tables';

type Queryable = Pick<SqlPool, 'query'>;

/**
 * Appends `events` to a stream if it is at `expected`, in one statement, so on a pool it is one transaction of one
 * round trip; inside a caller's transaction it becomes part of that transaction. Returns null, having written
 * nothing, when the stream is not at `expected`. A reused event id fails the statement with a unique violation of
 * `EVENT_ID_CONSTRAINT`.
 *
 * The statement claims the revisions on the stream's row, then inserts every event in one multi-row INSERT:
 * - The claim decides concurrency. Its row lock makes a concurrent append to the same stream wait until this
 *   transaction ends, and READ COMMITTED then re-evaluates the claim's condition on the newest row version, so
 *   exactly one of two racing appends at the same revision wins and the other claims nothing.
 * - The claim first takes a transaction-scoped advisory lock on the stream name. PostgreSQL hands a transaction its
 *   id at its first write (heap_update takes it before waiting for a row lock) and the global order is by transaction
 *   id; without the advisory lock, two appends to one stream could take ids in one order and win the row lock in the
 *   other, and the log would list revision 1 before revision 0. Waiting for an advisory lock needs no transaction
 *   id, so whoever gets the lock first also takes the smaller id.
 * - The events travel as one JSON array, unpacked by the server: a single parameter to serialize and parse, where
 *   arrays of ids, types and JSON texts would each be quoted element by element on the way in and out.
 * - The events are inserted sorted by their place in the append, so sequence numbers follow revisions, and only the
 *   last of them comes back: the result of a batch of hundreds is one row.
 *
 * @example
 * await client.query('BEGIN');
 * const appended = await appendEvents(client, eventStoreTables(), 'booking-42', events, 3n);
 * await client.query('COMMIT');
 */
export async function appendEvents(
  db: Queryable,
  tables: EventStoreTables,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult | null> {
  const { rows } = await db.query<Pick<EventRow, 'revision' | 'commit_position' | 'prepare_position'>>(
    `WITH claimed AS (${claimStatement(tables, expected)}),
     inserted AS (
       INSERT INTO ${tables.events} (event_id, stream_name, stream_revision, type, data, metadata)
       SELECT (appended.event->>'id')::uuid, $1, claimed.revision - $2::bigint + appended.place,
              appended.event->>'type', appended.event->'data', appended.event->'metadata'
       FROM claimed, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS appended(event, place)
       ORDER BY appended.place
       RETURNING stream_revision, transaction_id, sequence
     )
     SELECT stream_revision::text AS revision, transaction_id::text AS commit_position,
            sequence::text AS prepare_position
     FROM inserted
     ORDER BY sequence DESC
     LIMIT 1`,
    [
      streamName,
      String(events.length),
      JSON.stringify(
        events.map(({ id, type, data, metadata }) => ({ id, type, data: data ?? null, metadata })),
      ),
      ...(typeof expected === 'bigint' ? [String(expected)] : []),
    ],
  );
  if (rows.length === 0) return null;
  const [last] = rows;
  return { nextExpectedRevision: BigInt(last.revision), position: toLogPosition(last) };
}

/** The stream's last revision as committed now, or `NO_STREAM`. */
export async function readStreamRevision(
  db: Queryable,
  tables: EventStoreTables,
  streamName: string,
): Promise<bigint | typeof NO_STREAM> {
  const { rows } = await db.query<{ revision: string }>(
    `SELECT revision::text AS revision FROM ${tables.streams} WHERE stream_name = $1`,
    [streamName],
  );
  return rows.length === 0 ? NO_STREAM : BigInt(rows[0].revision);
}

/** Moves the stream's revision on by $2 events and returns its new last revision, or no row. */
function claimStatement(tables: EventStoreTables, expected: ExpectedRevision): string {
  const streamTurn = '(SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS stream_turn';
  if (expected === NO_STREAM) {
    return `
      INSERT INTO ${tables.streams} (stream_name, revision)
      SELECT $1, $2::bigint - 1 FROM ${streamTurn}
      ON CONFLICT (stream_name) DO NOTHING
      RETURNING revision`;
  }
  if (expected === ANY) {
    return `
      INSERT INTO ${tables.streams} AS stream (stream_name, revision)
      SELECT $1, $2::bigint - 1 FROM ${streamTurn}
      ON CONFLICT (stream_name) DO UPDATE SET revision = stream.revision + $2::bigint
      RETURNING revision`;
  }
  // An exact revision means the stream exists: an UPDATE, so that a missing stream is a mismatch, not a creation.
  return `
    UPDATE ${tables.streams} AS stream SET revision = stream.revision + $2::bigint
    FROM ${streamTurn}
    WHERE stream.stream_name = $1 AND stream.revision = $4::bigint
    RETURNING stream.revision`;
}
