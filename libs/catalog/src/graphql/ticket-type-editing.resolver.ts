import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import { CreateTicketTypeCommand } from '../application/create-ticket-type.handler';
import type { TicketTypeView } from '../application/ticket-type-view';
import { UpdateTicketTypeCommand } from '../application/update-ticket-type.handler';
import { changedTicketType } from './changed-ticket-type';
import { CreateTicketTypeInput } from './create-ticket-type.input';
import { TicketTypeType } from './ticket-type.type';
import { UpdateTicketTypeInput } from './update-ticket-type.input';

@Resolver(() => TicketTypeType)
export class TicketTypeEditingResolver {
  constructor(
    readonly commandBus: CommandBus,
    readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => TicketTypeType, {
    description: 'Add a ticket type to a draft or published event. Only its organizer or an admin may.',
  })
  createTicketType(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: CreateTicketTypeInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketTypeView> {
    return changedTicketType(this, new CreateTicketTypeCommand(eventId, input, context), context.principal);
  }

  @Mutation(() => TicketTypeType, {
    description: 'Change any field of a ticket type while its event is a draft.',
  })
  updateTicketType(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTicketTypeInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketTypeView> {
    return changedTicketType(this, new UpdateTicketTypeCommand(id, input, context), context.principal);
  }
}
