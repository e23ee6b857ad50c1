import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, validate } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../domain/errors';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/**
 * Bounds every operation's depth and cost before it runs, so one request cannot make the server walk the graph.
 * Fields declare their cost through `complexity` in `@Field`; list fields multiply by their `first` argument.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const depthErrors = validate(schema, document, [depthLimit(limits.maxDepth)]);
          if (depthErrors.length > 0) {
            throw tooComplex(`Query is deeper than the allowed ${limits.maxDepth} levels`);
          }
          const complexity = costOf(() =>
            getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            }),
          );
          if (complexity > limits.maxComplexity) {
            throw tooComplex(`Query costs ${complexity}, more than the allowed ${limits.maxComplexity}`);
          }
        },
      };
    },
  };
}

/** Costing coerces the variables before Apollo does, so a malformed variable surfaces here first. */
function costOf(measure: () => number): number {
  try {
    return measure();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: { code: ErrorCode.VALIDATION_FAILED, http: { status: 400 } },
    });
  }
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}
