import { Logger } from '@nestjs/common';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { AppError, ErrorCode } from '../domain/errors';

const logger = new Logger('GraphQL');

/** Apollo's own codes for malformed requests, folded into ours so clients learn one list. */
const apolloInputCodes: Record<string, ErrorCode> = {
  BAD_USER_INPUT: ErrorCode.VALIDATION_FAILED,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.VALIDATION_FAILED,
  GRAPHQL_PARSE_FAILED: ErrorCode.VALIDATION_FAILED,
  BAD_REQUEST: ErrorCode.VALIDATION_FAILED,
};

/**
 * Every error leaves with a stable `extensions.code` from `ErrorCode`. Our own errors keep their reason and details;
 * anything unexpected is logged and masked, so a client never sees a stack or an internal message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, reason: original.reason, ...original.details },
    };
  }
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && apolloCode in apolloInputCodes) {
    return { ...formatted, extensions: { code: apolloInputCodes[apolloCode] } };
  }
  if (typeof apolloCode === 'string' && (Object.values(ErrorCode) as string[]).includes(apolloCode)) {
    return { ...formatted, extensions: { code: apolloCode, reason: formatted.extensions?.reason } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
