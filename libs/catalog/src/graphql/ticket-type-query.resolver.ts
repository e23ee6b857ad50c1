import { QueryBus } from '@nestjs/cqrs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '@ticketing/platform';
import type { Principal } from '@ticketing/platform/domain';
import { GetTicketTypeQuery } from '../application/get-ticket-type.handler';
import { ListTicketTypesQuery } from '../application/list-ticket-types.handler';
import type { TicketTypeView } from '../application/ticket-type-view';
import { TicketTypeArgs } from './ticket-type.args';
import { TicketTypeType } from './ticket-type.type';
import { TicketTypesArgs } from './ticket-types.args';

/** Events have a handful of ticket types; costing ten keeps a full listing inside the default budget. */
const COSTED_TICKET_TYPES = 10;

@Resolver(() => TicketTypeType)
export class TicketTypeQueryResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [TicketTypeType], {
    description:
      "An event's ticket types in creation order, as the caller may see them now: buyers see neither HIDDEN ones " +
      'nor those outside their visibility window, and INVITE_ONLY ones only with an access code that unlocks them; ' +
      'the organizer and admins see them all.',
    complexity: ({ childComplexity }) => 1 + COSTED_TICKET_TYPES * childComplexity,
  })
  ticketTypes(
    @Args() { eventId, accessCode }: TicketTypesArgs,
    @CurrentPrincipal() viewer: Principal | null,
  ): Promise<TicketTypeView[]> {
    return this.queryBus.execute(new ListTicketTypesQuery(eventId, { viewer, accessCode }));
  }

  @Query(() => TicketTypeType, { description: 'A ticket type the caller may see now, by the same rules.' })
  ticketType(
    @Args() { id, accessCode }: TicketTypeArgs,
    @CurrentPrincipal() viewer: Principal | null,
  ): Promise<TicketTypeView> {
    return this.queryBus.execute(new GetTicketTypeQuery(id, { viewer, accessCode }));
  }
}
