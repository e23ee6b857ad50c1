import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import {
  type ASTNode,
  BREAK,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../domain/errors';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/**
 * Bounds every operation's depth and cost before it runs, so one request cannot make the server walk the graph.
 * Fields declare their cost through `complexity` in `@Field`; list fields multiply by their `first` argument.
 *
 * Apollo hands the same document object to every request with the same query text, so what depends on the document
 * alone is worked out once: its depth, and its cost when no variable can change it. Costing again walks the document
 * and coerces every variable, which for a mutation with a large input costs more than the rest of the check.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  const withinDepth = new WeakSet<DocumentNode>();
  const fixedCosts = new WeakMap<DocumentNode, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          if (!withinDepth.has(document)) {
            const depthErrors = validate(schema, document, [depthLimit(limits.maxDepth)]);
            if (depthErrors.length > 0) {
              throw tooComplex(`Query is deeper than the allowed ${limits.maxDepth} levels`);
            }
            withinDepth.add(document);
          }
          let complexity = fixedCosts.get(document);
          if (complexity === undefined) {
            complexity = costOf(() =>
              getComplexity({
                schema,
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
              }),
            );
            if (hasOneOperation(document) && !costReadsVariables(schema, document)) {
              fixedCosts.set(document, complexity);
            }
          }
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

/** With several operations, which one runs, and so the cost, is the request's choice. */
function hasOneOperation(document: DocumentNode): boolean {
  return (
    document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length === 1
  );
}

/**
 * Whether a variable can change what the document costs: one passed to a field whose cost is a function of its
 * arguments (a list's `first`), or to a directive (`@include(if: $flag)` adds or drops a whole subtree).
 */
function costReadsVariables(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let readsVariables = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const costFunction = typeof typeInfo.getFieldDef()?.extensions?.complexity === 'function';
        if (costFunction && node.arguments?.some(usesVariable)) readsVariables = true;
      },
      Directive(node) {
        if (node.arguments?.some(usesVariable)) readsVariables = true;
      },
    }),
  );
  return readsVariables;
}

function usesVariable(node: ASTNode): boolean {
  let found = false;
  visit(node, {
    Variable() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}
