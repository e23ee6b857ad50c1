import type { CommandContext } from '@ticketing/platform';
import type { Decider, DomainEvent } from '@ticketing/platform/domain';
import type { LogPosition, NewEvent } from '../../event-store.port';
import { toNewEvent } from '../run-command';
import type { RecentEvents } from './recent-events';

/** One queued command as the batch decides it. */
export interface BatchCommand<Command> {
  command: Command;
  context: CommandContext;
  schemaVersions?: Readonly<Record<string, number>>;
}

/** What became of one command of a batch. */
export type CommandVerdict<Event, State> =
  /** Its events (possibly none) are in the batch's append; `state` is the state right after them. */
  | { kind: 'accepted'; events: Event[]; state: State }
  /** Its `decide` threw: a rule said no, or the decider failed on it. */
  | { kind: 'refused'; error: unknown }
  /** The stream already holds its events: a retry of a command that succeeded. */
  | { kind: 'already-appended'; events: Event[]; position: LogPosition };

export interface BatchDecision<Event, State> {
  /** One verdict per command, in the order of the batch. */
  verdicts: CommandVerdict<Event, State>[];
  /** The accepted commands' events in order, each with its command's deterministic id and metadata. */
  toAppend: NewEvent[];
  /** The state after every accepted command. */
  state: State;
}

/**
 * Decides a batch of commands in turn, each against the state the accepted ones before it left, as if they had
 * arrived one by one. A command its decider refuses changes nothing and does not stop the ones after it; a command
 * whose events the stream already holds is answered from them and not decided again.
 *
 * @example
 * const decision = decideBatch(seatDecider, 'ticketType-42', { state, recent }, [first, second]);
 * await store.append('ticketType-42', decision.toAppend, revision);
 */
export function decideBatch<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  streamName: string,
  known: { state: State; recent: RecentEvents<Event> },
  batch: readonly BatchCommand<Command>[],
): BatchDecision<Event, State> {
  let state = known.state;
  const toAppend: NewEvent[] = [];
  const verdicts = batch.map(({ command, context, schemaVersions }): CommandVerdict<Event, State> => {
    const earlier = known.recent.appendedBy(context.commandId, streamName);
    if (earlier) return { kind: 'already-appended', ...earlier };
    let events: Event[];
    try {
      events = decider.decide(command, state, context.now);
    } catch (error) {
      return { kind: 'refused', error };
    }
    state = events.reduce(decider.evolve, state);
    toAppend.push(
      ...events.map((event, index) => toNewEvent(event, streamName, index, context, schemaVersions)),
    );
    return { kind: 'accepted', events, state };
  });
  return { verdicts, toAppend, state };
}
