import type { SqlPool } from '@ticketing/platform';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { toLogPosition, type EventRow } from './event-row';
import type { EventStoreTables } from './event-store-tables';

/** One stream's part of a batch: what `appendEvents` appends alone. */
export interface StreamAppend {
  streamName: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
}

/**
 * Appends to several streams in one statement and one transaction. Returns, in the order given, each append's result,
 * or null for an append whose stream was not at its expected revision: that one wrote nothing, the others are
 * written. Any failure (a reused event id, a deadlock) fails the whole statement and writes nothing.
 *
 * The function it calls (see `appendToStreamsFunction`) keeps `appendEvents`'s rules: it takes every stream's advisory
 * lock before its first write, so the transaction id that orders the log is drawn after every earlier append to those
 * streams has ended; it takes them in one global order, so two batches sharing streams wait for each other instead
 * of deadlocking.
 */
export async function appendToStreams(
  db: Pick<SqlPool, 'query'>,
  tables: EventStoreTables,
  appends: readonly StreamAppend[],
): Promise<(AppendResult | null)[]> {
  const { rows } = await db.query<
    { place: number } & Pick<EventRow, 'revision' | 'commit_position' | 'prepare_position'>
  >(
    `SELECT place, revision::text AS revision, commit_position::text AS commit_position,
            prepare_position::text AS prepare_position
     FROM ${appendFunction(tables)}($1::jsonb)`,
    [
      JSON.stringify(
        appends.map(({ streamName, events, expected }) => ({
          stream: streamName,
          expected: typeof expected === 'bigint' ? String(expected) : expected,
          events: events.map(({ id, type, data, metadata }) => ({ id, type, data: data ?? null, metadata })),
        })),
      ),
    ],
  );
  const results: (AppendResult | null)[] = appends.map(() => null);
  for (const row of rows) {
    results[Number(row.place) - 1] = {
      nextExpectedRevision: BigInt(row.revision),
      position: toLogPosition(row),
    };
  }
  return results;
}

function appendFunction(tables: EventStoreTables): string {
  return `"${tables.schema}".append_to_streams`;
}

/**
 * The server side of `appendToStreams`: `appends` is a JSON array of `{stream, expected, events}`, where `expected`
 * is 'no_stream', 'any' or a revision in text. Returns one row per append that was written, with its 1-based place.
 */
export function appendToStreamsFunction(tables: EventStoreTables): string {
  return `
    CREATE OR REPLACE FUNCTION ${appendFunction(tables)}(appends jsonb)
    RETURNS TABLE (place integer, revision bigint, commit_position xid8, prepare_position bigint)
    LANGUAGE plpgsql AS $append$
    #variable_conflict use_column
    DECLARE
      stream_key bigint;
      append jsonb;
      append_place integer;
      event_count bigint;
      claimed bigint;
      last_sequence bigint;
    BEGIN
      FOR stream_key IN
        SELECT DISTINCT hashtextextended(requested->>'stream', 0) AS stream_key
        FROM jsonb_array_elements(appends) AS requested
        ORDER BY stream_key
      LOOP
        PERFORM pg_advisory_xact_lock(stream_key);
      END LOOP;
      FOR append, append_place IN SELECT * FROM jsonb_array_elements(appends) WITH ORDINALITY LOOP
        event_count := jsonb_array_length(append->'events');
        claimed := NULL;
        IF append->>'expected' = 'no_stream' THEN
          INSERT INTO ${tables.streams} (stream_name, revision)
          VALUES (append->>'stream', event_count - 1)
          ON CONFLICT (stream_name) DO NOTHING
          RETURNING streams.revision INTO claimed;
        ELSIF append->>'expected' = 'any' THEN
          INSERT INTO ${tables.streams} AS stream (stream_name, revision)
          VALUES (append->>'stream', event_count - 1)
          ON CONFLICT (stream_name) DO UPDATE SET revision = stream.revision + event_count
          RETURNING stream.revision INTO claimed;
        ELSE
          UPDATE ${tables.streams} AS stream SET revision = stream.revision + event_count
          WHERE stream.stream_name = append->>'stream' AND stream.revision = (append->>'expected')::bigint
          RETURNING stream.revision INTO claimed;
        END IF;
        CONTINUE WHEN claimed IS NULL;
        WITH inserted AS (
          INSERT INTO ${tables.events} (event_id, stream_name, stream_revision, type, data, metadata)
          SELECT (appended.event->>'id')::uuid, append->>'stream', claimed - event_count + appended.event_place,
                 appended.event->>'type', appended.event->'data', appended.event->'metadata'
          FROM jsonb_array_elements(append->'events') WITH ORDINALITY AS appended(event, event_place)
          ORDER BY appended.event_place
          RETURNING sequence
        )
        SELECT max(inserted.sequence) INTO last_sequence FROM inserted;
        place := append_place;
        revision := claimed;
        commit_position := pg_current_xact_id();
        prepare_position := last_sequence;
        RETURN NEXT;
      END LOOP;
    END
    $append$`;
}
