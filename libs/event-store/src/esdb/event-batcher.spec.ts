import type { RecordedEvent } from '../event-store.port';
import { EventBatcher } from './event-batcher';

/** An event source the test feeds by hand, as a live subscription is fed by appends. */
class HandFedEvents implements AsyncIterable<RecordedEvent> {
  private readonly queued: RecordedEvent[] = [];
  private waiting: ((result: IteratorResult<RecordedEvent>) => void) | null = null;
  private ended = false;

  push(...events: RecordedEvent[]): void {
    for (const event of events) {
      if (this.waiting) {
        const wake = this.waiting;
        this.waiting = null;
        wake({ done: false, value: event });
      } else {
        this.queued.push(event);
      }
    }
  }

  end(): void {
    this.ended = true;
    this.waiting?.({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => {
        const event = this.queued.shift();
        if (event) return Promise.resolve({ done: false, value: event });
        if (this.ended) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (this.waiting = resolve));
      },
    };
  }
}

function event(revision: number): RecordedEvent {
  return {
    id: `event-${revision}`,
    type: 'ItemCounted',
    data: {},
    metadata: {
      actor: null,
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-11-23T00:00:00Z',
      schemaVersion: 1,
    },
    streamName: 'item-a',
    revision: BigInt(revision),
    position: { commit: 1n, prepare: BigInt(revision) },
  };
}

const revisionsOf = (batch: RecordedEvent[]) => batch.map((recorded) => Number(recorded.revision));

describe('EventBatcher', () => {
  it('takes every event already available into one batch, up to the maximum', async () => {
    const events = new HandFedEvents();
    events.push(...[0, 1, 2, 3, 4, 5, 6].map(event));
    events.end();
    const batches = new EventBatcher(events);

    expect(revisionsOf(await batches.next(5))).toEqual([0, 1, 2, 3, 4]);
    expect(revisionsOf(await batches.next(5))).toEqual([5, 6]);
    expect(await batches.next(5)).toEqual([]);
  });

  it('returns as soon as one event is there, and keeps a later one for the next batch', async () => {
    const events = new HandFedEvents();
    const batches = new EventBatcher(events);
    const first = batches.next(10);
    events.push(event(0));

    expect(revisionsOf(await first)).toEqual([0]);
    events.push(event(1), event(2));
    expect(revisionsOf(await batches.next(10))).toEqual([1, 2]);
  });

  it('reports a failure once: after it, events that ended give empty batches', async () => {
    async function* failingAfterTwo(): AsyncGenerator<RecordedEvent> {
      yield event(0);
      yield event(1);
      throw new Error('connection lost');
    }
    const batches = new EventBatcher(failingAfterTwo());

    expect(revisionsOf(await batches.next(10))).toEqual([0, 1]);
    await expect(batches.next(10)).rejects.toThrow('connection lost');
    expect(await batches.next(10)).toEqual([]);
  });

  it('hands over the events read before a failure, then reports the failure on the next call', async () => {
    let calls = 0;
    const failingAfterTwo: AsyncIterable<RecordedEvent> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          calls += 1;
          if (calls > 2) throw new Error('connection lost');
          return { done: false, value: event(calls - 1) };
        },
      }),
    };
    const batches = new EventBatcher(failingAfterTwo);

    expect(revisionsOf(await batches.next(10))).toEqual([0, 1]);
    await expect(batches.next(10)).rejects.toThrow('connection lost');
  });
});
