import type { RecordedEvent } from '@ticketing/event-store';

const NOT_READY = Symbol('not ready');

/**
 * Turns a subscription into batches: it waits for one event, then takes every further event that is already
 * available (resolves before the next turn of the event loop), up to a maximum. A catch-up read thus fills whole
 * batches, and a quiet live stream yields small ones without waiting for company.
 *
 * @example
 * const batches = new EventBatcher(store.subscribeToAll({ after: checkpoint }));
 * for (let batch = await batches.next(500, signal); batch.length > 0; batch = await batches.next(500, signal)) {
 *   await applyInOneTransaction(batch);
 * }
 */
export class EventBatcher {
  private readonly iterator: AsyncIterator<RecordedEvent>;
  /** A `next()` that lost a race is kept here, so the event it brings is never dropped. */
  private pending: Promise<IteratorResult<RecordedEvent>> | null = null;

  constructor(events: AsyncIterable<RecordedEvent>) {
    this.iterator = events[Symbol.asyncIterator]();
  }

  /** The next batch of 1 to `max` events; empty when the events end or `signal` aborts first. */
  async next(max: number, signal: AbortSignal): Promise<RecordedEvent[]> {
    const first = await untilAborted(this.pull(), signal);
    if (first === NOT_READY || first.done) return [];
    this.pending = null;
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

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof NOT_READY> {
  if (signal.aborted) return Promise.resolve(NOT_READY);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(NOT_READY);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
