import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Authenticator } from '@ticketing/identity';
import {
  type AppConfig,
  formatGraphQLError,
  type GraphQLContext,
  newId,
  queryLimitsPlugin,
} from '@ticketing/platform';
import { AppError } from '@ticketing/platform/domain';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';

/**
 * Code-first schema, errors mapped to our codes, depth and cost bounded, and the caller authenticated once per
 * request: a token that does not hold fails the whole request with UNAUTHENTICATED rather than running as anonymous.
 * Apollo's cache-control plugin is off: no field declares a cache hint, and while it is on, Apollo wraps every
 * field's resolver to ask it for one, a quarter of the CPU of a list of 24 ticket types.
 */
export function graphqlOptions(config: AppConfig, authenticator: Authenticator): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    formatError: formatGraphQLError,
    plugins: [ApolloServerPluginCacheControlDisabled(), queryLimitsPlugin(config.graphql)],
    context: async ({ req, res }: { req: Request; res: Response }): Promise<GraphQLContext> => {
      const correlationId = req.header('x-correlation-id') || newId();
      try {
        const principal = await authenticator.authenticate(req.header('authorization'));
        return { req, res, principal, correlationId };
      } catch (error) {
        if (error instanceof AppError) {
          throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
        }
        throw error;
      }
    },
  };
}
