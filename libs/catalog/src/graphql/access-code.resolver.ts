import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import { CreateAccessCodeCommand } from '../application/create-access-code.handler';
import { GetAccessCodeQuery } from '../application/get-access-code.handler';
import type { AccessCodeView } from '../application/ticket-type.queries';
import { AccessCodeType } from './access-code.type';
import { CreateAccessCodeInput } from './create-access-code.input';

@Resolver(() => AccessCodeType)
export class AccessCodeResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => AccessCodeType, {
    description:
      'Issue a code that unlocks INVITE_ONLY ticket types of an event, chosen or generated. ' +
      'Only its organizer or an admin may.',
  })
  async createAccessCode(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') { code, ticketTypeIds }: CreateAccessCodeInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<AccessCodeView> {
    const created = await this.commandBus.execute(
      new CreateAccessCodeCommand(eventId, code, ticketTypeIds, context),
    );
    return this.queryBus.execute(new GetAccessCodeQuery(created.eventId, created.code, context.principal));
  }
}
