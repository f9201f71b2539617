import { createHash } from 'node:crypto';
import { badInput } from '@tally/errors';
import { MAX_MICROS } from '@tally/money';
import { accountName, Posting } from './ledger.types';

const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

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
}

/**
 * What makes two postings "the same": a replay must match this hash, or its key is being
 * reused for something else. Line order does not matter.
 */
export function contentHash(posting: Posting): string {
  const lines = posting.lines
    .map((line) => `${accountName(line.account)}=${line.amountMicros}`)
    .sort();
  const canonical = JSON.stringify([posting.kind, posting.reason ?? null, lines]);
  return createHash('sha256').update(canonical).digest('hex');
}
