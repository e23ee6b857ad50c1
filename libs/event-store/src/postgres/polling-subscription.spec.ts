import type { LogPosition, RecordedEvent } from '../event-store.port';
import { AppendSignal } from './append-signal';
import { commitsOf, eventAt } from './testing/events-at';
import type { LogPage } from './log-tail';
import { PollingSubscription } from './polling-subscription';

/** A log of events at commits 1, 2, 3, ... read in pages of `pageSize`, counting the reads it answers. */
function pagedLog(pageSize: number) {
  const events: RecordedEvent[] = [];
  const reads: (number | null)[] = [];
  const appended = new AppendSignal();
  let failure: Error | null = null;
  let held: Promise<void> | null = null;
  const readAfter = async (after: LogPosition | undefined, maxCount: number): Promise<LogPage> => {
    reads.push(after === undefined ? null : Number(after.commit));
    const seen = appended.version;
    await held;
    if (failure) throw failure;
    const from = after === undefined ? 0 : Number(after.commit);
    const page = events.slice(from, from + Math.min(maxCount, pageSize));
    return { events: page, headAsOf: from + page.length === events.length ? seen : null };
  };
  const subscribe = (pollIntervalMs = 60_000) =>
    new PollingSubscription({
      after: undefined,
      batchSize: pageSize,
      pollIntervalMs,
      readAfter,
      appended,
      onClose: () => undefined,
    });
  /** An append of another process: in the log, but no signal here. */
  const appendElsewhere = (count: number) => {
    for (let i = 0; i < count; i += 1) events.push(eventAt(events.length + 1));
  };
  const append = (count: number) => {
    appendElsewhere(count);
    appended.notify();
  };
  const holdReads = () => {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    return () => {
      held = null;
      release();
    };
  };
  return {
    reads,
    append,
    appendElsewhere,
    subscribe,
    holdReads,
    fail: (error: Error | null) => (failure = error),
  };
}

const stillWaiting = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => false), new Promise((resolve) => setTimeout(resolve, 30, true))]);

describe('PollingSubscription', () => {
  it('hands a page over in batches of at most maxCount, reading the log again only once the page is used up', async () => {
    const log = pagedLog(5);
    log.append(7);
    const subscription = log.subscribe();

    expect(commitsOf(await subscription.nextBatch(2))).toEqual([1, 2]);
    expect(commitsOf(await subscription.nextBatch(2))).toEqual([3, 4]);
    expect(commitsOf(await subscription.nextBatch(2))).toEqual([5]);
    expect(commitsOf(await subscription.nextBatch(10))).toEqual([6, 7]);
    expect(log.reads).toEqual([null, 5]);
    await subscription.close();
  });

  it('waits at the head for an append made after its read, then reads again at once', async () => {
    const log = pagedLog(5);
    log.append(2);
    const subscription = log.subscribe();
    expect(commitsOf(await subscription.nextBatch(10))).toEqual([1, 2]);

    const next = subscription.nextBatch(10);
    expect(await stillWaiting(next)).toBe(true);
    log.append(1);

    expect(commitsOf(await next)).toEqual([3]);
    expect(log.reads).toEqual([null, 2]);
    await subscription.close();
  });

  it('reads again after its poll interval when no append of this process wakes it', async () => {
    const log = pagedLog(5);
    const subscription = log.subscribe(20);
    const next = subscription.nextBatch(10);
    await new Promise((resolve) => setTimeout(resolve, 5));

    log.appendElsewhere(1);

    expect(commitsOf(await next)).toEqual([1]);
    expect(log.reads).toEqual([null, null]);
    await subscription.close();
  });

  it('continues a for-await loop from where the last batch ended, and closes when the loop is left', async () => {
    const log = pagedLog(3);
    log.append(5);
    const subscription = log.subscribe();
    expect(commitsOf(await subscription.nextBatch(1))).toEqual([1]);

    const iterated: number[] = [];
    for await (const recorded of subscription) {
      iterated.push(Number(recorded.position.commit));
      if (iterated.length === 3) break;
    }

    expect(iterated).toEqual([2, 3, 4]);
    expect(await subscription.nextBatch(10)).toEqual([]);
  });

  it('throws a failed read once, then answers with empty batches: the subscription has ended', async () => {
    const log = pagedLog(5);
    log.append(1);
    log.fail(new Error('connection lost'));
    const subscription = log.subscribe();

    await expect(subscription.nextBatch(10)).rejects.toThrow('connection lost');
    log.fail(null);
    expect(await subscription.nextBatch(10)).toEqual([]);
  });

  it('answers a nextBatch whose read fails after the subscription was closed with an empty batch', async () => {
    const log = pagedLog(5);
    log.append(1);
    const release = log.holdReads();
    const subscription = log.subscribe();
    const next = subscription.nextBatch(10);

    await subscription.close();
    log.fail(new Error('pool closed'));
    release();

    expect(await next).toEqual([]);
  });

  it('drops a page read while it was being closed', async () => {
    const log = pagedLog(5);
    log.append(3);
    const release = log.holdReads();
    const subscription = log.subscribe();
    const next = subscription.nextBatch(10);

    await subscription.close();
    release();

    expect(await next).toEqual([]);
  });
});
