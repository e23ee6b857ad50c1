import type { Decider, DomainEvent } from '@ticketing/platform/domain';
import { type AppendResult, NO_STREAM, type RecordedEvent } from '../../event-store.port';
import { toDomainEvent } from '../run-command';
import type { BatchDecision } from './decide-batch';
import { RecentEvents } from './recent-events';

/**
 * What a stream owner holds of its stream in memory: the state folded from it, the revision that state is at, and
 * its latest events by id. It only moves forward, by events read after `revision` or by a batch the store accepted
 * at `revision`, so it never needs the stream's history again.
 *
 * @example
 * const known = new KnownStream(seatDecider, 10_000);
 * known.catchUp(await store.readStream('ticketType-42', { fromRevision: known.nextRevision }));
 */
export class KnownStream<Event extends DomainEvent, State> {
  state: State;
  /** The revision of the last event folded into `state`, or `NO_STREAM` when there is none. */
  revision: bigint | typeof NO_STREAM = NO_STREAM;
  readonly recent: RecentEvents<Event>;

  constructor(
    private readonly decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
    recentEventsRemembered: number,
  ) {
    this.state = decider.initialState;
    this.recent = new RecentEvents(recentEventsRemembered);
  }

  /** Where a read for the events this state has not seen yet starts. */
  get nextRevision(): bigint {
    return this.revision === NO_STREAM ? 0n : this.revision + 1n;
  }

  /** Folds events read from the store from `nextRevision` on. */
  catchUp(recorded: readonly RecordedEvent[]): void {
    for (const event of recorded) {
      const domainEvent = toDomainEvent<Event>(event);
      this.state = this.decider.evolve(this.state, domainEvent);
      this.revision = event.revision;
      this.recent.remember(event.id, domainEvent, event.position);
    }
  }

  /** Takes on a batch the store appended at `revision`: nobody else wrote in between, so its state is current. */
  appended(decision: BatchDecision<Event, State>, result: AppendResult): void {
    this.state = decision.state;
    this.revision = result.nextExpectedRevision;
    for (const event of decision.toAppend) {
      this.recent.remember(event.id, { type: event.type, data: event.data } as Event, result.position);
    }
  }
}
