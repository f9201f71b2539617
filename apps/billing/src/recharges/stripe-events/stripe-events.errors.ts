import { DomainError, ErrorCode } from '@tally/errors';

/** The recharge an event is about is not committed yet: the event is retried with backoff. */
export class RechargeNotYetRecorded extends Error {}

/**
 * A key already in the ledger with other lines: the ledger holds something other than what
 * the event says was paid or refunded. Money is never overwritten; the event stays failed and
 * visible (its `error`) for a person to look at, as settlement does with a charge conflict.
 */
export function ledgerConflict(keys: readonly string[]): DomainError {
  return new DomainError(
    ErrorCode.INTERNAL,
    `The ledger holds other lines under ${keys.join(', ')}`,
    { reason: 'LEDGER_CONFLICT', keys: keys.slice(0, 10) },
  );
}
