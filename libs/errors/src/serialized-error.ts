import { DomainError, type ErrorDetails } from './domain-error';
import { ErrorCode, isErrorCode } from './error-code';

/** JSON-safe form of a DomainError, for RPC replies and queued-job failures. */
export interface SerializedDomainError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
  errorId?: string;
}

export function serializeError(e: DomainError): SerializedDomainError {
  // Omit absent keys so the JSON stays minimal and round-trips to an equal object.
  const out: SerializedDomainError = { code: e.code, message: e.message };
  if (e.details !== undefined) out.details = e.details;
  if (e.errorId !== undefined) out.errorId = e.errorId;
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks a payload received from another process before trusting it as a domain error. */
export function isSerializedDomainError(x: unknown): x is SerializedDomainError {
  return (
    isPlainObject(x) &&
    isErrorCode(x.code) &&
    typeof x.message === 'string' &&
    (x.details === undefined || isPlainObject(x.details)) &&
    (x.errorId === undefined || typeof x.errorId === 'string')
  );
}

export function deserializeError(x: SerializedDomainError): DomainError {
  return new DomainError(x.code, x.message, x.details, { errorId: x.errorId });
}
