import { Injectable } from '@nestjs/common';
import {
  postingLine,
  RpcClient,
  SystemAccount,
  type LedgerAccount,
  type PostingRequest,
} from '@tally/transport';

const BILLING_SERVICE = { kind: 'service', service: 'billing' } as const;

/** What customers paid by card is held here until it is theirs to spend. */
export const CLEARING: LedgerAccount = { system: SystemAccount.StripeClearing };
/** Bonuses are gifts: they come from promotional credit, so revenue stays what was paid. */
export const PROMOTIONAL: LedgerAccount = { system: SystemAccount.PromotionalCredit };

/** The key of a recharge's bonus posting; its claw-back names it. */
export const bonusKey = (stripeSessionId: string) => `stripe-bonus:${stripeSessionId}`;

/** `micros` into (or, negative, out of) the wallet, against `counterpart`. */
export function walletPosting(
  kind: string,
  idempotencyKey: string,
  walletId: string,
  micros: bigint,
  counterpart: LedgerAccount,
): PostingRequest {
  return {
    kind,
    idempotencyKey,
    lines: [postingLine({ walletId }, micros), postingLine(counterpart, -micros)],
  };
}

/** Billing's postings (recharges, bonuses, refunds) to the account service's ledger. */
@Injectable()
export class RechargeLedger {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Posts in one message. Answers the keys the ledger already holds with other lines
   * (`conflict`); every other key is in the ledger now, created or replayed.
   */
  async post(postings: readonly PostingRequest[]): Promise<ReadonlySet<string>> {
    if (postings.length === 0) return new Set();
    const results = await this.rpc.send('account.ledger.postBatch', {
      principal: BILLING_SERVICE,
      input: { postings },
    });
    return new Set(results.filter((r) => r.outcome === 'conflict').map((r) => r.idempotencyKey));
  }
}
