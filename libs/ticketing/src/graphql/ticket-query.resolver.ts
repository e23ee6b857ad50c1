import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '@ticketing/platform';
import type { Principal } from '@ticketing/platform/domain';
import { GetTicketQrQuery, type TicketQr } from '../application/get-ticket-qr.handler';
import { GetTicketQuery } from '../application/get-ticket.handler';
import { ListMyTicketsQuery } from '../application/list-my-tickets.handler';
import type { TicketConnection, TicketView } from '../application/ticket.queries';
import { IssuedTicketType } from './issued-ticket.type';
import { MyTicketsArgs } from './my-tickets.args';
import { TicketConnectionType } from './ticket-connection.type';
import { TicketQrType } from './ticket-qr.type';

@Resolver(() => IssuedTicketType)
export class TicketQueryResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => TicketConnectionType, {
    description: 'The tickets your account holds now, the most recently received first.',
    // Each requested ticket costs what its selection costs.
    complexity: ({ args, childComplexity }) => 1 + args.first * childComplexity,
  })
  myTickets(
    @Args() { first, after }: MyTicketsArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<TicketConnection> {
    return this.queryBus.execute(new ListMyTicketsQuery({ first, after }, principal));
  }

  @Query(() => IssuedTicketType, {
    description: "A ticket, for its holder, its event's organizer or an admin; NOT_FOUND for anyone else.",
  })
  ticket(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<TicketView> {
    return this.queryBus.execute(new GetTicketQuery(id, principal));
  }

  @ResolveField('qr', () => TicketQrType, {
    nullable: true,
    description: 'The code to show at the door; null unless the ticket is ACTIVE.',
    // Signing and drawing the images cost far more than reading a column.
    complexity: 20,
  })
  qr(@Parent() ticket: TicketView): Promise<TicketQr | null> {
    return this.queryBus.execute(new GetTicketQrQuery(ticket));
  }
}
