import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOrigin } from '@ticketing/platform';
import { compIssues } from '../domain/staff-tickets';
import type { TicketHolderInput } from '../domain/ticket-holder';
import { StaffOperation } from './staff-operation-id';
import { type StaffIssueRequest, StaffTickets } from './staff-tickets';
import type { TicketView } from './ticket.queries';

export interface IssueCompTicketsRequest extends StaffIssueRequest {
  holders: TicketHolderInput[];
  note: string;
}

export class IssueCompTicketsCommand extends Command<TicketView[]> {
  constructor(
    readonly request: IssueCompTicketsRequest,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * Free tickets staff give to named people, one per holder. A holder is recorded by the address given, with no
 * account: staff typing an address proves nothing about who signed up with it.
 */
@CommandHandler(IssueCompTicketsCommand)
export class IssueCompTicketsHandler implements ICommandHandler<IssueCompTicketsCommand> {
  constructor(private readonly staffTickets: StaffTickets) {}

  execute({ request, origin }: IssueCompTicketsCommand): Promise<TicketView[]> {
    return this.staffTickets.issue(StaffOperation.COMPS, request, origin, (ticketType) =>
      compIssues(ticketType, request.holders, request.note),
    );
  }
}
