/** Every error the public API can return; the string values are the GraphQL `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INSUFFICIENT_FUNDS = 'INSUFFICIENT_FUNDS',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A payment provider could not be reached; the same request may be sent again. */
  STRIPE_UNAVAILABLE = 'STRIPE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

// A Record (not a switch) so that adding a code without a status fails to compile.
const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  // 422: the request was well-formed but the wallet cannot cover it.
  [ErrorCode.INSUFFICIENT_FUNDS]: 422,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  // 503: nothing is wrong with the request; Stripe is down or unreachable from here.
  [ErrorCode.STRIPE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL]: 500,
};

/** HTTP status for REST responses carrying this code. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

const CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** True when `value` is one of the ErrorCode strings (e.g. read off the wire). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.has(value);
}
