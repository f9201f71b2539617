import { randomUUID } from 'node:crypto';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { type SerializedDomainError, serializeError } from './serialized-error';

/** What a caller may see; same shape as the RPC form so transports can forward it as-is. */
export type PublicError = SerializedDomainError;

export const INTERNAL_ERROR_MESSAGE = 'Internal error';

/**
 * Turns anything thrown into what an API caller may see. Unknown errors become INTERNAL with a
 * fresh errorId; `log` receives that id and the original error (the caller logs the stack).
 */
export function toPublicError(
  err: unknown,
  log: (errorId: string, err: unknown) => void,
): PublicError {
  if (err instanceof DomainError) {
    const pub = serializeError(err);
    // The contract promises an errorId on every INTERNAL; one relayed from another process
    // already has one (and was logged there).
    if (pub.code === ErrorCode.INTERNAL && pub.errorId === undefined) {
      pub.errorId = randomUUID();
      log(pub.errorId, err);
    }
    return pub;
  }
  const errorId = randomUUID();
  log(errorId, err);
  // Never the original message: it may hold SQL, hostnames or another tenant's data.
  return { code: ErrorCode.INTERNAL, message: INTERNAL_ERROR_MESSAGE, errorId };
}
