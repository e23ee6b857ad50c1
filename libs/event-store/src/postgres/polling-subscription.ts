import type { LogPosition, RecordedEvent, Subscription } from '../event-store.port';
import type { AppendSignal } from './append-signal';
import type { LogPage } from './log-tail';

export interface PollingSubscriptionOptions {
  /** Exclusive: the subscription starts after this position, or at the start of the log. */
  after: LogPosition | undefined;
  batchSize: number;
  pollIntervalMs: number;
  /** Reads up to `maxCount` events strictly after `after`, in the global order. */
  readAfter(after: LogPosition | undefined, maxCount: number): Promise<LogPage>;
  appended: AppendSignal;
  onClose(subscription: PollingSubscription): void;
}

/**
 * Catch-up then live, by reading the log in pages after the last delivered position. Catching up and following live
 * are the same loop: a page that reached the head makes the reader wait for an append in this process newer than the
 * read, or the poll interval, before reading again. Resuming strictly after the last delivered position is what keeps
 * an event from being delivered twice, and the log's visibility rule is what keeps one from being skipped.
 *
 * A page is handed over in batches as it was read, without a promise per event: a projection applying the log pays
 * per batch, not per event. A failed read ends the subscription with that error; resubscribe from the last checkpoint.
 */
export class PollingSubscription implements Subscription {
  private readonly closing = new AbortController();
  private after: LogPosition | undefined;
  private page: RecordedEvent[] = [];
  /** How much of `page` has been handed over. */
  private taken = 0;
  /** Whether the last page reached the head, and as of which append; null while the log had more to read. */
  private headAsOf: number | null = null;

  constructor(private readonly options: PollingSubscriptionOptions) {
    this.after = options.after;
  }

  /** Leaving the loop early closes the subscription, since the rest of the batch it was in is gone with it. */
  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    try {
      for (;;) {
        const batch = await this.nextBatch(this.options.batchSize);
        if (batch.length === 0) return;
        yield* batch;
      }
    } finally {
      await this.close();
    }
  }

  async nextBatch(maxCount: number): Promise<RecordedEvent[]> {
    const { batchSize, pollIntervalMs, readAfter, appended } = this.options;
    try {
      while (!this.closing.signal.aborted) {
        if (this.taken < this.page.length) return this.take(maxCount);
        if (this.headAsOf !== null) {
          await appended.waitForAppendAfter(this.headAsOf, pollIntervalMs, this.closing.signal);
          if (this.closing.signal.aborted) break;
        }
        const { events, headAsOf } = await readAfter(this.after, batchSize);
        this.page = events;
        this.taken = 0;
        this.headAsOf = headAsOf;
      }
      return [];
    } catch (error) {
      // A read that fails once the subscription is closed, as its pool shuts down, is nobody's concern.
      if (this.closing.signal.aborted) return [];
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.page = [];
    this.options.onClose(this);
  }

  private take(maxCount: number): RecordedEvent[] {
    const batch = this.page.slice(this.taken, this.taken + maxCount);
    this.taken += batch.length;
    this.after = batch[batch.length - 1].position;
    return batch;
  }
}
