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
 * Catch-up then live, by reading the log in batches after the last delivered position. Catching up and following
 * live are the same loop: a page that reached the head makes the reader wait for an append in this process newer
 * than the read, or the poll interval, before reading again. Resuming strictly after the last delivered position is what
 * keeps an event from being delivered twice, and the log's visibility rule is what keeps one from being skipped.
 *
 * A failed read ends the iteration with that error; resubscribe from the last checkpoint.
 */
export class PollingSubscription implements Subscription {
  private readonly closing = new AbortController();
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  constructor(private readonly options: PollingSubscriptionOptions) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.deliver();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.options.onClose(this);
  }

  private async *deliver(): AsyncGenerator<RecordedEvent> {
    const { batchSize, pollIntervalMs, readAfter, appended } = this.options;
    let after = this.options.after;
    try {
      while (!this.closing.signal.aborted) {
        const { events, headAsOf } = await readAfter(after, batchSize);
        for (const event of events) {
          if (this.closing.signal.aborted) return;
          after = event.position;
          yield event;
        }
        if (headAsOf !== null) {
          await appended.waitForAppendAfter(headAsOf, pollIntervalMs, this.closing.signal);
        }
      }
    } finally {
      await this.close();
    }
  }
}
