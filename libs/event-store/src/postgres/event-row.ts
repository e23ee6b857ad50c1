import type { EventMetadata, LogPosition, RecordedEvent } from '../event-store.port';

/**
 * An `events` row as the adapter selects it. Every int8 and xid8 column comes back as text: pg returns int8 as a
 * string and PGlite as a number, which loses precision past 2^53, so both are read as text and made bigints here.
 * The text columns are named apart from the table's columns on purpose: ORDER BY resolves a bare name to an output
 * column first, so `transaction_id::text AS transaction_id` would make `ORDER BY transaction_id` sort '999' after
 * '1000'.
 */
export interface EventRow {
  event_id: string;
  stream_name: string;
  revision: string;
  commit_position: string;
  prepare_position: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/** The select list that produces an `EventRow`. */
export const EVENT_ROW_COLUMNS = `event_id::text AS event_id, stream_name, stream_revision::text AS revision,
  transaction_id::text AS commit_position, sequence::text AS prepare_position, type, data, metadata`;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    revision: BigInt(row.revision),
    position: toLogPosition(row),
  };
}

/** The position a row's text columns describe. */
export function toLogPosition(row: Pick<EventRow, 'commit_position' | 'prepare_position'>): LogPosition {
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}
