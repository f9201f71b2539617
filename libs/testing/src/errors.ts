import { DomainError } from '@tally/errors';

/** The `details.reason` of the DomainError that `call` throws; anything else fails the test. */
export function reasonOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error.details?.reason;
    throw error;
  }
  throw new Error('expected a DomainError');
}
