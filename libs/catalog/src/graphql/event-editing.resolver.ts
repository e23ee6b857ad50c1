import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import { CreateEventCommand } from '../application/create-event.handler';
import type { EventView } from '../application/event.queries';
import { UpdateEventCommand } from '../application/update-event.handler';
import { changedEvent } from './changed-event';
import { CreateEventInput } from './create-event.input';
import { EventType } from './event.type';
import { UpdateEventInput } from './update-event.input';

@Resolver(() => EventType)
export class EventEditingResolver {
  constructor(
    readonly commandBus: CommandBus,
    readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => EventType, {
    description: 'Create a draft event. Organizers and admins only; the creator owns it.',
  })
  createEvent(
    @Args('input') input: CreateEventInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<EventView> {
    return changedEvent(this, new CreateEventCommand(input, context), context.principal);
  }

  @Mutation(() => EventType, { description: 'Change a draft. Only its organizer or an admin may.' })
  updateEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEventInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<EventView> {
    return changedEvent(this, new UpdateEventCommand(id, input, context), context.principal);
  }
}
