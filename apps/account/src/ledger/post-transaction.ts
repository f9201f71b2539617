import { Injectable } from '@nestjs/common';
import { conflict } from '@tally/errors';
import { carriesCredit, CreditGrantRepository } from '../credits/credit-grant.repository';
import { LedgerRepository, type AlongsidePosting } from './ledger.repository';
import { Posting, PostedTransaction, PostingContext } from './ledger.types';
import { assertBalanced, contentHash, outcomeOf } from './posting-rules';

export interface PostOptions {
  /** Usage charges may take a wallet below zero (that is debt); nothing else may. */
  readonly allowNegative?: boolean;
  /** Writes committed with the posting, in its database transaction (an audit record). */
  readonly alongside?: AlongsidePosting;
}

/**
 * Posts one balanced transaction. A replay with the same key and content returns the
 * original transaction and changes nothing; the same key with other content is a CONFLICT.
 */
@Injectable()
export class PostTransaction {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly grants: CreditGrantRepository,
  ) {}

  async execute(
    posting: Posting,
    context: PostingContext,
    options: PostOptions = {},
  ): Promise<PostedTransaction> {
    assertBalanced(posting);
    const hash = contentHash(posting);
    const enforceFloor = !options.allowNegative;
    // A transfer's credit moves with it (CreditGrantRepository.postGranting), atomically.
    const { alongside } = options;
    const [stored] = carriesCredit(posting)
      ? await this.grants.postGranting([posting], [hash], context, enforceFloor, alongside)
      : alongside === undefined
        ? await this.ledger.post([posting], [hash], context, enforceFloor)
        : await this.ledger.postAlongside([posting], [hash], context, enforceFloor, alongside);
    const outcome = outcomeOf(stored, hash);
    if (outcome === 'conflict') {
      throw conflict(
        `Idempotency key ${posting.idempotencyKey} was already used for a different transaction`,
        { reason: 'IDEMPOTENCY_KEY_REUSED', transactionId: stored.transactionId },
      );
    }
    return { idempotencyKey: stored.idempotencyKey, transactionId: stored.transactionId, outcome };
  }
}
