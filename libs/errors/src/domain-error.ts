import { ErrorCode } from './error-code';

export type ErrorDetails = Record<string, unknown>;

export interface DomainErrorOptions {
  /** Correlates a client-visible INTERNAL error with the server log line. */
  errorId?: string;
  cause?: unknown;
}

/**
 * An expected failure with a public code. Its message and details are shown to API callers
 * as-is, so they must never contain secrets or another tenant's data.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly errorId?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.errorId !== undefined) this.errorId = options.errorId;
  }
}

export function unauthenticated(message = 'Authentication required'): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message);
}

export function forbidden(message = 'Forbidden', details?: ErrorDetails): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message, details);
}

/** `notFound('Tenant', id)` → "Tenant <id> not found". */
export function notFound(what: string, id?: string): DomainError {
  const message = id === undefined ? `${what} not found` : `${what} ${id} not found`;
  return new DomainError(ErrorCode.NOT_FOUND, message, id === undefined ? { what } : { what, id });
}

export function badInput(message: string, details?: ErrorDetails): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
}

export function conflict(message: string, details?: ErrorDetails): DomainError {
  return new DomainError(ErrorCode.CONFLICT, message, details);
}

export function insufficientFunds(
  message = 'Insufficient funds',
  details?: ErrorDetails,
): DomainError {
  return new DomainError(ErrorCode.INSUFFICIENT_FUNDS, message, details);
}

export function rateLimited(message = 'Too many requests', details?: ErrorDetails): DomainError {
  return new DomainError(ErrorCode.RATE_LIMITED, message, details);
}

export function queryTooComplex(message: string, details?: ErrorDetails): DomainError {
  return new DomainError(ErrorCode.QUERY_TOO_COMPLEX, message, details);
}
