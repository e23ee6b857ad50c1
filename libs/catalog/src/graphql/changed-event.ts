import type { Command, CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@ticketing/platform/domain';
import type { EventView } from '../application/event.queries';
import { GetEventQuery } from '../application/get-event.handler';

/**
 * Runs a command on an event and answers with the event as the read model now shows it: the handler has waited for
 * the projections to pass its write, so the caller sees their own change.
 */
export async function changedEvent(
  buses: { commandBus: CommandBus; queryBus: QueryBus },
  command: Command<string>,
  viewer: Principal | null,
): Promise<EventView> {
  const eventId = await buses.commandBus.execute(command);
  return buses.queryBus.execute(new GetEventQuery(eventId, viewer));
}
