import { createHash } from 'node:crypto';
import { badInput } from '@tally/errors';
import { MAX_MICROS } from '@tally/money';
import { ledgerAccountName } from '@tally/transport';
import type { StoredPosting } from './ledger.repository';
import { Posting } from './ledger.types';

const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;
const USAGE_KINDS = new Set(['usage', 'usage_adjustment']);
const HOUR_MS = 3_600_000;

/** The rules every posting obeys before it reaches the database (which checks them again). */
export function assertBalanced(posting: Posting): void {
  if (!idempotencyKeyPattern.test(posting.idempotencyKey)) {
    throw badInput('idempotencyKey must be 1 to 200 printable ASCII characters without spaces', {
      reason: 'BAD_IDEMPOTENCY_KEY',
    });
  }
  if (posting.lines.length < 2) {
    throw badInput('A ledger transaction needs at least two entries', {
      reason: 'TOO_FEW_ENTRIES',
    });
  }
  let sum = 0n;
  for (const line of posting.lines) {
    if (line.amountMicros === 0n) {
      throw badInput('A ledger entry cannot be zero', { reason: 'ZERO_ENTRY' });
    }
    if (line.amountMicros > MAX_MICROS || line.amountMicros < -MAX_MICROS) {
      throw badInput('A ledger entry is out of range', { reason: 'OVERFLOW' });
    }
    sum += line.amountMicros;
  }
  if (sum !== 0n) {
    throw badInput('Ledger entries must sum to zero', { reason: 'UNBALANCED' });
  }
  assertUsageHour(posting);
}

/**
 * Usage says which hour it is for, because statements invoice it by that hour; no other kind
 * has one. An hour that has not begun cannot have been used (statements rely on usage never
 * being posted before its hour).
 */
function assertUsageHour({ kind, usageHour }: Posting): void {
  if (!USAGE_KINDS.has(kind)) {
    if (usageHour !== undefined) {
      throw badInput('Only usage and usage_adjustment transactions have a usageHour', {
        reason: 'USAGE_HOUR_NOT_USAGE',
      });
    }
    return;
  }
  if (usageHour === undefined) {
    throw badInput(`A ${kind} transaction needs the usageHour it charges for`, {
      reason: 'USAGE_HOUR_REQUIRED',
    });
  }
  if (Number.isNaN(usageHour.getTime()) || usageHour.getTime() % HOUR_MS !== 0) {
    throw badInput('usageHour must be a whole UTC hour', { reason: 'BAD_USAGE_HOUR' });
  }
  if (usageHour.getTime() > Date.now()) {
    throw badInput('usageHour must be an hour that has begun', { reason: 'BAD_USAGE_HOUR' });
  }
}

/**
 * What makes two postings "the same": a replay must match this hash, or its key is being
 * reused for something else. Line order does not matter. The usage hour is left out: postings
 * made before the ledger stored it must still replay (a half-posted hour resumed after the
 * upgrade), and metering's keys name their hour anyway.
 */
export function contentHash(posting: Posting): string {
  const lines = posting.lines
    .map((line) => `${ledgerAccountName(line.account)}=${line.amountMicros}`)
    .sort();
  const canonical = JSON.stringify([posting.kind, posting.reason ?? null, lines]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A stored posting against the content it was sent with: new, a replay, or a reused key. */
export function outcomeOf(stored: StoredPosting, expectedHash: string) {
  if (stored.created) return 'created' as const;
  return stored.contentHash === expectedHash ? ('replayed' as const) : ('conflict' as const);
}
