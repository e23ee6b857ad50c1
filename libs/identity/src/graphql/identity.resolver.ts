import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, type GraphQLContext, RequestContext } from '@ticketing/platform';
import { type Principal, requirePrincipal } from '@ticketing/platform/domain';
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
  me(@CurrentPrincipal() principal: Principal | null): Promise<UserView> {
    return this.queryBus.execute(new GetUserQuery(requirePrincipal(principal).userId));
  }

  @ResolveField('user', () => UserType)
  user(@Parent() auth: AuthResult): Promise<UserView> {
    return this.queryBus.execute(new GetUserQuery(auth.userId));
  }
}
