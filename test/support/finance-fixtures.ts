import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

const HOUR_MS = 3_600_000;

/**
 * Rows the finance pages read that only time or the debt ladder would write: a posting of a
 * past instant, a wallet in a debt state since a given moment, a reconciliation run's report.
 * Each is written exactly as its owner writes it.
 */
export class FinanceFixtures {
  constructor(private readonly pg: Client) {}

  /** A posting of a past instant against system:stripe_clearing, as the ledger stores one. */
  async postedAt(at: Date, walletId: string, kind: string, micros: bigint): Promise<void> {
    const usageHour = kind.startsWith('usage')
      ? new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS)
      : null;
    await this.pg.query('BEGIN');
    await this.pg.query(
      `WITH t AS (
         INSERT INTO account.ledger_transactions
                (id, kind, idempotency_key, content_hash, actor_type, usage_hour, created_at)
         VALUES (gen_random_uuid(), $1, $2, repeat('0', 64), 'system', $3, $4) RETURNING id)
       INSERT INTO account.ledger_entries (transaction_id, wallet_id, account, amount_micros, created_at)
       SELECT id, $5::uuid, 'wallet:' || $5, $6::bigint, $4 FROM t
       UNION ALL SELECT id, NULL, 'system:stripe_clearing', -$6::bigint, $4 FROM t`,
      [kind, `test:${randomUUID()}`, usageHour, at, walletId, micros.toString()],
    );
    await this.pg.query(
      'UPDATE account.wallets SET balance_micros = balance_micros + $2 WHERE id = $1',
      [walletId, micros.toString()],
    );
    await this.pg.query('COMMIT');
  }

  /** The wallet in `state` since `since` (a Postgres timestamp), in metering and in account. */
  async inDebt(walletId: string, state: string, since: string): Promise<void> {
    await this.pg.query(`UPDATE account.wallets SET debt_state = $2 WHERE id = $1`, [
      walletId,
      state,
    ]);
    await this.pg.query(
      `INSERT INTO metering.wallet_debt
              (wallet_id, tenant_id, state, since, balance_micros, hourly_spend_micros, evaluated_at)
       SELECT id, tenant_id, $2, $3::timestamptz, balance_micros, 0, now()
         FROM account.wallets WHERE id = $1`,
      [walletId, state, since],
    );
  }

  /** A finished reconciliation run over [from, to) with these findings. */
  async reconciliationRun(
    from: Date,
    to: Date,
    findings: readonly { kind: string; namespace?: string; hour?: string; detail: string }[],
  ): Promise<void> {
    const adjustments = findings.filter((f) => f.kind === 'adjustment').length;
    const mismatches = (kind: string) => findings.filter((f) => f.kind === kind).length;
    await this.pg.query(
      `INSERT INTO metering.reconciliation_reports
              (id, trigger, from_hour, to_hour, status, hours_checked, flagged_hours, adjustments,
               source_mismatches, ledger_mismatches, findings, started_at, finished_at)
       VALUES (gen_random_uuid(), 'schedule', $1, $2, 'SUCCEEDED', $3, $4, $5, $6, $7, $8, $2, $2)`,
      [
        from,
        to,
        Math.round((to.getTime() - from.getTime()) / HOUR_MS),
        adjustments,
        adjustments,
        mismatches('source_mismatch'),
        mismatches('ledger'),
        JSON.stringify(findings),
      ],
    );
  }

  /** A settled namespace-hour charged with these lines (quantities in base units). */
  async settledUsage(
    namespace: string,
    walletId: string,
    hour: Date,
    lines: readonly { resource: string; quantity: bigint; amountMicros: bigint }[],
  ): Promise<void> {
    await this.pg.query(
      `INSERT INTO metering.settled_hours (hour, source, price_books, posted_at)
       VALUES ($1, 'prometheus', '[]', now()) ON CONFLICT DO NOTHING`,
      [hour],
    );
    const total = lines.reduce((sum, line) => sum + line.amountMicros, 0n);
    await this.pg.query(
      `INSERT INTO metering.usage_charges
              (hour, namespace, wallet_id, currency, lines, total_micros, short_hour)
       VALUES ($1, $2, $3, 'USD', $4, $5, false)`,
      [
        hour,
        namespace,
        walletId,
        JSON.stringify(
          lines.map((l) => ({
            resource: l.resource,
            quantity: l.quantity.toString(),
            amountMicros: l.amountMicros.toString(),
          })),
        ),
        total.toString(),
      ],
    );
  }
}
