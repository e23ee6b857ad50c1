import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  comparePositions,
  NO_STREAM,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '../event-store.port';
import {
  eventPosition,
  isSystemEvent,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toLogPosition,
  toRecordedEvent,
} from './esdb-event-mapping';
import { EsdbSubscription, type ResubscribeBackoff } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** Waits between attempts to re-establish a dropped subscription. Defaults to 100 ms doubling up to 5 s. */
  resubscribeBackoff?: Partial<ResubscribeBackoff>;
}

// How many events one read of $all asks for; system events are filtered out here, so pages may come back thinner.
const ALL_PAGE_SIZE = 1_000;
const HEAD_PAGE_SIZE_LIMIT = 512;

/**
 * The event store on EventStoreDB through `@eventstore/db-client`. Our event ids are the ESDB event ids, our metadata
 * is the event's JSON metadata, and `$all` reads and subscriptions leave out the server's own system events.
 *
 * @example
 * const store = EsdbEventStore.connect('esdb://localhost:2113?tls=false');
 * await store.append('booking-42', [bookingPlaced], NO_STREAM);
 */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly backoff: ResubscribeBackoff;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.backoff = { initialDelayMs: 100, maxDelayMs: 5_000, ...options.resubscribeBackoff };
  }

  /** Connects with an EventStoreDB connection string, such as `esdb://localhost:2113?tls=false`. */
  static connect(connectionString: string, options?: EsdbEventStoreOptions): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async append(streamName: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`Appending to ${streamName}: there are no events to append`);
    try {
      const result = await this.client.appendToStream(streamName, events.map(toEsdbEvent), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
      const position =
        toLogPosition(result.position) ?? (await this.positionOf(streamName, result.nextExpectedRevision));
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = error.actualVersion === 'no_stream' ? NO_STREAM : error.actualVersion;
      throw new WrongExpectedRevisionError(streamName, expected, actual);
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    try {
      const resolved = await collect(
        this.client.readStream(streamName, {
          fromRevision: options.fromRevision ?? START,
          direction: FORWARDS,
          ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
        }),
      );
      return resolved.flatMap(({ event }) => (event ? [toRecordedEvent(event)] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /**
   * Reads `$all` in pages. The server includes the event at the position a forward read starts from, so each page
   * after the first starts at the last event seen and drops it.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let seen = options.after;
    while (events.length < maxCount) {
      const pageSize = Math.min(maxCount - events.length, ALL_PAGE_SIZE) + 1;
      const page = await collect(
        this.client.readAll({ fromPosition: seen ?? START, direction: FORWARDS, maxCount: pageSize }),
      );
      for (const { event } of page) {
        if (!event) continue;
        const position = eventPosition(event);
        if (seen && comparePositions(position, seen) <= 0) continue;
        seen = position;
        if (isSystemEvent(event.streamId, event.type)) continue;
        events.push(toRecordedEvent(event));
        if (events.length === maxCount) break;
      }
      if (page.length < pageSize) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const subscription = new EsdbSubscription(this.client, options.after, this.backoff, (closed) =>
      this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Reads `$all` backwards from the end, one event first, then wider pages while it meets only system events. */
  async headPosition(): Promise<LogPosition | null> {
    let before: Position | typeof END = END;
    for (let pageSize = 1; ; pageSize = Math.min(pageSize * 8, HEAD_PAGE_SIZE_LIMIT)) {
      const page: AllStreamResolvedEvent[] = await collect(
        this.client.readAll({ fromPosition: before, direction: BACKWARDS, maxCount: pageSize }),
      );
      for (const { event } of page) {
        if (event && !isSystemEvent(event.streamId, event.type)) return eventPosition(event);
      }
      const oldest = page[page.length - 1]?.event;
      if (page.length < pageSize || !oldest) return null;
      before = eventPosition(oldest);
    }
  }

  /** Ends this store's subscriptions and releases the client's calls. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** The position of one event; the server leaves it out when it acknowledges a retried append. */
  private async positionOf(streamName: string, revision: bigint): Promise<LogPosition> {
    const [event] = await this.readStream(streamName, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`Stream ${streamName} has no event at revision ${revision}`);
    return event.position;
  }
}

async function collect<Event extends ResolvedEvent | AllStreamResolvedEvent>(
  read: AsyncIterable<Event>,
): Promise<Event[]> {
  const events: Event[] = [];
  for await (const event of read) events.push(event);
  return events;
}
