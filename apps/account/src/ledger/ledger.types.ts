import type { Actor, CreditSource, LedgerAccount } from '@tally/transport';

// The ledger's accounts are shared with the services that post to it (libs/transport).
export { SystemAccount, type LedgerAccount } from '@tally/transport';

export interface PostingLine {
  readonly account: LedgerAccount;
  readonly amountMicros: bigint;
}

/** One balanced transaction to post, identified by a key unique across the ledger. */
export interface Posting {
  readonly kind: string;
  readonly idempotencyKey: string;
  readonly lines: readonly PostingLine[];
  /** Why a person moved money; kept in the audit trail. */
  readonly reason?: string;
  /**
   * The UTC hour a usage charge or correction is for: required on `usage` and
   * `usage_adjustment`, refused on every other kind. Statements invoice usage by this hour.
   */
  readonly usageHour?: Date;
  /**
   * The wallet's credit here is promotional: recorded as a grant (in the same database
   * transaction) when the posting is new, spent before paid money, expiring at `expiresAt`.
   */
  readonly grant?: CreditGrantTerms;
  /**
   * A `bonus_clawback`'s bonus posting (its idempotency key): the claw-back draws from that
   * posting's grant first, then by the usual rule.
   */
  readonly clawsBack?: string;
}

export interface CreditGrantTerms {
  readonly source: CreditSource;
  readonly expiresAt: Date;
}

/** Who posted: a user, an API key, the bootstrap admin key, or one of Tally's own jobs. */
export type { Actor } from '@tally/transport';

export interface PostingContext {
  readonly actor: Actor;
  readonly requestId?: string;
}

export type PostingOutcome = 'created' | 'replayed' | 'conflict';

export interface PostedTransaction {
  readonly idempotencyKey: string;
  readonly transactionId: string;
  readonly outcome: PostingOutcome;
}
