import type { RecordedEvent, Subscription } from '../event-store.port';

/**
 * Consumes a subscription in the background with `for await`, as a projector would, and records what it delivers so
 * a test can wait for what it expects and inspect what arrived so far.
 *
 * @example
 * const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: head }));
 * const delivered = await recorder.waitUntil((events) => events.filter(mine).length === 3);
 * await recorder.stop();
 */
export class SubscriptionRecorder {
  readonly delivered: RecordedEvent[] = [];
  private ended = false;
  private failure: unknown;
  private readonly changed = new Set<() => void>();
  private readonly consuming: Promise<void>;

  constructor(private readonly subscription: Subscription) {
    this.consuming = this.consume();
  }

  /** Whether the `for await` loop has finished. */
  get hasEnded(): boolean {
    return this.ended;
  }

  /** Resolves with everything delivered so far once `isDone` holds for it; rejects after `timeoutMs`. */
  waitUntil(isDone: (delivered: RecordedEvent[]) => boolean, timeoutMs = 20_000): Promise<RecordedEvent[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (isDone(this.delivered)) return settle(() => resolve([...this.delivered]));
        if (this.failure !== undefined) return settle(() => reject(this.failure));
        if (this.ended)
          return settle(() => reject(new Error(`Subscription ended after ${this.delivered.length} events`)));
      };
      const timer = setTimeout(
        () => settle(() => reject(new Error(`Timed out with ${this.delivered.length} events delivered`))),
        timeoutMs,
      );
      const settle = (finish: () => void) => {
        clearTimeout(timer);
        this.changed.delete(check);
        finish();
      };
      this.changed.add(check);
      check();
    });
  }

  /** Resolves once the `for await` loop has finished, or after `timeoutMs` with false. */
  async waitForEnd(timeoutMs: number): Promise<boolean> {
    return this.waitUntil(() => this.ended, timeoutMs).then(
      () => true,
      () => this.ended,
    );
  }

  async stop(): Promise<void> {
    await this.subscription.close();
    await this.consuming;
  }

  private async consume(): Promise<void> {
    try {
      for await (const event of this.subscription) {
        this.delivered.push(event);
        this.notify();
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.ended = true;
      this.notify();
    }
  }

  private notify(): void {
    for (const check of [...this.changed]) check();
  }
}
