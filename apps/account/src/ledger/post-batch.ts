import { Injectable } from '@nestjs/common';
import { badInput } from '@tally/errors';
import { carriesCredit, CreditGrantRepository } from '../credits/credit-grant.repository';
import { LedgerRepository } from './ledger.repository';
import { Posting, PostedTransaction, PostingContext } from './ledger.types';
import { assertBalanced, contentHash, outcomeOf } from './posting-rules';

export const MAX_BATCH_SIZE = 5000;

/**
 * Posts thousands of independent transactions (metering's hourly charges) in one round
 * trip. Each is idempotent on its own key; the result says, per key, whether it was new,
 * a replay, or a conflicting reuse of the key (which is not posted). Wallets may go below
 * zero: that is debt, and the debt controller deals with it.
 */
@Injectable()
export class PostBatch {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly grants: CreditGrantRepository,
  ) {}

  async execute(
    postings: readonly Posting[],
    context: PostingContext,
  ): Promise<PostedTransaction[]> {
    if (postings.length === 0) return [];
    if (postings.length > MAX_BATCH_SIZE) {
      throw badInput(`A batch holds at most ${MAX_BATCH_SIZE} transactions`, {
        reason: 'BATCH_TOO_LARGE',
      });
    }
    const hashes = new Map<string, string>();
    for (const posting of postings) {
      assertBalanced(posting);
      if (hashes.has(posting.idempotencyKey)) {
        throw badInput(`Idempotency key ${posting.idempotencyKey} appears twice in the batch`, {
          reason: 'DUPLICATE_KEY_IN_BATCH',
        });
      }
      hashes.set(posting.idempotencyKey, contentHash(posting));
    }
    // Postings that grant, claw back or move credit are written with their grants, atomically.
    const stored = postings.some(carriesCredit)
      ? await this.grants.postGranting(postings, [...hashes.values()], context, false)
      : await this.ledger.post(postings, [...hashes.values()], context, false);
    return stored.map((row) => ({
      idempotencyKey: row.idempotencyKey,
      transactionId: row.transactionId,
      outcome: outcomeOf(row, hashes.get(row.idempotencyKey)!),
    }));
  }
}
