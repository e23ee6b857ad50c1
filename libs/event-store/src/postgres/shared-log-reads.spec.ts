import type { LogPosition, RecordedEvent } from '../event-store.port';
import { SharedLogReads } from './shared-log-reads';

const at = (commit: number): LogPosition => ({ commit: BigInt(commit), prepare: 1n });

/** A log read that answers only when told to, counting the queries it was asked for. */
function pendingReads() {
  const asked: { after: LogPosition | undefined; answer(events: RecordedEvent[]): void }[] = [];
  const reads = new SharedLogReads(
    (after) => new Promise<RecordedEvent[]>((answer) => asked.push({ after, answer })),
  );
  return { reads, asked };
}

describe('shared log reads', () => {
  it('gives subscriptions that ask for the same page having seen the same appends one query', async () => {
    const { reads, asked } = pendingReads();
    const first = reads.read(at(7), 500, 3);
    const second = reads.read(at(7), 500, 3);
    expect(asked).toHaveLength(1);
    asked[0].answer([]);
    expect(await first).toBe(await second);
  });

  it('reads again for a subscription told of an append the read in flight may have missed', () => {
    const { reads, asked } = pendingReads();
    void reads.read(at(7), 500, 3);
    void reads.read(at(7), 500, 4);
    expect(asked).toHaveLength(2);
  });

  it('reads again for another page', () => {
    const { reads, asked } = pendingReads();
    void reads.read(at(7), 500, 3);
    void reads.read(at(8), 500, 3);
    void reads.read(undefined, 500, 3);
    void reads.read(at(7), 100, 3);
    expect(asked).toHaveLength(4);
  });

  it('shares a read only while it is in flight', async () => {
    const { reads, asked } = pendingReads();
    const first = reads.read(at(7), 500, 3);
    asked[0].answer([]);
    await first;
    void reads.read(at(7), 500, 3);
    expect(asked).toHaveLength(2);
  });

  it('hands a failed read to everyone who shared it, and tries again for the next', async () => {
    const failing = new SharedLogReads(() => Promise.reject(new Error('connection lost')));
    const shared = [failing.read(at(7), 500, 3), failing.read(at(7), 500, 3)];
    await expect(Promise.all(shared)).rejects.toThrow('connection lost');
    await expect(failing.read(at(7), 500, 3)).rejects.toThrow('connection lost');
  });
});
