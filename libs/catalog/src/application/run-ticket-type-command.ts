import { type CommandOutcome, type EventStore, runCommand } from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import type { EventState } from '../domain/event.decider';
import type { EventStreamEvent } from '../domain/event.events';
import { type TicketTypeCommand, ticketTypeDecider } from '../domain/ticket-type.decider';
import { eventStream } from './event-stream';

/** Decides a ticket-type command on its event's stream, where every rule across the event's ticket types holds. */
export function runTicketTypeCommand(
  store: EventStore,
  command: TicketTypeCommand,
  context: CommandContext,
): Promise<CommandOutcome<EventStreamEvent, EventState | null>> {
  return runCommand(store, ticketTypeDecider, eventStream(command.eventId), command, context);
}
