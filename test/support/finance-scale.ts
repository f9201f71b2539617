import type { Client } from 'pg';

export interface FinanceScale {
  readonly tenants: number;
  /** Ledger entries, two per transaction: a wallet's and a system account's. */
  readonly entries: number;
  /** The entries are spread evenly over this many days up to now, oldest first. */
  readonly days: number;
}

const DAY_MS = 86_400_000;

/**
 * A platform the size finance works at, written in a few statements (COPY-fast, no API):
 * `tenants` tenants with a wallet each, and `entries` ledger entries in posting order, half of
 * them recharges into wallets and half usage out of them, each transaction balanced by a system
 * account as the ledger requires; each wallet's balance is the sum of its entries. A tenth of
 * the wallets are in a debt state (LOW_BALANCE, CRITICAL, SUSPENDED in turn), in metering too.
 * Vacuumed and analyzed, as autovacuum would be after such a load.
 */
export async function seedFinanceScale(pg: Client, scale: FinanceScale): Promise<void> {
  const transactions = Math.floor(scale.entries / 2);
  const start = Date.now() - scale.days * DAY_MS;
  await pg.query(
    `WITH t AS (
       INSERT INTO account.tenants (id, name, currency)
       SELECT gen_random_uuid(), 'scale tenant ' || g, 'USD' FROM generate_series(1, $1) g
       RETURNING id)
     INSERT INTO account.wallets (id, tenant_id, kind, currency)
     SELECT gen_random_uuid(), id, 'TENANT', 'USD' FROM t`,
    [scale.tenants],
  );
  await pg.query(`CREATE TEMP TABLE scale_wallets AS
                  SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM account.wallets`);
  // Transaction g: wallet g mod tenants, at start + g/transactions of the period; odd ones usage.
  await pg.query(
    `INSERT INTO account.ledger_transactions
            (id, kind, idempotency_key, content_hash, actor_type, usage_hour, created_at)
     SELECT gen_random_uuid(), CASE WHEN g % 2 = 0 THEN 'recharge' ELSE 'usage' END,
            'scale:' || g, repeat('0', 64), 'system',
            CASE WHEN g % 2 = 1 THEN date_trunc('hour', at) END, at
       FROM generate_series(0, $1 - 1) g,
            LATERAL (SELECT to_timestamp(($2 + g::float8 * $3 / $1) / 1000) AS at) moment
      ORDER BY g`,
    [transactions, start, scale.days * DAY_MS],
  );
  await pg.query(
    `INSERT INTO account.ledger_entries (transaction_id, wallet_id, account, amount_micros, created_at)
     SELECT t.id, side.wallet_id, side.account, side.amount, t.created_at
       FROM (SELECT t.*, substr(t.idempotency_key, 7)::bigint AS g
               FROM account.ledger_transactions t WHERE t.idempotency_key LIKE 'scale:%') t
       JOIN scale_wallets w ON w.n = t.g % $1,
            LATERAL (VALUES
              (w.id, 'wallet:' || w.id,
               CASE WHEN t.kind = 'recharge' THEN 10000000 ELSE -1000000 END::bigint),
              (NULL::uuid, CASE WHEN t.kind = 'recharge' THEN 'system:stripe_clearing'
                                ELSE 'system:revenue:cpu' END,
               CASE WHEN t.kind = 'recharge' THEN -10000000 ELSE 1000000 END::bigint)
            ) AS side(wallet_id, account, amount)
      ORDER BY t.created_at, t.id`,
    [scale.tenants],
  );
  await pg.query(
    `UPDATE account.wallets w SET balance_micros = s.total
       FROM (SELECT wallet_id, sum(amount_micros) AS total FROM account.ledger_entries
              WHERE wallet_id IS NOT NULL GROUP BY wallet_id) s
      WHERE s.wallet_id = w.id`,
  );
  await pg.query(
    `WITH debtors AS (
       SELECT w.id, w.tenant_id, w.balance_micros,
              (ARRAY['LOW_BALANCE', 'CRITICAL', 'SUSPENDED'])[1 + (s.n / 10) % 3] AS state,
              now() - (s.n || ' minutes')::interval AS since
         FROM account.wallets w JOIN scale_wallets s ON s.id = w.id
        WHERE s.n % 10 = 0),
     marked AS (
       UPDATE account.wallets w SET debt_state = d.state::account."DebtState"
         FROM debtors d WHERE d.id = w.id)
     INSERT INTO metering.wallet_debt
            (wallet_id, tenant_id, state, since, balance_micros, hourly_spend_micros, evaluated_at)
     SELECT id, tenant_id, state, since, balance_micros, 0, now() FROM debtors`,
  );
  // What autovacuum does after such a load: statistics, and the BRIN ranges summarized.
  await pg.query('VACUUM ANALYZE');
}
