import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import { DeleteTicketTypeCommand } from '../application/delete-ticket-type.handler';
import type { TicketTypeView } from '../application/ticket-type-view';
import { UpdateTicketTypeStatusCommand } from '../application/update-ticket-type-status.handler';
import { changedTicketType } from './changed-ticket-type';
import { TicketTypeType } from './ticket-type.type';
import { UpdateTicketTypeStatusInput } from './update-ticket-type-status.input';

@Resolver(() => TicketTypeType)
export class TicketTypeLifecycleResolver {
  constructor(
    readonly commandBus: CommandBus,
    readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => TicketTypeType, {
    description: 'Pause (INACTIVE), resume (ACTIVE) or close (CLOSED, final).',
  })
  updateTicketTypeStatus(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTicketTypeStatusInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketTypeView> {
    return changedTicketType(
      this,
      new UpdateTicketTypeStatusCommand(id, input.status, context),
      context.principal,
    );
  }

  @Mutation(() => ID, {
    description:
      'Delete a ticket type nothing of which was ever sold; close it instead once it has sold. Answers its id.',
  })
  deleteTicketType(
    @Args('id', { type: () => ID }) id: string,
    @RequestContext() context: GraphQLContext,
  ): Promise<string> {
    return this.commandBus.execute(new DeleteTicketTypeCommand(id, context));
  }
}
