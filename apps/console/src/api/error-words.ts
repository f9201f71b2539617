import { ApiError } from './graphql-client';

// What a person can do about each refusal; the code itself is shown beside it.
const WORDS: Readonly<Record<string, string>> = {
  UNAUTHENTICATED:
    'The token was not accepted: it may have expired or been revoked. Sign in again.',
  FORBIDDEN: 'This identity may not see this.',
  NOT_FOUND: 'Nothing was found under this id, or this identity may not see it.',
  RATE_LIMITED: 'Too many requests in the last minute. Wait a moment and try again.',
  NETWORK: 'The API could not be reached. Check that the gateway is running.',
  QUERY_TOO_COMPLEX: 'The console asked for too much at once. This is a bug of the console.',
  INSUFFICIENT_FUNDS: 'The wallet does not hold enough money for this.',
  CONFLICT: 'This was already done differently under the same key, or the thing changed since.',
  STRIPE_UNAVAILABLE: 'The payment provider could not be reached. Nothing changed; try again.',
  INTERNAL: 'The API failed unexpectedly. Try again; if it keeps failing, the logs say why.',
};

/** A sentence for the user and the stable code, for any error a query or mutation throws. */
export function describeError(error: unknown): { words: string; code: string } {
  if (error instanceof ApiError) {
    return { words: WORDS[error.code] ?? error.message, code: error.code };
  }
  return { words: WORDS.INTERNAL, code: 'CONSOLE_ERROR' };
}
