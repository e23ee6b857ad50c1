/**
 * The event store port: the only source of truth. Every adapter (Postgres on pg or PGlite, EventStoreDB) passes the
 * same contract suite (`contract/event-store.contract.ts`).
 *
 * @example
 * const result = await store.append('event-42', [created], NO_STREAM);
 * const history = await store.readStream('event-42');
 * for await (const event of store.subscribeToAll({ after: checkpoint })) project(event);
 * const subscription = store.subscribeToAll({ after: checkpoint });
 * for (let batch = await subscription.nextBatch(500); batch.length > 0; batch = await subscription.nextBatch(500)) {
 *   projectInOneTransaction(batch);
 * }
 */

/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** No concurrency check. */
export const ANY = 'any' as const;

/** `NO_STREAM`, `ANY`, or the exact revision (0-based) of the stream's last event. */
export type ExpectedRevision = typeof NO_STREAM | typeof ANY | bigint;

/**
 * A place in the global log. The global order is `commit` then `prepare`, ascending.
 * EventStoreDB gives both numbers; the Postgres adapter uses the appending transaction's id as `commit` and the row's
 * sequence as `prepare`, which is what makes its order stable when transactions commit out of sequence order.
 */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

export interface EventMetadata {
  /** Who caused it: a user id, `system`, or null for an anonymous caller. */
  actor: string | null;
  correlationId: string;
  causationId: string | null;
  /** UTC instant, ISO-8601. */
  occurredAt: string;
  schemaVersion: number;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** A UUID, deterministic per command so that a retried command cannot append twice. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamName: string;
  /** 0-based revision of the event in its stream. */
  revision: bigint;
  position: LogPosition;
}

export interface AppendResult {
  /** The revision of the stream's last event after this append. */
  nextExpectedRevision: bigint;
  /** The position of the last appended event. */
  position: LogPosition;
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to 0. */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Defaults to the start of the log. */
  after?: LogPosition;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive: resume after this checkpoint. Defaults to the start of the log. */
  after?: LogPosition;
}

/**
 * Catch-up then live; never skips nor reorders. Iterate with `for await`, or take batches with `nextBatch`; both move
 * the same position on. `close()` ends either.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  /**
   * The next 1 to `maxCount` events, once at least one is there: what is already at hand comes in the same batch, so
   * catching up fills whole batches and a quiet live log yields small ones at once. Empty once the subscription is
   * closed or has ended. A failure is thrown after the events delivered before it. One call at a time.
   */
  nextBatch(maxCount: number): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export interface EventStore {
  /** Appends atomically. Throws `WrongExpectedRevisionError` when the stream is not at `expected`. */
  append(streamName: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** A stream that does not exist reads as empty. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** The position of the last event in the log, or null when it is empty. */
  headPosition(): Promise<LogPosition | null>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or `NO_STREAM`. */
    readonly actual: bigint | typeof NO_STREAM,
  ) {
    super(`Stream ${streamName} is at ${String(actual)}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `category-id`, as EventStoreDB users expect (`event-…`, `user-…`). */
export function streamName(category: string, id: string): string {
  return `${category}-${id}`;
}

/** A recorded event narrowed to one domain event type, for projections. */
export type Recorded<Event extends { type: string; data: unknown }> = RecordedEvent<
  Event['type'],
  Event['data']
>;

/** The furthest of `positions` in the log, ignoring nulls (commands that appended nothing); null when all are. */
export function latestPosition(positions: (LogPosition | null)[]): LogPosition | null {
  const appended = positions.filter((position): position is LogPosition => position !== null);
  return appended.sort(comparePositions).at(-1) ?? null;
}
