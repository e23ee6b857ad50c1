import { comparePositions, type LogPosition, type RecordedEvent } from '../event-store.port';
import type { AppendSignal } from './append-signal';

type ReadAfter = (after: LogPosition | undefined, maxCount: number) => Promise<RecordedEvent[]>;

/** Events of the log for a subscription, with whether they reach its head. */
export interface LogPage {
  events: RecordedEvent[];
  /**
   * Set when the page reaches the head of the log as a read started once this many appends had been signalled saw
   * it (`AppendSignal.version`): wait for a later append before reading again. Null when more may follow at once.
   */
  headAsOf: number | null;
}

/**
 * The newest events of the log, read once for all the live subscriptions of a process. Every projection follows the
 * same log, each from its own position and at its own pace; without this each of them read and parsed every event
 * for itself, so the API with its ten projections read each event ten times.
 *
 * The tail holds a contiguous range of the log: the log's visibility rule lets a read see an event only once every
 * event before it is visible, so a read after the tail's last event extends it without a gap. A subscription whose
 * position is in the tail gets the events after it from memory; one at the tail's end waits for the next extension,
 * which is a read of the log that every subscription waiting there shares. A position outside the tail (a projection
 * catching up from far behind, or starting afresh) is read from the log directly, and such a read that reaches the
 * head becomes the new tail. Every subscription gets the same event objects, so none may change them.
 *
 * @example
 * const tail = new LogTail((after, maxCount) => readLogEvents(pool, tables, after, maxCount), appended, 2_000);
 * const { events, headAsOf } = await tail.read(checkpoint, 500);
 * if (headAsOf !== null) await appended.waitForAppendAfter(headAsOf, 100, closing);
 */
export class LogTail {
  private kept: RecordedEvent[] = [];
  /** Exclusive: the position the kept events follow; undefined for the start of the log. */
  private keptAfter: LogPosition | undefined;
  private holdsRange = false;
  /** Where each kept event's position is, as an index counted from the first event ever kept. */
  private readonly indexOfPosition = new Map<string, number>();
  private firstKeptIndex = 0;
  /** The version of the signal when the read that last extended the tail started, if that read reached the head. */
  private headAsOf: number | null = null;
  private extending: Promise<void> | null = null;

  constructor(
    private readonly readAfter: ReadAfter,
    private readonly appended: AppendSignal,
    /** How many events the tail keeps: past twice as many, it drops its oldest down to this many. */
    private readonly capacity: number,
  ) {}

  /** Up to `maxCount` events strictly after `after`, in the log's order. */
  async read(after: LogPosition | undefined, maxCount: number): Promise<LogPage> {
    let from = this.offsetAfter(after);
    if (from === undefined) return this.readApart(after, maxCount);
    if (from === this.kept.length) {
      await (this.extending ?? this.extend(maxCount));
      from = this.offsetAfter(after);
      if (from === undefined) return this.readApart(after, maxCount);
      // A read that found nothing new answers everyone who waited for it, as a read of their own would have.
      if (from === this.kept.length) return { events: [], headAsOf: this.headAsOf };
    }
    const events = this.kept.slice(from, from + maxCount);
    const reachesEnd = from + events.length === this.kept.length;
    return { events, headAsOf: reachesEnd ? this.headAsOf : null };
  }

  /** Where the events after `after` start among the kept ones, or undefined when `after` is not in the tail. */
  private offsetAfter(after: LogPosition | undefined): number | undefined {
    if (!this.holdsRange) return undefined;
    if (samePosition(after, this.keptAfter)) return 0;
    if (!after) return undefined;
    const index = this.indexOfPosition.get(positionKey(after));
    return index === undefined ? undefined : index - this.firstKeptIndex + 1;
  }

  private extend(maxCount: number): Promise<void> {
    const last = this.kept.at(-1)?.position ?? this.keptAfter;
    const seen = this.appended.version;
    this.extending = this.readAfter(last, maxCount)
      .then((events) => {
        this.keep(events);
        this.headAsOf = events.length < maxCount ? seen : null;
      })
      .finally(() => {
        this.extending = null;
      });
    return this.extending;
  }

  private async readApart(after: LogPosition | undefined, maxCount: number): Promise<LogPage> {
    const seen = this.appended.version;
    const events = await this.readAfter(after, maxCount);
    const headAsOf = events.length < maxCount ? seen : null;
    // A read that reached the head holds what the live subscriptions will ask for next; one still catching up does not.
    if (headAsOf !== null && !this.extending) this.restart(after, events, headAsOf);
    return { events, headAsOf };
  }

  private restart(after: LogPosition | undefined, events: RecordedEvent[], headAsOf: number): void {
    this.kept = [];
    this.indexOfPosition.clear();
    this.firstKeptIndex = 0;
    this.keptAfter = after;
    this.holdsRange = true;
    this.keep(events);
    this.headAsOf = headAsOf;
  }

  private keep(events: RecordedEvent[]): void {
    for (const event of events) {
      this.indexOfPosition.set(positionKey(event.position), this.firstKeptIndex + this.kept.length);
      this.kept.push(event);
    }
    if (this.kept.length <= 2 * this.capacity) return;
    // The events just read stay whole, so whoever waited at the old end finds them after it.
    const dropped = this.kept.splice(0, this.kept.length - Math.max(this.capacity, events.length));
    for (const event of dropped) this.indexOfPosition.delete(positionKey(event.position));
    this.firstKeptIndex += dropped.length;
    this.keptAfter = dropped.at(-1)?.position;
  }
}

function positionKey(position: LogPosition): string {
  return `${position.commit}/${position.prepare}`;
}

function samePosition(a: LogPosition | undefined, b: LogPosition | undefined): boolean {
  if (!a || !b) return a === b;
  return comparePositions(a, b) === 0;
}
