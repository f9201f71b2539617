import type { AlongsidePosting } from '../ledger/ledger.repository';
import type { AuditEntry } from './audit-entry';
import type { AuditRepository } from './audit.repository';

/**
 * The audit record of an action that is one ledger posting, written in the posting's database
 * transaction: both or neither. Keyed by the posting's idempotency key and written only when
 * the posting is new, so a replay (the key already in the ledger) adds no second record.
 */
export function auditPosted(
  audit: AuditRepository,
  entry: Omit<AuditEntry, 'actionKey' | 'transactionId'>,
): AlongsidePosting {
  return async (client, stored) => {
    for (const posting of stored) {
      if (!posting.created) continue;
      const record = {
        ...entry,
        actionKey: posting.idempotencyKey,
        transactionId: posting.transactionId,
      };
      await audit.record(record, client);
    }
  };
}
