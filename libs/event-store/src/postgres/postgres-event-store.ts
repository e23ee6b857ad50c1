import type { SqlPool } from '@ticketing/platform';
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
import { DuplicateEventIdError } from './duplicate-event-id.error';
import {
  createEventStoreTables,
  EVENT_ID_CONSTRAINT,
  eventStoreTables,
  type EventStoreTables,
} from './event-store-tables';
import { findRetriedAppend } from './find-retried-append';
import { PollingSubscription } from './polling-subscription';
import { readHeadPosition, readLogEvents, readStreamEvents } from './read-events';
import { SharedLogReads } from './shared-log-reads';

export interface PostgresEventStoreOptions {
  /** The schema holding the `streams` and `events` tables. Defaults to `public`. */
  schema?: string;
  /** How often a live subscription looks for appends made by other processes. Defaults to 100 ms. */
  pollIntervalMs?: number;
  /** How many events a subscription reads at a time while catching up. Defaults to 500. */
  subscriptionBatchSize?: number;
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
  private readonly subscriptionReads: SharedLogReads;

  constructor(
    private readonly pool: SqlPool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.tables = eventStoreTables(options.schema);
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.subscriptionBatchSize = options.subscriptionBatchSize ?? 500;
    this.subscriptionReads = new SharedLogReads((after, maxCount) =>
      readLogEvents(this.pool, this.tables, after, maxCount),
    );
  }

  /** Creates the store's schema, tables and indexes when they are missing. Idempotent. */
  async ensureSchema(): Promise<void> {
    await createEventStoreTables(this.pool, this.tables);
  }

  async append(streamName: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`Appending to ${streamName}: there are no events to append`);
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

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
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
      readAfter: (after: LogPosition | undefined, maxCount: number, seenAppends: number) =>
        this.subscriptionReads.read(after, maxCount, seenAppends),
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
