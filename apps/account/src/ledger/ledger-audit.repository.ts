import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { LedgerAuditView, MicrosString, PostedByKeyView } from '@tally/transport';

/** Read-only checks reconciliation runs against the ledger; full scans, so daily, not hourly. */
@Injectable()
export class LedgerAuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  // Sums of bigints as text are the wire form already.
  async audit(): Promise<LedgerAuditView> {
    const [sum, drift] = await Promise.all([
      this.prisma.pool.query<{ total: MicrosString }>(
        'SELECT COALESCE(SUM(amount_micros), 0)::text AS total FROM account.ledger_entries',
      ),
      this.prisma.pool.query<{
        wallet_id: string;
        balance: MicrosString;
        entries: MicrosString;
      }>(
        `SELECT w.id AS wallet_id, w.balance_micros::text AS balance,
                COALESCE(e.total, 0)::text AS entries
           FROM account.wallets w
           LEFT JOIN (SELECT wallet_id, SUM(amount_micros) AS total
                        FROM account.ledger_entries WHERE wallet_id IS NOT NULL
                       GROUP BY wallet_id) e ON e.wallet_id = w.id
          WHERE w.balance_micros <> COALESCE(e.total, 0)`,
      ),
    ]);
    return {
      entriesSumMicros: sum.rows[0].total,
      walletsOutOfBalance: drift.rows.map((row) => ({
        walletId: row.wallet_id,
        balanceMicros: row.balance,
        entriesSumMicros: row.entries,
      })),
    };
  }

  async byKeys(keys: readonly string[]): Promise<PostedByKeyView[]> {
    const { rows } = await this.prisma.pool.query<PostedByKeyView>({
      name: 'ledger_posted_by_keys',
      text: `SELECT t.idempotency_key AS "idempotencyKey", t.id AS "transactionId",
                    MIN(e.wallet_id::text) AS "walletId",
                    COALESCE(SUM(e.amount_micros) FILTER (WHERE e.wallet_id IS NOT NULL), 0)::text
                      AS "walletAmountMicros"
               FROM account.ledger_transactions t
               JOIN account.ledger_entries e ON e.transaction_id = t.id
              WHERE t.idempotency_key = ANY ($1::text[])
              GROUP BY t.id`,
      values: [keys],
    });
    return rows;
  }
}
