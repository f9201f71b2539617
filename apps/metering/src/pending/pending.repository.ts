import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { FrozenCharge } from '../settlement/settlement.repository';

/** One namespace-hour's pending amount, as the minute accrual priced it. */
export interface PendingHour {
  readonly charge: FrozenCharge;
  /** The end of the last minute with a sample. */
  readonly throughMinute: Date;
}

/**
 * What a wallet (or a namespace) has of one hour not in its balance, or just put in it:
 * - `pending`: the hour is not frozen; its running estimate.
 * - `frozen`: the hour is frozen but not all posted: its frozen charge, which may or may not be
 *   in the ledger yet (the caller asks the ledger by key).
 * - `posted`: a posted hour's charge (already in the balance), kept for the spend rate only.
 */
export interface LiveRow {
  readonly walletId: string;
  readonly namespace: string;
  readonly hour: Date;
  readonly amountMicros: bigint;
  readonly kind: 'pending' | 'frozen' | 'posted';
  readonly throughMinute: Date | null;
}

/**
 * Pending usage (metering.pending_usage): one row per namespace-hour not settled yet, rewritten
 * whole by every minute's accrual of the hour. Hand-over to the hour's charge happens on read:
 * a frozen hour's pending rows are ignored and its frozen charges stand in for them, so there is
 * no moment, crash or not, when an hour counts both as pending and as charged.
 */
@Injectable()
export class PendingRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The hour's pending rows become exactly `hours`: rows of namespaces no longer charged (a
   * workspace removed) go. A frozen hour is left alone, so an accrual that read the hour just
   * before it was frozen writes nothing anyone reads.
   */
  async replaceHour(hour: Date, hours: readonly PendingHour[], at: Date): Promise<void> {
    await this.prisma.pool.query(
      `WITH open AS (
         SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM metering.settled_hours WHERE hour = $1)
       ), accrued AS MATERIALIZED (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
                  AS r (namespace text, wallet_id uuid, currency text, amount bigint, through timestamptz)
       ), cleared AS (
         -- An anti-join (hashed), not "<> ALL": that compares every row with every namespace.
         DELETE FROM metering.pending_usage p
          WHERE p.hour = $1 AND EXISTS (SELECT 1 FROM open)
            AND NOT EXISTS (SELECT 1 FROM accrued r WHERE r.namespace = p.namespace)
       )
       INSERT INTO metering.pending_usage AS p
              (namespace, hour, wallet_id, currency, amount_micros, through_minute, accrued_at)
       SELECT r.namespace, $1, r.wallet_id, r.currency, r.amount, r.through, $3
         FROM accrued r
        WHERE EXISTS (SELECT 1 FROM open)
        ORDER BY r.namespace
       ON CONFLICT (namespace, hour) DO UPDATE
          SET wallet_id = excluded.wallet_id, currency = excluded.currency,
              amount_micros = excluded.amount_micros, through_minute = excluded.through_minute,
              accrued_at = excluded.accrued_at`,
      [
        hour,
        JSON.stringify(
          hours.map(({ charge, throughMinute }) => ({
            namespace: charge.namespace,
            wallet_id: charge.walletId,
            currency: charge.currency,
            amount: charge.totalMicros.toString(),
            through: throughMinute.toISOString(),
          })),
        ),
        at,
      ],
    );
  }

  /** Of `hours`, those frozen (their charges are what counts from then on). */
  async frozenOf(hours: readonly Date[]): Promise<Set<number>> {
    const { rows } = await this.prisma.pool.query<{ hour: Date }>(
      'SELECT hour FROM metering.settled_hours WHERE hour = ANY ($1::timestamptz[])',
      [hours],
    );
    return new Set(rows.map((row) => row.hour.getTime()));
  }

  /**
   * Drops rows nobody reads any more: those of posted hours (in the balance now) and those
   * older than `before` (outside settlement's catch-up window: never to be charged).
   */
  async prune(before: Date): Promise<void> {
    await this.prisma.pool.query(
      `DELETE FROM metering.pending_usage p
        WHERE p.hour < $1
           OR EXISTS (SELECT 1 FROM metering.settled_hours s
                       WHERE s.hour = p.hour AND s.posted_at IS NOT NULL)`,
      [before],
    );
  }

  /**
   * Every row a namespace's live figures are made of: pending rows of hours not frozen, frozen
   * charges of hours not all posted, and posted charges since `rateSince` (the spend rate looks
   * an hour back). Index lookups by namespace. (A wallet's figures are the account service's:
   * WalletPendingPublisher.)
   */
  async liveRows(namespace: string, rateSince: Date): Promise<LiveRow[]> {
    const { rows } = await this.prisma.pool.query<{
      wallet_id: string;
      namespace: string;
      hour: Date;
      amount: string;
      kind: LiveRow['kind'];
      through_minute: Date | null;
    }>({
      name: 'live_rows_by_namespace',
      text: `SELECT p.wallet_id, p.namespace, p.hour, p.amount_micros::text AS amount,
                    'pending' AS kind, p.through_minute
               FROM metering.pending_usage p
              WHERE p.namespace = $1
                AND NOT EXISTS (SELECT 1 FROM metering.settled_hours s WHERE s.hour = p.hour)
             UNION ALL
             SELECT c.wallet_id, c.namespace, c.hour, c.total_micros::text, 'frozen', NULL
               FROM metering.usage_charges c
              WHERE c.namespace = $1 AND c.total_micros > 0
                AND c.hour IN (SELECT hour FROM metering.settled_hours WHERE posted_at IS NULL)
             UNION ALL
             SELECT c.wallet_id, c.namespace, c.hour, c.total_micros::text, 'posted', NULL
               FROM metering.usage_charges c
               JOIN metering.settled_hours s ON s.hour = c.hour AND s.posted_at IS NOT NULL
              WHERE c.namespace = $1 AND c.total_micros > 0 AND c.hour >= $2`,
      values: [namespace, rateSince],
    });
    return rows.map((row) => ({
      walletId: row.wallet_id,
      namespace: row.namespace,
      hour: row.hour,
      amountMicros: BigInt(row.amount),
      kind: row.kind,
      throughMinute: row.through_minute,
    }));
  }
}
