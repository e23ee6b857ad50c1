import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '@ticketing/platform';
import type { Principal } from '@ticketing/platform/domain';
import type { EventConnection, EventView } from '../application/event.queries';
import { GetEventQuery } from '../application/get-event.handler';
import { ListEventsQuery } from '../application/list-events.handler';
import { EventConnectionType } from './event-connection.type';
import { EventType } from './event.type';
import { EventsArgs } from './events.args';

@Resolver(() => EventType)
export class EventQueryResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => EventType, {
    description: 'An event the caller may see; drafts only for their organizer and admins.',
  })
  event(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<EventView> {
    return this.queryBus.execute(new GetEventQuery(id, principal));
  }

  @Query(() => EventConnectionType, {
    description:
      'Published and cancelled events, plus your own drafts (all drafts for admins), by start time.',
    // Each requested event costs what its selection costs.
    complexity: ({ args, childComplexity }) => 1 + args.first * childComplexity,
  })
  events(
    @Args() { filter, first, after }: EventsArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<EventConnection> {
    return this.queryBus.execute(new ListEventsQuery(filter ?? {}, { first, after }, principal));
  }
}
