import type { CommandContext } from '@ticketing/platform';
import { deterministicEventId } from '@ticketing/platform';
import type { Decider, DomainEvent } from '@ticketing/platform/domain';
import {
  type EventStore,
  type LogPosition,
  type NewEvent,
  NO_STREAM,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';

export interface CommandOutcome<Event, State> {
  /** The events this command appended; empty when the decider decided nothing needed to change. */
  events: Event[];
  state: State;
  /** Where the last appended event landed; null when nothing was appended. Wait for projections to pass it. */
  position: LogPosition | null;
}

export interface RunCommandOptions {
  /** Attempts after a concurrent writer moved the stream; each one reloads and decides again. */
  maxConflictRetries?: number;
  /** The schema version of each event type this decider writes, for upcasting later; 1 by default. */
  schemaVersions?: Readonly<Record<string, number>>;
  /**
   * The stream as the caller read it a moment ago, together with its other reads, decided on first instead of
   * reading it again. If the stream moved since, the append meets a conflict and the next attempt reads it afresh.
   */
  history?: readonly RecordedEvent[];
}

/**
 * Load a stream, decide, append with the revision that was read. A concurrent writer makes the append fail with
 * WrongExpectedRevisionError; the command is then decided again on the fresh state, so a rule that held for the
 * first state is checked again rather than assumed.
 *
 * @example
 * const outcome = await runCommand(store, eventDecider, `event-${id}`, { type: 'PublishEvent', ... }, context);
 */
export async function runCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  streamName: string,
  command: Command,
  context: CommandContext,
  options: RunCommandOptions = {},
): Promise<CommandOutcome<Event, State>> {
  const maxRetries = options.maxConflictRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    const history = attempt === 0 && options.history ? options.history : await store.readStream(streamName);
    const state = history.map(toDomainEvent<Event>).reduce(decider.evolve, decider.initialState);
    const events = decider.decide(command, state, context.now);
    if (events.length === 0) return { events, state, position: null };
    const expected = history.length === 0 ? NO_STREAM : history[history.length - 1].revision;
    try {
      const result = await store.append(
        streamName,
        events.map((event, index) => toNewEvent(event, streamName, index, context, options.schemaVersions)),
        expected,
      );
      return { events, state: events.reduce(decider.evolve, state), position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxRetries) throw error;
    }
  }
}

export function toDomainEvent<Event extends DomainEvent>(recorded: RecordedEvent): Event {
  return { type: recorded.type, data: recorded.data } as Event;
}

export function toNewEvent(
  event: DomainEvent,
  streamName: string,
  index: number,
  context: CommandContext,
  schemaVersions: Readonly<Record<string, number>> = {},
): NewEvent {
  return {
    id: deterministicEventId(context.commandId, streamName, index),
    type: event.type,
    data: event.data,
    metadata: {
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId,
      occurredAt: context.now.toISOString(),
      schemaVersion: schemaVersions[event.type] ?? 1,
    },
  };
}
