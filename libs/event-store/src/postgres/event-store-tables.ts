import { inTransaction, type SqlPool } from '@ticketing/platform';
import { appendToStreamsFunction } from './append-to-streams';

/** The unique constraint that makes an event id usable only once in the whole log. */
export const EVENT_ID_CONSTRAINT = 'events_event_id_key';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema-qualified, quoted names of the event store's tables. */
export interface EventStoreTables {
  schema: string;
  streams: string;
  events: string;
}

/**
 * Names the tables of an event store living in `schema`. The name is spliced into SQL, so only plain lower-case
 * identifiers are accepted.
 *
 * @example
 * const tables = eventStoreTables('event_log'); // tables.events === '"event_log".events'
 */
export function eventStoreTables(schema = 'public'): EventStoreTables {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid event store schema "${schema}": use lower-case letters, digits and underscores`);
  }
  return { schema, streams: `"${schema}".streams`, events: `"${schema}".events` };
}

/**
 * Creates the schema, tables and indexes if they are missing; safe to run on every start, by several processes at
 * once.
 */
export async function createEventStoreTables(pool: SqlPool, tables: EventStoreTables): Promise<void> {
  await inTransaction(pool, async (client) => {
    // CREATE ... IF NOT EXISTS still fails when two sessions create the same object at the same moment.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `event-store:${tables.schema}`,
    ]);
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS "${tables.schema}";
      CREATE TABLE IF NOT EXISTS ${tables.streams} (
        stream_name text PRIMARY KEY,
        revision bigint NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${tables.events} (
        sequence bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL CONSTRAINT ${EVENT_ID_CONSTRAINT} UNIQUE,
        stream_name text NOT NULL,
        stream_revision bigint NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_revision_key UNIQUE (stream_name, stream_revision)
      );
      CREATE INDEX IF NOT EXISTS events_log_order_idx ON ${tables.events} (transaction_id, sequence);
    `);
    await client.query(appendToStreamsFunction(tables));
  });
}
