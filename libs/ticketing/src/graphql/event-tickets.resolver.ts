import { QueryBus } from '@nestjs/cqrs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '@ticketing/platform';
import type { Principal } from '@ticketing/platform/domain';
import { ListEventTicketsQuery } from '../application/list-event-tickets.handler';
import type { TicketConnection } from '../application/ticket.queries';
import { EventTicketsArgs } from './event-tickets.args';
import { TicketConnectionType } from './ticket-connection.type';

@Resolver()
export class EventTicketsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => TicketConnectionType, {
    description:
      "An event's tickets, the most recently issued first, optionally of one kind and status (door staff pick an " +
      "UNACTIVATED DOOR ticket). For the event's organizer or an admin; FORBIDDEN for anyone else.",
    complexity: ({ args, childComplexity }) => 1 + args.first * childComplexity,
  })
  tickets(
    @Args() { eventId, kind, status, first, after }: EventTicketsArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<TicketConnection> {
    const filter = { kind: kind ?? undefined, status: status ?? undefined };
    return this.queryBus.execute(new ListEventTicketsQuery(eventId, filter, { first, after }, principal));
  }
}
