import { type CommandOutcome, type EventStore, runCommand } from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import type { TicketCommand } from '../domain/ticket.commands';
import { ticketDecider } from '../domain/ticket.decider';
import type { TicketEvent } from '../domain/ticket.events';
import type { TicketState } from '../domain/ticket.state';
import { ticketStream } from './ticket-stream';

/**
 * Decides `command` on its ticket's stream. Wait for the outcome's `position` before reading the ticket back.
 *
 * @example
 * const { position } = await runTicketCommand(store, { type: 'TransferTicket', ticketId, to }, context);
 * await readYourWrites.waitFor(position);
 */
export function runTicketCommand(
  store: EventStore,
  command: TicketCommand,
  context: CommandContext,
): Promise<CommandOutcome<TicketEvent, TicketState | null>> {
  return runCommand(store, ticketDecider, ticketStream(command.ticketId), command, context);
}
