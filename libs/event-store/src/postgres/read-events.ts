import type { SqlPool } from '@ticketing/platform';
import type { LogPosition, RecordedEvent } from '../event-store.port';
import { EVENT_ROW_COLUMNS, toLogPosition, toRecordedEvent, type EventRow } from './event-row';
import type { EventStoreTables } from './event-store-tables';

type Queryable = Pick<SqlPool, 'query'>;

const START_OF_LOG: LogPosition = { commit: 0n, prepare: 0n };

/**
 * Rows whose transaction can no longer be joined, in the log, by a row that sorts before them.
 *
 * Why: sequence numbers are drawn when a row is inserted, but rows become visible when their transaction commits,
 * and concurrent transactions commit in any order. If tx1 inserts sequence 7 and is still open when tx2 inserts
 * sequence 8 and commits, a reader ordering by sequence alone sees 8, moves its checkpoint past 8, and never reads 7.
 *
 * The log is ordered by (transaction_id, sequence) instead, and a reader only sees rows whose transaction id is
 * below the xmin of its own snapshot, the oldest transaction still running anywhere in the cluster:
 * - every transaction below xmin has ended, so its rows are all committed and visible to this same snapshot (the
 *   function reads the statement's own snapshot), or rolled back and gone;
 * - no transaction below xmin can ever write again, and any transaction not yet visible has an id at or above xmin,
 *   so every row that appears later sorts after every row returned now. A reader that resumes after the last
 *   position it saw therefore never skips a row and never sees one twice.
 * In the example, tx1's id is xmin while it runs, so tx2's row 8 stays hidden even though it committed; once tx1
 * ends both become visible, tx1's row first.
 *
 * The cost: any transaction that holds a transaction id (one that has written anything, in any database of the
 * cluster) holds every reader back at its id until it ends. A long-open writing transaction stalls subscriptions
 * and projections for as long as it stays open; appends themselves are not slowed. xid8 is 64 bits wide, so ids
 * never wrap around.
 */
const VISIBLE_TO_READERS = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

/** Events of one stream from `fromRevision` on, in revision order. */
export async function readStreamEvents(
  db: Queryable,
  tables: EventStoreTables,
  streamName: string,
  fromRevision: bigint,
  maxCount: number | undefined,
): Promise<RecordedEvent[]> {
  // No visibility filter here: appends to one stream are serialized by its row lock, so a stream never has a hole,
  // and a command handler must see its own last append when it loads the stream again.
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_ROW_COLUMNS} FROM ${tables.events}
     WHERE stream_name = $1 AND stream_revision >= $2::bigint
     ORDER BY stream_revision
     LIMIT $3::bigint`,
    [streamName, String(fromRevision), maxCount ?? null],
  );
  return rows.map(toRecordedEvent);
}

/** The whole of each stream named, in revision order; a stream with no events is an empty list. */
export async function readWholeStreams(
  db: Queryable,
  tables: EventStoreTables,
  streamNames: readonly string[],
): Promise<RecordedEvent[][]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_ROW_COLUMNS} FROM ${tables.events}
     WHERE stream_name = ANY($1::text[])
     ORDER BY stream_name, stream_revision`,
    [streamNames],
  );
  const byStream = new Map<string, RecordedEvent[]>(streamNames.map((name) => [name, []]));
  for (const row of rows) byStream.get(row.stream_name)?.push(toRecordedEvent(row));
  return streamNames.map((name) => byStream.get(name)!);
}

/** Events of the whole log strictly after `after`, in the global order, as far as readers may see. */
export async function readLogEvents(
  db: Queryable,
  tables: EventStoreTables,
  after: LogPosition | undefined,
  maxCount: number | undefined,
): Promise<RecordedEvent[]> {
  const from = after ?? START_OF_LOG;
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_ROW_COLUMNS} FROM ${tables.events}
     WHERE (transaction_id, sequence) > ($1::xid8, $2::bigint) AND ${VISIBLE_TO_READERS}
     ORDER BY transaction_id, sequence
     LIMIT $3::bigint`,
    [String(from.commit), String(from.prepare), maxCount ?? null],
  );
  return rows.map(toRecordedEvent);
}

/** The position of the last event readers may see, or null when they see none. */
export async function readHeadPosition(db: Queryable, tables: EventStoreTables): Promise<LogPosition | null> {
  const { rows } = await db.query<Pick<EventRow, 'commit_position' | 'prepare_position'>>(
    `SELECT transaction_id::text AS commit_position, sequence::text AS prepare_position FROM ${tables.events}
     WHERE ${VISIBLE_TO_READERS}
     ORDER BY transaction_id DESC, sequence DESC
     LIMIT 1`,
  );
  return rows.length === 0 ? null : toLogPosition(rows[0]);
}
