import type { EventStore, LogPosition } from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import type { CreateTicketType } from '../domain/ticket-type.decider';
import { registerTicketTypeInventory } from './inventory';
import { runTicketTypeCommand } from './run-ticket-type-command';

/**
 * Records the ticket type on its event, where its rules are decided, then gives it its capacity in the event's
 * inventory. If the process dies between the two, retrying the same command (same ticket type id and command id)
 * records nothing twice and completes the registration. Returns the position to wait for.
 */
export async function createTicketType(
  store: EventStore,
  command: CreateTicketType,
  context: CommandContext,
): Promise<LogPosition | null> {
  const created = await runTicketTypeCommand(store, command, context);
  const registered = await registerTicketTypeInventory(
    store,
    command.eventId,
    { ticketTypeId: command.ticketTypeId, capacity: command.totalQuantity },
    context,
  );
  return registered.position ?? created.position;
}
