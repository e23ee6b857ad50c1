import type { RecordedEvent } from '../event-store.port';
import { AppendSignal } from './append-signal';
import { at, commitsOf, eventAt } from './testing/events-at';
import { LogTail } from './log-tail';

/** An in-memory log of events at commits 1, 2, 3, ... that counts the reads it answers. */
function inMemoryLog(capacity = 100) {
  const events: RecordedEvent[] = [];
  const reads: (number | null)[] = [];
  const appended = new AppendSignal();
  let failure: Error | null = null;
  const tail = new LogTail(
    async (after, maxCount) => {
      reads.push(after === undefined ? null : Number(after.commit));
      if (failure) throw failure;
      const from = after === undefined ? 0 : Number(after.commit);
      return events.slice(from, from + maxCount);
    },
    appended,
    capacity,
  );
  const append = (count: number) => {
    for (let i = 0; i < count; i += 1) events.push(eventAt(events.length + 1));
    appended.notify();
  };
  const commits = (page: { events: RecordedEvent[] }) => commitsOf(page.events);
  return { tail, reads, append, commits, appended, fail: (error: Error | null) => (failure = error) };
}

describe('LogTail', () => {
  it('reads the log once for every subscription waiting at the end of the tail', async () => {
    const log = inMemoryLog();
    log.append(3);
    await log.tail.read(undefined, 10);
    log.append(2);

    const pages = await Promise.all([
      log.tail.read(at(3), 10),
      log.tail.read(at(3), 10),
      log.tail.read(at(3), 10),
    ]);

    expect(log.reads).toEqual([null, 3]);
    expect(pages.map(log.commits)).toEqual([
      [4, 5],
      [4, 5],
      [4, 5],
    ]);
  });

  it('answers a subscription behind the end of the tail from memory, without reading the log', async () => {
    const log = inMemoryLog();
    log.append(6);
    await log.tail.read(undefined, 10);

    const page = await log.tail.read(at(2), 10);

    expect(log.commits(page)).toEqual([3, 4, 5, 6]);
    expect(log.reads).toEqual([null]);
  });

  it('says a page reached the head as of the appends signalled when its read started, and not when cut short', async () => {
    const log = inMemoryLog();
    log.append(5);
    const head = log.appended.version;
    await log.tail.read(undefined, 10);

    expect(await log.tail.read(at(1), 2)).toMatchObject({ headAsOf: null });
    expect(await log.tail.read(at(3), 2)).toMatchObject({ headAsOf: head });
  });

  it('answers those waiting at the end with nothing, and the head as of that read, when nothing was appended', async () => {
    const log = inMemoryLog();
    log.append(2);
    await log.tail.read(undefined, 10);
    const head = log.appended.version;

    expect(await log.tail.read(at(2), 10)).toEqual({ events: [], headAsOf: head });
  });

  it('keeps reading without waiting while the log has more than one read brought', async () => {
    const log = inMemoryLog();
    log.append(2);
    await log.tail.read(undefined, 10);
    log.append(5);

    const page = await log.tail.read(at(2), 3);

    expect(log.commits(page)).toEqual([3, 4, 5]);
    expect(page.headAsOf).toBeNull();
    expect(log.commits(await log.tail.read(at(5), 3))).toEqual([6, 7]);
  });

  it('reads a position outside the tail from the log, and keeps such a read that reached the head as the tail', async () => {
    const log = inMemoryLog();
    log.append(10);
    await log.tail.read(at(8), 10);

    expect(log.commits(await log.tail.read(at(3), 10))).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(log.commits(await log.tail.read(at(5), 10))).toEqual([6, 7, 8, 9, 10]);
    expect(log.reads).toEqual([8, 3]);
  });

  it('does not keep a read that is still catching up', async () => {
    const log = inMemoryLog();
    log.append(10);
    await log.tail.read(at(8), 10);

    expect(log.commits(await log.tail.read(undefined, 3))).toEqual([1, 2, 3]);
    expect(log.commits(await log.tail.read(at(9), 10))).toEqual([10]);
    expect(log.reads).toEqual([8, null]);
  });

  it('drops its oldest events beyond twice its capacity, and reads a position among them from the log', async () => {
    const log = inMemoryLog(2);
    log.append(1);
    await log.tail.read(undefined, 10);
    log.append(4);
    expect(log.commits(await log.tail.read(at(1), 10))).toEqual([2, 3, 4, 5]);
    log.append(1);
    expect(log.commits(await log.tail.read(at(5), 10))).toEqual([6]);

    expect(log.commits(await log.tail.read(at(4), 10))).toEqual([5, 6]);
    expect(log.commits(await log.tail.read(at(3), 10))).toEqual([4, 5, 6]);
    expect(log.reads).toEqual([null, 1, 5, 3]);
  });

  it('fails every subscription that shared a failed read, and reads again for the next', async () => {
    const log = inMemoryLog();
    log.append(1);
    await log.tail.read(undefined, 10);
    log.fail(new Error('connection lost'));

    const shared = [log.tail.read(at(1), 10), log.tail.read(at(1), 10)];
    await expect(Promise.all(shared)).rejects.toThrow('connection lost');
    log.fail(null);
    log.append(1);

    expect(log.commits(await log.tail.read(at(1), 10))).toEqual([2]);
    expect(log.reads).toEqual([null, 1, 1]);
  });
});
