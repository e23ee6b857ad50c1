import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import type { TicketTypeView } from '../application/ticket-type-view';
import { UpdatePublishedTicketTypeCommand } from '../application/update-published-ticket-type.handler';
import { changedTicketType } from './changed-ticket-type';
import { TicketTypeType } from './ticket-type.type';
import { UpdatePublishedTicketTypeInput } from './update-published-ticket-type.input';

@Resolver(() => TicketTypeType)
export class PublishedTicketTypeResolver {
  constructor(
    readonly commandBus: CommandBus,
    readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => TicketTypeType, {
    description:
      "Change a published event's ticket type: its visibility, perks and status only. The sales window and the " +
      'capacity have mutations of their own.',
  })
  updatePublishedTicketType(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePublishedTicketTypeInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketTypeView> {
    return changedTicketType(
      this,
      new UpdatePublishedTicketTypeCommand(id, input, context),
      context.principal,
    );
  }
}
