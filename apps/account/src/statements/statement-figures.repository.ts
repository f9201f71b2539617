import { Injectable } from '@nestjs/common';
import { toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import {
  REVENUE_ACCOUNT_PREFIX,
  SystemAccount,
  type CreditFigures,
  type KindMovement,
  type MicrosString,
  type UsageCharged,
  type UsageFigure,
  type WalletFigures,
  type WalletKind,
} from '@tally/transport';

export interface Period {
  readonly start: Date;
  readonly end: Date;
}

/** Which usage postings a statement charges, beyond the period's own hours (UsageCharged). */
export interface UsageWindow {
  /** Prior-period usage counts when posted from here on (at or after the period start). */
  readonly since: Date;
  /** Usage posted from here on is left to later statements; null: none yet. */
  readonly cutoff: Date | null;
}

const NO_CREDIT: CreditFigures = {
  openingMicros: toWireMicros(0n),
  grantedMicros: toWireMicros(0n),
  movedInMicros: toWireMicros(0n),
  usedMicros: toWireMicros(0n),
  movedOutMicros: toWireMicros(0n),
  closingMicros: toWireMicros(0n),
};

interface WalletRow {
  id: string;
  kind: WalletKind;
  sub_account_id: string | null;
  sub_account_name: string | null;
}

/**
 * A tenant's ledger figures for a period. Balances and movements are by posting time
 * (`ledger_entries.created_at`): an entry belongs to the period it was posted in, so opening +
 * movements = closing holds exactly for every wallet. Usage is also read by the hour it is for
 * (`ledger_transactions.usage_hour`), which is what statements charge by. Reads only; every
 * query takes the tenant's wallets as its scope. Sums come back as the text of an integer,
 * which is the wire form of micro-units already.
 */
@Injectable()
export class StatementFiguresRepository {
  constructor(private readonly prisma: PrismaService) {}

  async walletFigures(tenantId: string, period: Period): Promise<WalletFigures[]> {
    const { rows: wallets } = await this.prisma.pool.query<WalletRow>(
      `SELECT w.id, w.kind, w.sub_account_id, s.name AS sub_account_name
         FROM account.wallets w
         LEFT JOIN account.sub_accounts s ON s.id = w.sub_account_id
        WHERE w.tenant_id = $1
        ORDER BY w.kind DESC, s.name, w.id`,
      [tenantId],
    );
    const ids = wallets.map((w) => w.id);
    const [balances, movements, credit] = await Promise.all([
      this.balances(ids, period),
      this.movements(ids, period),
      this.credit(ids, period),
    ]);
    return wallets.map((wallet) => ({
      walletId: wallet.id,
      kind: wallet.kind,
      subAccountId: wallet.sub_account_id,
      subAccountName: wallet.sub_account_name,
      openingMicros: balances.get(wallet.id)?.opening ?? toWireMicros(0n),
      closingMicros: balances.get(wallet.id)?.closing ?? toWireMicros(0n),
      movements: movements.get(wallet.id) ?? [],
      credit: credit.get(wallet.id) ?? NO_CREDIT,
    }));
  }

  /**
   * Usage charges and their reconciliation corrections, per wallet, namespace and resource, by
   * the month of the hour they are for and by where the statement puts them (UsageCharged):
   * what the transactions moved to `system:revenue:<resource>` (a charge takes money off the
   * wallet, entry < 0, and adds it to revenue, entry > 0: consumed is positive). The namespace
   * is the second field of the key (`charge:<ns>:<hour>`, `recon:<ns>:<hour>:<n>`). Each such
   * transaction debits exactly one wallet. Usage is never posted before its hour (the ledger
   * refuses an hour that has not begun), so nothing posted before the period is read.
   */
  async usageFigures(
    walletIds: readonly string[],
    period: Period,
    window: UsageWindow,
  ): Promise<UsageFigure[]> {
    const { rows } = await this.prisma.pool.query<{
      wallet_id: string;
      namespace: string;
      resource: string;
      kind: string;
      usage_month: string;
      charged: UsageCharged;
      posted_in_period: boolean;
      amount: MicrosString;
    }>(
      `WITH usage AS (
         SELECT w.wallet_id,
                split_part(t.idempotency_key, ':', 2) AS namespace,
                coalesce(nullif(upper(substr(r.account, length($6::text) + 1)), ''),
                         'UNSPECIFIED') AS resource,
                t.kind,
                -- Null only for usage posted before the ledger had the column, under a key
                -- the migration could not read an hour from: counted by its posting hour.
                coalesce(t.usage_hour, date_trunc('hour', w.created_at, 'UTC')) AS hour,
                w.created_at AS posted_at,
                r.amount_micros
           FROM account.ledger_entries w
           JOIN account.ledger_transactions t ON t.id = w.transaction_id
           JOIN account.ledger_entries r
             ON r.transaction_id = w.transaction_id
            AND (r.account = $7 OR r.account LIKE ($6::text || '%'))
          WHERE w.wallet_id = ANY ($1::uuid[])
            AND w.created_at >= $2 AND w.created_at < coalesce($5::timestamptz, 'infinity')
            AND t.kind IN ('usage', 'usage_adjustment')
       ), placed AS (
         SELECT usage.*,
                CASE
                  WHEN hour >= $2 AND hour < $3 THEN 'period'
                  WHEN hour < $2 AND posted_at >= $4 THEN 'prior'
                END AS charged,
                posted_at < $3 AS posted_in_period
           FROM usage
       )
       SELECT wallet_id, namespace, resource, kind,
              to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM') AS usage_month, charged,
              posted_in_period, sum(amount_micros)::text AS amount
         FROM placed
        WHERE charged IS NOT NULL OR posted_in_period
        GROUP BY 1, 2, 3, 4, 5, 6, 7
        ORDER BY 5, 2, 3, 4, 1, 6, 7`,
      [
        walletIds,
        period.start,
        period.end,
        window.since,
        window.cutoff,
        REVENUE_ACCOUNT_PREFIX,
        SystemAccount.Revenue,
      ],
    );
    return rows.map((row) => ({
      walletId: row.wallet_id,
      namespace: row.namespace,
      resource: row.resource,
      kind: row.kind,
      usageMonth: row.usage_month,
      charged: row.charged,
      postedInPeriod: row.posted_in_period,
      amountMicros: row.amount,
    }));
  }

  /** Tenants that existed before `before`: the ones a month-end run owes a statement. */
  async tenantIdsBefore(before: Date): Promise<string[]> {
    const { rows } = await this.prisma.pool.query<{ id: string }>(
      `SELECT id FROM account.tenants WHERE created_at < $1 ORDER BY id`,
      [before],
    );
    return rows.map((row) => row.id);
  }

  private async balances(walletIds: readonly string[], period: Period) {
    const { rows } = await this.prisma.pool.query<{
      wallet_id: string;
      opening: MicrosString;
      closing: MicrosString;
    }>(
      `SELECT wallet_id,
              coalesce(sum(amount_micros) FILTER (WHERE created_at < $2), 0)::text AS opening,
              coalesce(sum(amount_micros) FILTER (WHERE created_at < $3), 0)::text AS closing
         FROM account.ledger_entries
        WHERE wallet_id = ANY ($1::uuid[])
        GROUP BY wallet_id`,
      [walletIds, period.start, period.end],
    );
    return new Map(rows.map((row) => [row.wallet_id, row]));
  }

  /**
   * Open credit at an instant is what grants brought in before it, less what was drawn from
   * them and what expired before it. Grants, draws and expiries are written in their ledger
   * transactions with the same clock as the entries, so the instants cut them as they cut
   * balances.
   *
   * Credit a transfer or budget top-up moved between the tenant's wallets is neither granted
   * nor used (moveDrawnCredit): the receiving wallet's grant names the grant it came from
   * (moved_from_grant_id) and is written in the move's own transaction, so a draw is moved out
   * exactly when that transaction wrote a grant moved from the draw's grant (the unique key
   * (transaction_id, moved_from_grant_id)). A draw of the same transaction from the new grant
   * itself (it paid the receiving wallet's debt on arrival) is used.
   */
  private async credit(walletIds: readonly string[], period: Period) {
    const { rows } = await this.prisma.pool.query<{
      wallet_id: string;
      opening: MicrosString;
      granted: MicrosString;
      moved_in: MicrosString;
      used: MicrosString;
      moved_out: MicrosString;
      closing: MicrosString;
    }>(
      `WITH flows AS (
         SELECT wallet_id, created_at AS at, amount_micros AS micros,
                CASE WHEN moved_from_grant_id IS NULL THEN 'granted' ELSE 'moved_in' END AS flow
           FROM account.credit_grants WHERE wallet_id = ANY ($1::uuid[])
         UNION ALL
         SELECT g.wallet_id, d.created_at, -d.amount_micros,
                CASE WHEN EXISTS (SELECT 1 FROM account.credit_grants moved
                                   WHERE moved.transaction_id = d.transaction_id
                                     AND moved.moved_from_grant_id = d.grant_id)
                     THEN 'moved_out' ELSE 'used' END
           FROM account.credit_draws d JOIN account.credit_grants g ON g.id = d.grant_id
          WHERE g.wallet_id = ANY ($1::uuid[])
         UNION ALL
         SELECT wallet_id, expired_at, -expired_micros, 'expired'
           FROM account.credit_grants
          WHERE wallet_id = ANY ($1::uuid[]) AND expired_at IS NOT NULL
       )
       SELECT wallet_id,
              coalesce(sum(micros) FILTER (WHERE at < $2), 0)::text AS opening,
              coalesce(sum(micros) FILTER (WHERE flow = 'granted' AND at >= $2 AND at < $3), 0)::text AS granted,
              coalesce(sum(micros) FILTER (WHERE flow = 'moved_in' AND at >= $2 AND at < $3), 0)::text AS moved_in,
              coalesce(-sum(micros) FILTER (WHERE flow = 'used' AND at >= $2 AND at < $3), 0)::text AS used,
              coalesce(-sum(micros) FILTER (WHERE flow = 'moved_out' AND at >= $2 AND at < $3), 0)::text AS moved_out,
              coalesce(sum(micros) FILTER (WHERE at < $3), 0)::text AS closing
         FROM flows GROUP BY wallet_id`,
      [walletIds, period.start, period.end],
    );
    return new Map(
      rows.map((row): [string, CreditFigures] => [
        row.wallet_id,
        {
          openingMicros: row.opening,
          grantedMicros: row.granted,
          movedInMicros: row.moved_in,
          usedMicros: row.used,
          movedOutMicros: row.moved_out,
          closingMicros: row.closing,
        },
      ]),
    );
  }

  private async movements(walletIds: readonly string[], period: Period) {
    const { rows } = await this.prisma.pool.query<{
      wallet_id: string;
      kind: string;
      amount: MicrosString;
      transactions: number;
    }>(
      `SELECT e.wallet_id, t.kind, sum(e.amount_micros)::text AS amount,
              count(DISTINCT t.id)::int AS transactions
         FROM account.ledger_entries e
         JOIN account.ledger_transactions t ON t.id = e.transaction_id
        WHERE e.wallet_id = ANY ($1::uuid[])
          AND e.created_at >= $2 AND e.created_at < $3
        GROUP BY e.wallet_id, t.kind
        ORDER BY e.wallet_id, t.kind`,
      [walletIds, period.start, period.end],
    );
    const byWallet = new Map<string, KindMovement[]>();
    for (const row of rows) {
      const list = byWallet.get(row.wallet_id) ?? [];
      list.push({ kind: row.kind, amountMicros: row.amount, transactions: row.transactions });
      byWallet.set(row.wallet_id, list);
    }
    return byWallet;
  }
}
