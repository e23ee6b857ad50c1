import {
  ANY as ESDB_ANY,
  NO_STREAM as ESDB_NO_STREAM,
  jsonEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  ANY,
  NO_STREAM,
  type EventMetadata,
  type ExpectedRevision,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port';

// The server sends "no position" as -1 in an unsigned 64-bit field, so it arrives as 2^64 - 1.
const NO_POSITION = 2n ** 64n - 1n;

/** System events (type `$…`) and system streams (`$…`, including `$$…` metadata streams) are the server's own. */
export function isSystemEvent(streamName: string, type: string): boolean {
  return streamName.startsWith('$') || type.startsWith('$');
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === NO_STREAM) return ESDB_NO_STREAM;
  if (expected === ANY) return ESDB_ANY;
  return expected;
}

/** Our event as an ESDB JSON event: the same id, our metadata as its JSON metadata. */
export function toEsdbEvent(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata,
  });
}

/** A position as the client reports it, or null when the server did not know it. */
export function toLogPosition(position: Position | undefined): LogPosition | null {
  if (!position || position.commit === NO_POSITION || position.prepare === NO_POSITION) return null;
  return { commit: position.commit, prepare: position.prepare };
}

/** The event's place in `$all`; throws when the server did not report it. */
export function eventPosition(event: EsdbRecordedEvent): LogPosition {
  const position = toLogPosition(event.position);
  if (!position) {
    throw new Error(
      `EventStoreDB gave no position for ${event.streamId}@${event.revision}: this adapter needs a server that ` +
        'reports event positions on every read (later than 22.6)',
    );
  }
  return position;
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: toEventMetadata(event),
    streamName: event.streamId,
    revision: event.revision,
    position: eventPosition(event),
  };
}

/** Events written by other tools carry other metadata or none: what is missing comes from the server's record. */
function toEventMetadata(event: EsdbRecordedEvent): EventMetadata {
  const stored: Partial<Record<keyof EventMetadata, unknown>> = isRecord(event.metadata)
    ? event.metadata
    : {};
  return {
    actor: typeof stored.actor === 'string' ? stored.actor : null,
    correlationId: typeof stored.correlationId === 'string' ? stored.correlationId : event.id,
    causationId: typeof stored.causationId === 'string' ? stored.causationId : null,
    occurredAt: typeof stored.occurredAt === 'string' ? stored.occurredAt : event.created.toISOString(),
    schemaVersion: typeof stored.schemaVersion === 'number' ? stored.schemaVersion : 1,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
