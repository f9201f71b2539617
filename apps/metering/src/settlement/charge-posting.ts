import { postingLine, revenueAccount, type PostingRequest } from '@tally/transport';
import type { FrozenLine } from './settlement.repository';

export function chargeKey(namespace: string, hour: Date): string {
  return `charge:${namespace}:${hour.toISOString()}`;
}

/**
 * `charge:<namespace>:<hour>`: the wallet pays the total, each resource's revenue account
 * receives its line, and the ledger records the hour it is for (statements invoice by it). Reconciliation's corrections have the same shape with signed lines (a
 * negative line gives money back). Lines of zero have no entry: the ledger has no zero
 * entries, and neither has the wallet when the corrections cancel out.
 */
export function usagePosting(
  kind: 'usage' | 'usage_adjustment',
  idempotencyKey: string,
  hour: Date,
  walletId: string,
  lines: readonly FrozenLine[],
  reason?: string,
): PostingRequest {
  const entries = lines.filter((line) => line.amountMicros !== 0n);
  const total = entries.reduce((sum, line) => sum + line.amountMicros, 0n);
  return {
    kind,
    idempotencyKey,
    reason,
    usageHour: hour.toISOString(),
    lines: [
      ...(total === 0n ? [] : [postingLine({ walletId }, -total)]),
      ...entries.map((line) => postingLine(revenueAccount(line.resource), line.amountMicros)),
    ],
  };
}
