import { type EventStore, type ReadYourWrites, runCommand } from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import { type EventCommand, eventDecider } from '../domain/event.decider';
import { eventStream } from './event-stream';

/**
 * Decides `command` on its event's stream and waits until the read models have caught up with it, so the mutation
 * can answer with the event as it now is. Returns the event's id.
 */
export async function runEventCommand(
  store: EventStore,
  readYourWrites: ReadYourWrites,
  command: EventCommand,
  context: CommandContext,
): Promise<string> {
  const outcome = await runCommand(store, eventDecider, eventStream(command.eventId), command, context);
  await readYourWrites.waitFor(outcome.position);
  return command.eventId;
}
