import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import { CancelEventCommand } from '../application/cancel-event.handler';
import type { EventView } from '../application/event.queries';
import { PublishEventCommand } from '../application/publish-event.handler';
import { CancelEventInput } from './cancel-event.input';
import { changedEvent } from './changed-event';
import { EventType } from './event.type';

@Resolver(() => EventType)
export class EventLifecycleResolver {
  constructor(
    readonly commandBus: CommandBus,
    readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => EventType, {
    description: 'Make a draft visible to everyone. Only its organizer or an admin may.',
  })
  publishEvent(
    @Args('id', { type: () => ID }) id: string,
    @RequestContext() context: GraphQLContext,
  ): Promise<EventView> {
    return changedEvent(this, new PublishEventCommand(id, context), context.principal);
  }

  @Mutation(() => EventType, { description: 'Cancel a draft or published event for good, saying why.' })
  cancelEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CancelEventInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<EventView> {
    return changedEvent(this, new CancelEventCommand(id, input.reason, context), context.principal);
  }
}
