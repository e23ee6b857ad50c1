import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOrigin } from '@ticketing/platform';
import { doorIssues } from '../domain/staff-tickets';
import { StaffOperation } from './staff-operation-id';
import { type StaffIssueRequest, StaffTickets } from './staff-tickets';
import type { TicketView } from './ticket.queries';

export interface PreGenerateDoorTicketsRequest extends StaffIssueRequest {
  quantity: number;
}

export class PreGenerateDoorTicketsCommand extends Command<TicketView[]> {
  constructor(
    readonly request: PreGenerateDoorTicketsRequest,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/** Door tickets issued ahead of the night, holding their units so that online buyers cannot take them. */
@CommandHandler(PreGenerateDoorTicketsCommand)
export class PreGenerateDoorTicketsHandler implements ICommandHandler<PreGenerateDoorTicketsCommand> {
  constructor(private readonly staffTickets: StaffTickets) {}

  execute({ request, origin }: PreGenerateDoorTicketsCommand): Promise<TicketView[]> {
    return this.staffTickets.issue(StaffOperation.DOOR_TICKETS, request, origin, (ticketType) =>
      doorIssues(ticketType, request.quantity),
    );
  }
}
