/**
 * System accounts sit on the other side of wallet postings. They have no balance row —
 * their balance is the sum of their entries — so no posting ever waits on them.
 */
export enum SystemAccount {
  StripeClearing = 'system:stripe_clearing',
  Revenue = 'system:revenue',
  // Usage revenue per resource (`system:revenue:<resource lowercase>`), credited by settlement.
  RevenueCpu = 'system:revenue:cpu',
  RevenueMemory = 'system:revenue:memory',
  RevenueStorage = 'system:revenue:storage',
  RevenueGpu = 'system:revenue:gpu',
  RevenueNetworkEgress = 'system:revenue:network_egress',
  RevenueNodeport = 'system:revenue:nodeport',
  PromotionalCredit = 'system:promotional_credit',
  Adjustments = 'system:adjustments',
  WriteOff = 'system:write_off',
}

export type LedgerAccount = { readonly walletId: string } | { readonly system: SystemAccount };

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
}

/** Who posted: a user, an API key, the bootstrap admin key, or one of Tally's own jobs. */
export interface Actor {
  readonly type: 'user' | 'api_key' | 'admin_key' | 'system';
  readonly id?: string;
}

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

export function accountName(account: LedgerAccount): string {
  return 'walletId' in account ? `wallet:${account.walletId}` : account.system;
}
