import type { LogPosition, RecordedEvent } from '../event-store.port';

type ReadAfter = (after: LogPosition | undefined, maxCount: number) => Promise<RecordedEvent[]>;

/**
 * Lets the live subscriptions of one store share a read of the log: every projection of a process follows the same
 * log, so after an append they all wake at once and mostly ask for the same page. A read joins one in flight only
 * when it asks for the same page having seen the same appends (`AppendSignal.version`), so it gets exactly what a
 * read of its own would have returned for every append it was told of; appends made elsewhere it would have found
 * at its next poll either way.
 *
 * @example
 * const reads = new SharedLogReads((after, maxCount) => readLogEvents(pool, tables, after, maxCount));
 * const seen = appended.version;
 * const page = await reads.read(checkpoint, 500, seen);
 */
export class SharedLogReads {
  private readonly inFlight = new Map<string, Promise<RecordedEvent[]>>();

  constructor(private readonly readAfter: ReadAfter) {}

  /** The events after `after`, as a read started once `seenAppends` appends had been signalled returns them. */
  read(after: LogPosition | undefined, maxCount: number, seenAppends: number): Promise<RecordedEvent[]> {
    const key = `${after ? `${after.commit}/${after.prepare}` : 'start'}:${maxCount}:${seenAppends}`;
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    const reading = this.readAfter(after, maxCount).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, reading);
    return reading;
  }
}
