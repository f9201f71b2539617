import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, isErrorCode, toPublicError } from '@tally/errors';
import { GraphQLFormattedError } from 'graphql';

const logger = new Logger('GraphQL');

// Apollo's own codes for requests the caller got wrong.
const callerMistakes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const codeForHttpStatus: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * Every error leaves the gateway with one of the contract's codes in `extensions.code`.
 * Anything unexpected becomes INTERNAL with an errorId, logged here with its stack.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const cause = unwrapResolverError(error);
  const apolloCode = formatted.extensions?.code;
  const { locations, path } = formatted;

  let known: unknown = cause;
  if (cause instanceof HttpException && codeForHttpStatus[cause.getStatus()]) {
    known = new DomainError(codeForHttpStatus[cause.getStatus()], cause.message);
  } else if (!(cause instanceof DomainError) && typeof apolloCode === 'string') {
    if (callerMistakes.has(apolloCode)) {
      known = new DomainError(ErrorCode.BAD_USER_INPUT, formatted.message);
    } else if (isErrorCode(apolloCode) && apolloCode !== ErrorCode.INTERNAL) {
      known = new DomainError(apolloCode, formatted.message);
    }
  }
  const { code, message, details, errorId } = toPublicError(known, (id, original) =>
    logger.error({ err: original, errorId: id }, 'unhandled error in GraphQL operation'),
  );
  return { message, locations, path, extensions: { ...details, code, errorId } };
}
