import type { SqlPool } from '@ticketing/platform';
import type { NewEvent } from '@ticketing/event-store';

/**
 * The baseline the event store is measured against: a table with the same columns, defaults, constraints and
 * indexes as the store's `events` table, written with one plain autocommit INSERT per batch (no stream claim, no
 * explicit transaction) and read with plain keyset SELECTs by sequence (no visibility rule, no row mapping).
 */
export async function createBaselineEventsTable(pool: SqlPool, schema: string): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS "${schema}";
    CREATE TABLE "${schema}".baseline_events (
      sequence bigserial PRIMARY KEY,
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      event_id uuid NOT NULL UNIQUE,
      stream_name text NOT NULL,
      stream_revision bigint NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL,
      metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_name, stream_revision)
    );
    CREATE INDEX ON "${schema}".baseline_events (transaction_id, sequence);
  `);
}

/** Inserts `events` as revisions `firstRevision`, ... of `streamName` in one statement. */
export async function insertBaselineEvents(
  pool: SqlPool,
  schema: string,
  streamName: string,
  firstRevision: bigint,
  events: readonly NewEvent[],
): Promise<void> {
  const values: unknown[] = [streamName];
  const rows = events.map((event, index) => {
    const at = values.length;
    values.push(
      event.id,
      String(firstRevision + BigInt(index)),
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
    );
    return `($${at + 1}::uuid, $1, $${at + 2}::bigint, $${at + 3}, $${at + 4}::jsonb, $${at + 5}::jsonb)`;
  });
  await pool.query(
    `INSERT INTO "${schema}".baseline_events (event_id, stream_name, stream_revision, type, data, metadata)
     VALUES ${rows.join(', ')}`,
    values,
  );
}

/** Reads up to `limit` rows after `afterSequence`; returns how many came back and the last sequence. */
export async function selectBaselineEventsAfter(
  pool: SqlPool,
  schema: string,
  afterSequence: bigint,
  limit: number,
): Promise<{ count: number; lastSequence: bigint }> {
  const { rows } = await pool.query<{ position: string }>(
    `SELECT sequence::text AS position, event_id, stream_name, stream_revision, type, data, metadata
     FROM "${schema}".baseline_events WHERE sequence > $1::bigint ORDER BY sequence LIMIT $2`,
    [String(afterSequence), limit],
  );
  const last = rows[rows.length - 1];
  return { count: rows.length, lastSequence: last ? BigInt(last.position) : afterSequence };
}

/** How many rows the baseline table holds. */
export async function countBaselineEvents(pool: SqlPool, schema: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM "${schema}".baseline_events`,
  );
  return Number(rows[0].count);
}
