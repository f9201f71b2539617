import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { moveDrawnCredit } from '../credits/credit-grant.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { Posting, PostingContext } from '../ledger/ledger.types';
import { contentHash } from '../ledger/posting-rules';

export interface TopUp {
  readonly subAccountId: string;
  readonly subAccountWalletId: string;
  readonly tenantWalletId: string;
  readonly budgetMicros: bigint;
  /** First day of the month, UTC, as YYYY-MM-DD. */
  readonly month: string;
}

export type TopUpOutcome =
  | { readonly status: 'done'; readonly movedMicros: bigint; readonly shortfallMicros: bigint }
  | { readonly status: 'already-done' };

@Injectable()
export class BudgetTopUpRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly ledger: LedgerRepository,
  ) {}

  /**
   * Moves one month's budget into a sub-account, once. The tenant wallet is locked first so
   * the amount moved is what it holds; the month's row (primary key: sub-account, month)
   * and the ledger transfer commit together, so a second run — concurrent, late, or after
   * a crash — finds the row and moves nothing.
   */
  async topUp(topUp: TopUp, context: PostingContext): Promise<TopUpOutcome> {
    const client = await this.prisma.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ balance: string }>(
        'SELECT balance_micros AS balance FROM account.wallets WHERE id = $1 FOR NO KEY UPDATE',
        [topUp.tenantWalletId],
      );
      const available = rows.length === 0 ? 0n : BigInt(rows[0].balance);
      const moved =
        available <= 0n ? 0n : available < topUp.budgetMicros ? available : topUp.budgetMicros;
      const recorded = await client.query(
        `INSERT INTO account.budget_top_ups
           (sub_account_id, month, budget_micros, moved_micros, shortfall_micros)
         VALUES ($1, $2::date, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [topUp.subAccountId, topUp.month, topUp.budgetMicros, moved, topUp.budgetMicros - moved],
      );
      if (recorded.rowCount === 0) {
        await client.query('ROLLBACK');
        return { status: 'already-done' };
      }
      if (moved > 0n) {
        const posting = budgetPosting(topUp, moved);
        const [posted] = await this.ledger.post(
          [posting],
          [contentHash(posting)],
          context,
          true,
          client,
        );
        // Credit the tenant wallet's paid money could not cover stays credit, expiring as before.
        if (posted.created) await moveDrawnCredit(client, posting, posted.transactionId);
        await client.query(
          'UPDATE account.budget_top_ups SET transaction_id = $1 WHERE sub_account_id = $2 AND month = $3::date',
          [posted.transactionId, topUp.subAccountId, topUp.month],
        );
      }
      await client.query('COMMIT');
      return { status: 'done', movedMicros: moved, shortfallMicros: topUp.budgetMicros - moved };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

function budgetPosting(topUp: TopUp, moved: bigint): Posting {
  return {
    kind: 'budget',
    idempotencyKey: `budget:${topUp.subAccountId}:${topUp.month.slice(0, 7)}`,
    lines: [
      { account: { walletId: topUp.tenantWalletId }, amountMicros: -moved },
      { account: { walletId: topUp.subAccountWalletId }, amountMicros: moved },
    ],
  };
}
