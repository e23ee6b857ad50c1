import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands an error thrown in a resolver to GraphQL as it is, where `formatGraphQLError` gives it its code and logs the
 * unexpected ones. Without it Nest logs every error a resolver throws at ERROR level with its stack, a refusal such
 * as SOLD_OUT included, so a sold-out flash sale writes thousands of stacks a second, and an unexpected error is
 * logged twice. Errors of HTTP routes go to Nest's own handling, as before.
 */
@Catch()
export class GraphqlErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
