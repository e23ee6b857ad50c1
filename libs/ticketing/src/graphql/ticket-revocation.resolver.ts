import { QueryBus } from '@nestjs/cqrs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '@ticketing/platform';
import type { Principal } from '@ticketing/platform/domain';
import { ListTicketRevocationsQuery } from '../application/list-ticket-revocations.handler';
import type { RevocationFeed } from '../application/ticket-revocation.queries';
import { TicketRevocationFeedType } from './ticket-revocation.type';
import { TicketRevocationsArgs } from './ticket-revocations.args';

@Resolver()
export class TicketRevocationResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => TicketRevocationFeedType, {
    description:
      "QR codes of an event's tickets that no longer admit (transferred, voided, refunded), after a cursor: scanners pull it incrementally. For door staff, admins and the event's organizer.",
    complexity: ({ args, childComplexity }) => 1 + args.first * childComplexity,
  })
  ticketRevocations(
    @Args() { eventId, after, first }: TicketRevocationsArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<RevocationFeed> {
    return this.queryBus.execute(new ListTicketRevocationsQuery(eventId, { after, first }, principal));
  }
}
