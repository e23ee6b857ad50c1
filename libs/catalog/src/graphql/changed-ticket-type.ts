import type { Command, CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@ticketing/platform/domain';
import { GetTicketTypeQuery } from '../application/get-ticket-type.handler';
import type { TicketTypeView } from '../application/ticket-type-view';

/**
 * Runs a command on a ticket type and answers with the ticket type as the read models now show it: the handler has
 * waited for the projections to pass its writes, so the organizer sees their own change.
 */
export async function changedTicketType(
  buses: { commandBus: CommandBus; queryBus: QueryBus },
  command: Command<string>,
  viewer: Principal | null,
): Promise<TicketTypeView> {
  const ticketTypeId = await buses.commandBus.execute(command);
  return buses.queryBus.execute(new GetTicketTypeQuery(ticketTypeId, { viewer }));
}
