import type { RecordedEvent } from '../event-store.port';

const NOT_READY = Symbol('not ready');

/**
 * Turns events that arrive one at a time into batches: it waits for one event, then takes every further event that
 * is already available (resolves before the next turn of the event loop), up to a maximum. A catch-up read thus
 * fills whole batches, and a quiet live stream yields small ones without waiting for company.
 *
 * @example
 * const batches = new EventBatcher(events);
 * for (let batch = await batches.next(500); batch.length > 0; batch = await batches.next(500)) project(batch);
 */
export class EventBatcher {
  private readonly iterator: AsyncIterator<RecordedEvent>;
  /** A `next()` that lost a race is kept here, so the event it brings is never dropped. */
  private pending: Promise<IteratorResult<RecordedEvent>> | null = null;

  constructor(events: AsyncIterable<RecordedEvent>) {
    this.iterator = events[Symbol.asyncIterator]();
  }

  /** The next batch of 1 to `max` events; empty when the events end. */
  async next(max: number): Promise<RecordedEvent[]> {
    // Taken, whatever it brought: a failure is reported once, and what follows it is up to the events.
    const first = await this.pull().finally(() => (this.pending = null));
    if (first.done) return [];
    const batch = [first.value];
    // One turn for the whole batch: what arrives before the event loop's next turn belongs to it.
    const turn = nextTurn();
    while (batch.length < max) {
      // A failure here is left pending: this batch is returned, and the next call throws it.
      const next = await Promise.race([this.pull(), turn]).catch((): typeof NOT_READY => NOT_READY);
      if (next === NOT_READY || next.done) break;
      this.pending = null;
      batch.push(next.value);
    }
    return batch;
  }

  private pull(): Promise<IteratorResult<RecordedEvent>> {
    this.pending ??= this.iterator.next();
    return this.pending;
  }
}

function nextTurn(): Promise<typeof NOT_READY> {
  return new Promise((resolve) => setImmediate(resolve, NOT_READY));
}
