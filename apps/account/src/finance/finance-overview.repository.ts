import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { DebtState, MicrosString } from '@tally/transport';
import { nextDay, type DayPeriod } from './finance-period';

/** One currency's wallets now: their balance and count per debt state. */
export interface DebtStateRow {
  readonly state: DebtState;
  readonly wallets: number;
  readonly balanceMicros: bigint;
}

/** What wallets' entries of transactions of one kind moved on one UTC day. */
export interface DayKindRow {
  readonly day: Date;
  readonly kind: string;
  readonly amountMicros: bigint;
}

/** The overview's reads as the use case sees them (its spec hands it a fake of this). */
export interface IFinanceOverviewRepository {
  debtStates(currency: string): Promise<DebtStateRow[]>;
  promotionalMicros(currency: string): Promise<bigint>;
  pendingMicros(currency: string): Promise<bigint>;
  /** Closed days not rolled up yet, of these. */
  daysToRollUp(days: readonly Date[]): Promise<Date[]>;
  rollUpDay(day: Date): Promise<void>;
  rolledUpTotals(
    currency: string,
    period: DayPeriod,
    kinds: readonly string[],
  ): Promise<DayKindRow[]>;
  liveTotals(currency: string, period: DayPeriod, kinds: readonly string[]): Promise<DayKindRow[]>;
}

/**
 * The finance overview's figures across every tenant. What grows with the ledger is never read
 * whole: a day's entries are found through the BRIN index on created_at (migration
 * 20261206220000_finance_views), once for a closed day (ledger_day_totals keeps its totals) and
 * on each read only for the days still open. The rest reads one row per wallet, open grant or
 * wallet-hour not yet posted: at most a few per tenant.
 */
@Injectable()
export class FinanceOverviewRepository implements IFinanceOverviewRepository {
  constructor(private readonly prisma: PrismaService) {}

  async debtStates(currency: string): Promise<DebtStateRow[]> {
    const { rows } = await this.prisma.pool.query<{
      state: DebtState;
      wallets: number;
      balance_micros: MicrosString;
    }>({
      name: 'finance_debt_states',
      text: DEBT_STATES_SQL,
      values: [currency],
    });
    return rows.map((row) => ({
      state: row.state,
      wallets: row.wallets,
      balanceMicros: BigInt(row.balance_micros),
    }));
  }

  /** Open grants only (credit_grants_open_idx): spent and expired ones are most rows in time. */
  async promotionalMicros(currency: string): Promise<bigint> {
    return this.sum({
      name: 'finance_promotional',
      text: PROMOTIONAL_SQL,
      values: [currency],
    });
  }

  /**
   * Open hours' estimates, and what of a frozen hour's charges the ledger does not have yet
   * (never below zero: the rule of LiveWallets, summed over every wallet).
   */
  async pendingMicros(currency: string): Promise<bigint> {
    return this.sum({
      name: 'finance_pending',
      text: PENDING_SQL,
      values: [currency],
    });
  }

  async daysToRollUp(days: readonly Date[]): Promise<Date[]> {
    const { rows } = await this.prisma.pool.query<{ day: Date }>({
      name: 'finance_days_to_roll_up',
      text: `SELECT d.day::timestamptz AS day
               FROM unnest($1::date[]) AS d(day)
              WHERE NOT EXISTS (SELECT 1 FROM account.ledger_rolled_up_days r WHERE r.day = d.day)
              ORDER BY d.day`,
      values: [days.map(isoDate)],
    });
    return rows.map((row) => row.day);
  }

  /**
   * A closed day's totals, every currency and kind, once: the day's marker row and its totals
   * are written in one transaction, so a second reader rolling up the same day writes nothing.
   */
  async rollUpDay(day: Date): Promise<void> {
    await this.prisma.inTransaction(async (client) => {
      const { rowCount } = await client.query(
        'INSERT INTO account.ledger_rolled_up_days (day) VALUES ($1::date) ON CONFLICT DO NOTHING',
        [isoDate(day)],
      );
      if (rowCount === 0) return;
      await client.query(ROLL_UP_DAY_SQL, [isoDate(day), day, nextDay(day)]);
    });
  }

  async rolledUpTotals(
    currency: string,
    period: DayPeriod,
    kinds: readonly string[],
  ): Promise<DayKindRow[]> {
    const { rows } = await this.prisma.pool.query<KindRow>({
      name: 'finance_rolled_up_totals',
      text: ROLLED_UP_TOTALS_SQL,
      values: [currency, isoDate(period.from), isoDate(period.to), kinds],
    });
    return rows.map(toDayKindRow);
  }

  /** Days still open, read from their entries (one index range of the BRIN index). */
  async liveTotals(
    currency: string,
    period: DayPeriod,
    kinds: readonly string[],
  ): Promise<DayKindRow[]> {
    const { rows } = await this.prisma.pool.query<KindRow>({
      name: 'finance_live_totals',
      text: LIVE_TOTALS_SQL,
      values: [currency, period.from, period.to, kinds],
    });
    return rows.map(toDayKindRow);
  }

  private async sum(query: { name: string; text: string; values: unknown[] }): Promise<bigint> {
    const { rows } = await this.prisma.pool.query<{ micros: MicrosString }>(query);
    return BigInt(rows[0].micros);
  }
}

/**
 * Wallet entries posted in [$2, $3), with their transaction and wallet ($1 is the caller's). A
 * transaction and its entries are inserted by one call of post_transactions, stamped with the
 * same now(): both sides are read through their BRIN index, one day's blocks each.
 */
const DAY_ENTRIES = `  FROM account.ledger_entries e
  JOIN account.ledger_transactions t ON t.id = e.transaction_id
  JOIN account.wallets w ON w.id = e.wallet_id
 WHERE e.created_at >= $2 AND e.created_at < $3 AND e.wallet_id IS NOT NULL
   AND t.created_at >= $2 AND t.created_at < $3`;

/** $1 the currency: every wallet of it, one row each (no ledger row is read). */
export const DEBT_STATES_SQL = `
SELECT debt_state AS state, count(*)::int AS wallets, sum(balance_micros)::text AS balance_micros
  FROM account.wallets
 WHERE currency = $1
 GROUP BY debt_state`;

/** $1 the currency: open grants (credit_grants_open_idx is on the same predicate). */
export const PROMOTIONAL_SQL = `
SELECT coalesce(sum(g.remaining_micros), 0)::text AS micros
  FROM account.credit_grants g
  JOIN account.wallets w ON w.id = g.wallet_id
 WHERE g.remaining_micros > 0 AND w.currency = $1`;

/** $1 the currency: wallet-hours not posted yet, a frozen one less what the ledger has of it. */
export const PENDING_SQL = `
SELECT coalesce(sum(CASE WHEN p.state = 'OPEN' THEN p.amount_micros
                        ELSE greatest(p.amount_micros - (
                          SELECT -coalesce(sum(e.amount_micros), 0)
                            FROM account.ledger_entries e
                            JOIN account.ledger_transactions t ON t.id = e.transaction_id
                           WHERE e.wallet_id = p.wallet_id AND e.id > p.entries_after
                             AND t.kind = 'usage' AND t.usage_hour = p.hour), 0)
                   END), 0)::text AS micros
  FROM account.wallet_pending_hours p
  JOIN account.wallets w ON w.id = p.wallet_id
 WHERE p.state <> 'POSTED' AND w.currency = $1`;

/** $1 the currency, [$2, $3) the days, $4 the kinds: one range of ledger_day_totals_pkey. */
export const ROLLED_UP_TOTALS_SQL = `
SELECT day::timestamptz AS day, kind, amount_micros::text
  FROM account.ledger_day_totals
 WHERE currency = $1 AND day >= $2::date AND day < $3::date AND kind = ANY ($4)`;

/** $1 the currency, [$2, $3) the instants, $4 the kinds: the BRIN range of those days. */
export const LIVE_TOTALS_SQL = `
SELECT date_trunc('day', e.created_at, 'UTC') AS day, t.kind,
       sum(e.amount_micros)::text AS amount_micros
${DAY_ENTRIES}
   AND w.currency = $1 AND t.kind = ANY ($4)
 GROUP BY 1, t.kind`;

/** $1 the day, [$2, $3) its instants: every currency and kind of the day, once. */
export const ROLL_UP_DAY_SQL = `
INSERT INTO account.ledger_day_totals (day, currency, kind, amount_micros, transactions)
SELECT $1::date, w.currency, t.kind, sum(e.amount_micros), count(DISTINCT t.id)
${DAY_ENTRIES}
 GROUP BY w.currency, t.kind`;

interface KindRow {
  day: Date;
  kind: string;
  amount_micros: MicrosString;
}

function toDayKindRow(row: KindRow): DayKindRow {
  return { day: row.day, kind: row.kind, amountMicros: BigInt(row.amount_micros) };
}

function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}
