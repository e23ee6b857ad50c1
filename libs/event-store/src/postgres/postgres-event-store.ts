import { RequestBatches, type SqlPool } from '@ticketing/platform';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type Subscription,
  type SubscribeToAllOptions,
} from '../event-store.port';
import { AppendSignal } from './append-signal';
import { appendEvents, readStreamRevision } from './append-events';
import { appendToStreams, type StreamAppend } from './append-to-streams';
import { DuplicateEventIdError } from './duplicate-event-id.error';
import {
  createEventStoreTables,
  EVENT_ID_CONSTRAINT,
  eventStoreTables,
  type EventStoreTables,
} from './event-store-tables';
import { findRetriedAppend } from './find-retried-append';
import { PollingSubscription } from './polling-subscription';
import { readHeadPosition, readLogEvents, readStreamEvents, readWholeStreams } from './read-events';
import { LogTail } from './log-tail';

export interface PostgresEventStoreOptions {
  /** The schema holding the `streams` and `events` tables. Defaults to `public`. */
  schema?: string;
  /** How often a live subscription looks for appends made by other processes. Defaults to 100 ms. */
  pollIntervalMs?: number;
  /** How many events a subscription reads at a time while catching up. Defaults to 500. */
  subscriptionBatchSize?: number;
  /**
   * How many appends, and how many reads of whole streams, may be in the database at once; those made together, or
   * while they all are out, leave together in one round trip (see `RequestBatches`). Defaults to 4.
   */
  maxRoundTripsInFlight?: number;
  /** The most appends or stream reads one round trip carries; 1 sends each alone. Defaults to 128. */
  maxBatchSize?: number;
}

/**
 * The event store on PostgreSQL, through `pg` (`openPgPool`) or embedded PGlite (`PglitePool`). The caller owns the
 * pool: `close()` ends this store's subscriptions, not the pool.
 *
 * @example
 * const store = new PostgresEventStore(await PglitePool.open('./data/events'), { schema: 'event_log' });
 * await store.ensureSchema();
 * await store.append('booking-42', [bookingPlaced], NO_STREAM);
 */
export class PostgresEventStore implements EventStore {
  private readonly tables: EventStoreTables;
  private readonly pollIntervalMs: number;
  private readonly subscriptionBatchSize: number;
  private readonly appended = new AppendSignal();
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly logTail: LogTail;
  private readonly appends: RequestBatches<StreamAppend, AppendResult | null>;
  private readonly streamReads: RequestBatches<string, RecordedEvent[]>;

  constructor(
    private readonly pool: SqlPool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.tables = eventStoreTables(options.schema);
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.subscriptionBatchSize = options.subscriptionBatchSize ?? 500;
    this.logTail = new LogTail(
      (after, maxCount) => readLogEvents(this.pool, this.tables, after, maxCount),
      this.appended,
      4 * this.subscriptionBatchSize,
    );
    const maxInFlight = options.maxRoundTripsInFlight ?? 4;
    const maxBatchSize = options.maxBatchSize ?? 128;
    this.appends = new RequestBatches({
      maxInFlight,
      maxBatchSize,
      runOne: ({ streamName, events, expected }) => this.appendAlone(streamName, events, expected),
      runMany: (appends) => this.appendTogether(appends),
      keyOf: (append) => append.streamName,
    });
    this.streamReads = new RequestBatches({
      maxInFlight,
      maxBatchSize,
      runOne: (streamName) => readStreamEvents(this.pool, this.tables, streamName, 0n, undefined),
      runMany: (streamNames) => readWholeStreams(this.pool, this.tables, streamNames),
      keyOf: (streamName) => streamName,
    });
  }

  /** Creates the store's schema, tables and indexes when they are missing. Idempotent. */
  async ensureSchema(): Promise<void> {
    await createEventStoreTables(this.pool, this.tables);
  }

  /**
   * Appends made while others are in the database share a round trip with them (see `RequestBatches`); one the
   * batch did not write runs again alone, which tells a retry from a conflict exactly as a lone append does.
   */
  async append(streamName: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`Appending to ${streamName}: there are no events to append`);
    const appended = await this.appends.request({ streamName, events, expected });
    return appended ?? this.appendAlone(streamName, events, expected);
  }

  /** A batch that fails writes nothing: each of its appends then runs alone and meets its own outcome. */
  private async appendTogether(appends: StreamAppend[]): Promise<(AppendResult | null)[]> {
    const results = await appendToStreams(this.pool, this.tables, appends).catch(() =>
      appends.map(() => null),
    );
    if (results.some((result) => result !== null)) this.appended.notify();
    return results;
  }

  private async appendAlone(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let rejection: 'wrong-expected-revision' | 'duplicate-event-id';
    try {
      const appended = await appendEvents(this.pool, this.tables, streamName, events, expected);
      if (appended) {
        this.appended.notify();
        return appended;
      }
      rejection = 'wrong-expected-revision';
    } catch (error) {
      if (!isUniqueViolationOf(error, EVENT_ID_CONSTRAINT)) throw error;
      rejection = 'duplicate-event-id';
    }
    // A retry of an append that succeeded fails here too (its revision moved on, or its ids exist), so only a
    // rejected append pays for telling a retry from a conflict.
    const original = await findRetriedAppend(this.pool, this.tables, streamName, events, expected);
    if (original) return original;
    const eventIds = events.map((event) => event.id);
    if (rejection === 'duplicate-event-id') throw new DuplicateEventIdError(streamName, eventIds);
    const actual = await readStreamRevision(this.pool, this.tables, streamName);
    throw new WrongExpectedRevisionError(streamName, expected, actual);
  }

  /** Reads of whole streams made while others are in the database share a round trip with them. */
  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const whole = (options.fromRevision ?? 0n) === 0n && options.maxCount === undefined;
    if (whole) return this.streamReads.request(streamName);
    return readStreamEvents(this.pool, this.tables, streamName, options.fromRevision ?? 0n, options.maxCount);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readLogEvents(this.pool, this.tables, options.after, options.maxCount);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const subscription = new PollingSubscription({
      after: options.after,
      batchSize: this.subscriptionBatchSize,
      pollIntervalMs: this.pollIntervalMs,
      readAfter: (after: LogPosition | undefined, maxCount: number) => this.logTail.read(after, maxCount),
      appended: this.appended,
      onClose: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<LogPosition | null> {
    return readHeadPosition(this.pool, this.tables);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }
}

function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  const { code, constraint: violated } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && violated === constraint;
}
