import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import type { TicketTypeView } from '../application/ticket-type-view';
import { UpdateTicketTypeCapacityCommand } from '../application/update-ticket-type-capacity.handler';
import { UpdateTicketTypeSalesWindowCommand } from '../application/update-ticket-type-sales-window.handler';
import { changedTicketType } from './changed-ticket-type';
import { TicketTypeType } from './ticket-type.type';
import { UpdateTicketTypeCapacityInput } from './update-ticket-type-capacity.input';
import { UpdateTicketTypeSalesWindowInput } from './update-ticket-type-sales-window.input';

@Resolver(() => TicketTypeType)
export class TicketTypeSalesResolver {
  constructor(
    readonly commandBus: CommandBus,
    readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => TicketTypeType, {
    description:
      'Resize a ticket type of a draft or published event: never below what is sold and held, nor beyond the ' +
      "event's maximum capacity. A sold-out type that grows is back on sale.",
  })
  updateTicketTypeCapacity(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTicketTypeCapacityInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketTypeView> {
    const command = new UpdateTicketTypeCapacityCommand(id, input.totalQuantity, context);
    return changedTicketType(this, command, context.principal);
  }

  @Mutation(() => TicketTypeType, { description: 'Move when a ticket type sells, checked as at creation.' })
  updateTicketTypeSalesWindow(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTicketTypeSalesWindowInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketTypeView> {
    const command = new UpdateTicketTypeSalesWindowCommand(id, input, context);
    return changedTicketType(this, command, context.principal);
  }
}
