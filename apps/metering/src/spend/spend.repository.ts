import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { SpendGrouping } from '@tally/transport';

/** One day's spending of one group, as summed; `key` is a wallet id for SUB_ACCOUNT. */
export interface DaySpendRow {
  readonly day: string;
  readonly key: string;
  readonly amountMicros: bigint;
}

/**
 * What a wallet spent, hour by hour: its namespaces' charges of hours whose charges are all in
 * the ledger, and the corrections reconciliation posted. Both filters are ranges of the
 * (wallet_id, hour) indexes, so the cost follows the tenant's own rows, not the table's.
 */
const SPENT = `
  SELECT c.hour, c.namespace, c.wallet_id, c.lines, c.total_micros
    FROM metering.usage_charges c
    JOIN metering.settled_hours s ON s.hour = c.hour AND s.posted_at IS NOT NULL
   WHERE c.wallet_id = ANY ($1::uuid[]) AND c.hour >= $2 AND c.hour < $3
  UNION ALL
  SELECT a.hour, a.namespace, a.wallet_id, a.lines, a.total_micros
    FROM metering.usage_adjustments a
   WHERE a.wallet_id = ANY ($1::uuid[]) AND a.hour >= $2 AND a.hour < $3
     AND a.posted_at IS NOT NULL`;

const DAY = `to_char(spent.hour AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/** Each grouping's statement: the key it sums by, and the amount summed. */
export const DAILY_SPEND_STATEMENTS: Readonly<Record<SpendGrouping, string>> = {
  NAMESPACE: `
    SELECT ${DAY} AS day, spent.namespace AS key, SUM(spent.total_micros)::text AS amount
      FROM (${SPENT}) spent
     GROUP BY 1, 2 ORDER BY 1, 2`,
  SUB_ACCOUNT: `
    SELECT ${DAY} AS day, spent.wallet_id::text AS key, SUM(spent.total_micros)::text AS amount
      FROM (${SPENT}) spent
     GROUP BY 1, 2 ORDER BY 1, 2`,
  // A charge's lines are [{resource, quantity, amountMicros}], amounts as integer strings.
  RESOURCE: `
    SELECT ${DAY} AS day, line.resource AS key, SUM(line."amountMicros")::text AS amount
      FROM (${SPENT}) spent
     CROSS JOIN LATERAL jsonb_to_recordset(spent.lines) AS line(resource text, "amountMicros" numeric)
     GROUP BY 1, 2 ORDER BY 1, 2`,
};

@Injectable()
export class SpendRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The wallets' spending of the hours of [from, to), per UTC day and group, oldest first. */
  async dailySpend(
    walletIds: readonly string[],
    from: Date,
    to: Date,
    groupBy: SpendGrouping,
  ): Promise<DaySpendRow[]> {
    const { rows } = await this.prisma.pool.query<{ day: string; key: string; amount: string }>({
      name: `daily_spend_by_${groupBy.toLowerCase()}`,
      text: DAILY_SPEND_STATEMENTS[groupBy],
      values: [walletIds, from, to],
    });
    return rows.map((row) => ({ day: row.day, key: row.key, amountMicros: BigInt(row.amount) }));
  }
}
