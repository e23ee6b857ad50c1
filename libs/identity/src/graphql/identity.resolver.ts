import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, type GraphQLContext, RequestContext } from '@ticketing/platform';
import { notFound, type Principal, requirePrincipal } from '@ticketing/platform/domain';
import { LogInCommand } from '../application/log-in.handler';
import { LogOutCommand } from '../application/log-out.handler';
import { GetUserQuery } from '../application/get-user.handler';
import type { AuthResult } from '../application/sessions';
import { SignUpCommand } from '../application/sign-up.handler';
import type { UserView } from '../application/user.queries';
import { AuthPayloadType, LogInInput, SignUpInput, UserType } from './identity.types';

@Resolver(() => AuthPayloadType)
export class IdentityResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => AuthPayloadType, { description: 'Create an account and start a session.' })
  signUp(@Args('input') input: SignUpInput, @RequestContext() context: GraphQLContext): Promise<AuthResult> {
    return this.commandBus.execute(new SignUpCommand(input, context));
  }

  @Mutation(() => AuthPayloadType, { description: 'Start a session with an e-mail address and password.' })
  logIn(@Args('input') input: LogInInput, @RequestContext() context: GraphQLContext): Promise<AuthResult> {
    return this.commandBus.execute(new LogInCommand(input, context));
  }

  @Mutation(() => Boolean, {
    description: "End the caller's session: its access token stops working at once.",
  })
  logOut(@RequestContext() context: GraphQLContext): Promise<boolean> {
    return this.commandBus.execute(new LogOutCommand(context));
  }

  @Query(() => UserType, { description: 'The signed-in user.' })
  async me(@CurrentPrincipal() principal: Principal | null): Promise<UserView> {
    const { userId } = requirePrincipal(principal);
    const user = await this.queryBus.execute(new GetUserQuery(userId));
    if (!user) throw notFound('User', userId);
    return user;
  }

  @ResolveField('user', () => UserType)
  async user(@Parent() auth: AuthResult): Promise<UserView> {
    const user = await this.queryBus.execute(new GetUserQuery(auth.userId));
    if (!user) throw notFound('User', auth.userId);
    return user;
  }
}
