import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import { ActivateDoorTicketCommand } from '../application/activate-door-ticket.handler';
import { IssueCompTicketsCommand } from '../application/issue-comp-tickets.handler';
import { PreGenerateDoorTicketsCommand } from '../application/pre-generate-door-tickets.handler';
import type { TicketView } from '../application/ticket.queries';
import { ActivateTicketInput } from './activate-ticket.input';
import { IssuedTicketType } from './issued-ticket.type';
import { IssueCompTicketsInput } from './issue-comp-tickets.input';
import { PreGenerateTicketsInput } from './pre-generate-tickets.input';

const WHO = "For the event's organizer or an admin; FORBIDDEN for anyone else.";

@Resolver(() => IssuedTicketType)
export class StaffTicketResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => [IssuedTicketType], {
    description:
      `Give free COMP tickets, one per holder, counted against capacity. ${WHO} ` +
      'Errors: BUSINESS_RULE_VIOLATION (SOLD_OUT, NOT_ENOUGH_UNITS, EVENT_CANCELLED...), CONFLICT (IDEMPOTENCY_KEY_REUSED).',
    // Each comp is active, so its QR code may be asked for: signing and drawing it costs per ticket.
    complexity: ({ args, childComplexity }) => 1 + args.input.holders.length * childComplexity,
  })
  issueCompTickets(
    @Args('input') { holders, ...input }: IssueCompTicketsInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketView[]> {
    const request = { ...input, holders: holders.map(({ email, name }) => ({ email, name })) };
    return this.commandBus.execute(new IssueCompTicketsCommand(request, context));
  }

  @Mutation(() => [IssuedTicketType], {
    description:
      `Issue UNACTIVATED DOOR tickets that hold capacity until sold at the door. ${WHO} ` +
      'Errors: BUSINESS_RULE_VIOLATION (TICKET_TYPE_NOT_SOLD_AT_DOOR, SOLD_OUT, NOT_ENOUGH_UNITS...).',
  })
  preGenerateTickets(
    @Args('input') input: PreGenerateTicketsInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketView[]> {
    return this.commandBus.execute(new PreGenerateDoorTicketsCommand({ ...input }, context));
  }

  @Mutation(() => IssuedTicketType, {
    description: `Sell a door ticket at the door: it becomes ACTIVE for its holder, with a QR code. ${WHO} Errors: BUSINESS_RULE_VIOLATION (TICKET_ALREADY_ACTIVATED, TICKET_VOIDED...).`,
  })
  activateTicket(
    @Args('input') { ticketId, holder, payment }: ActivateTicketInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketView> {
    const request = { ticketId, holder: { ...holder }, payment: { ...payment } };
    return this.commandBus.execute(new ActivateDoorTicketCommand(request, context));
  }
}
