import {
  CancelledError,
  DeadlineExceededError,
  excludeSystemEvents,
  NotLeaderError,
  START,
  TimeoutError,
  UnavailableError,
  UnknownError,
  type AllStreamSubscription,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import {
  comparePositions,
  type LogPosition,
  type RecordedEvent,
  type Subscription,
} from '../event-store.port';
import { isSystemEvent, toRecordedEvent } from './esdb-event-mapping';
import { EventBatcher } from './event-batcher';

/** How many events a `for await` loop takes from the client at a time. */
const ITERATION_BATCH_SIZE = 500;

/** How long to wait before resubscribing after a drop: doubling from `initialDelayMs` up to `maxDelayMs`. */
export interface ResubscribeBackoff {
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * A catch-up subscription to `$all` that survives drops. The client does not re-establish a dropped subscription, so
 * this one resubscribes from the last event it delivered, waiting longer after each failure in a row.
 */
export class EsdbSubscription implements Subscription {
  private lastDelivered: LogPosition | undefined;
  private closed = false;
  private source: AllStreamSubscription | null = null;
  private wakeFromBackoff: (() => void) | null = null;
  /** The client hands events over one by one; batches are what arrived together. */
  private readonly batches = new EventBatcher({ [Symbol.asyncIterator]: () => this.events() });

  constructor(
    private readonly client: EventStoreDBClient,
    after: LogPosition | undefined,
    private readonly backoff: ResubscribeBackoff,
    private readonly onClose: (subscription: EsdbSubscription) => void,
  ) {
    this.lastDelivered = after;
  }

  /** Leaving the loop early closes the subscription, since the rest of the batch it was in is gone with it. */
  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    try {
      for (;;) {
        const batch = await this.nextBatch(ITERATION_BATCH_SIZE);
        if (batch.length === 0) return;
        yield* batch;
      }
    } finally {
      await this.close();
    }
  }

  /**
   * Once closed, or ended by a failure, the source is done and every batch is empty; a failure that came in while a
   * batch was being taken is still thrown, once, by the next call.
   */
  nextBatch(maxCount: number): Promise<RecordedEvent[]> {
    return this.batches.next(maxCount);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    this.wakeFromBackoff?.();
    const source = this.source;
    if (source) {
      await source.unsubscribe();
      // Cancelling the call does not end the client's stream: a consumer awaiting the next event would wait forever.
      source.destroy();
    }
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    let failuresSinceLastEvent = 0;
    try {
      while (!this.closed) {
        const source = this.client.subscribeToAll({
          fromPosition: this.lastDelivered ?? START,
          filter: excludeSystemEvents(),
        });
        this.source = source;
        try {
          for await (const resolved of source) {
            const event = resolved.event;
            // The server filter matches event types only; system streams may hold events of ordinary types.
            if (!event || isSystemEvent(event.streamId, event.type)) continue;
            const recorded = toRecordedEvent(event);
            // A resubscription starts after the last delivered event; this guards against a server that resends it.
            if (this.lastDelivered && comparePositions(recorded.position, this.lastDelivered) <= 0) continue;
            failuresSinceLastEvent = 0;
            this.lastDelivered = recorded.position;
            yield recorded;
          }
        } catch (error) {
          if (!this.closed && !isTransient(error)) throw error;
        } finally {
          this.source = null;
          await source.unsubscribe();
        }
        if (!this.closed) await this.sleep(this.delayAfter(failuresSinceLastEvent++));
      }
    } finally {
      this.closed = true;
      this.onClose(this);
    }
  }

  private delayAfter(failures: number): number {
    const delay = Math.min(this.backoff.initialDelayMs * 2 ** failures, this.backoff.maxDelayMs);
    // Half of it random, so that the consumers of a node that went down do not all come back at the same instant.
    return delay / 2 + (Math.random() * delay) / 2;
  }

  private sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeFromBackoff = null;
        resolve();
      };
      const timer = setTimeout(wake, milliseconds);
      this.wakeFromBackoff = wake;
    });
  }
}

/** Errors after which the same subscription can succeed again: the node went away, restarted or lost leadership. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof CancelledError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof UnknownError
  );
}
