import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { WalletView } from '@tally/transport';
import type { PoolClient } from 'pg';
import { toWalletView, validUuids, walletColumns, type WalletRow } from './wallet.repository';

/** One wallet's priced usage of an hour, as metering publishes it. */
export interface WalletHourAmount {
  readonly walletId: string;
  readonly amountMicros: bigint;
  /** OPEN hours: the end of the last minute counted. */
  readonly throughMinute?: Date;
}

/** A wallet's row of one hour, with what of it the ledger has when the hour is being posted. */
export interface PendingHourRow {
  readonly walletId: string;
  readonly hour: Date;
  readonly state: 'OPEN' | 'FROZEN' | 'POSTED';
  readonly amountMicros: bigint;
  readonly throughMinute: Date | null;
  /** FROZEN rows: the hour's usage charges the ledger has posted to the wallet so far. */
  readonly postedMicros: bigint;
}

export interface WalletWithRows {
  readonly wallet: WalletView;
  readonly rows: PendingHourRow[];
}

/**
 * The live figures' rows (account.wallet_pending_hours). Writers of one hour — a minute's
 * estimate, settlement freezing it, its posting finishing — take the hour's advisory lock, so
 * an estimate computed before the freeze and published after it changes nothing.
 */
@Injectable()
export class LiveWalletsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Replaces an open hour's estimates whole (a wallet left out has nothing pending in it any
   * more); an hour settlement has frozen keeps its charges. Estimates of hours before
   * `dropOpenBefore` are dropped: settlement will never charge them (metering drops its own).
   */
  async replaceOpenHour(
    hour: Date,
    wallets: readonly WalletHourAmount[],
    dropOpenBefore: Date,
  ): Promise<void> {
    await this.inHourLock(hour, async (client) => {
      await client.query(
        `WITH open AS (
           SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM account.pending_settled_hours WHERE hour = $1)
         ), published AS (
           SELECT * FROM unnest($2::uuid[], $3::bigint[], $4::timestamptz[])
                      AS r(wallet_id, amount_micros, through_minute)
         ), gone AS (
           DELETE FROM account.wallet_pending_hours p
            WHERE p.state = 'OPEN'
              AND (p.hour < $5
                   OR (p.hour = $1 AND EXISTS (SELECT 1 FROM open)
                       AND NOT EXISTS (SELECT 1 FROM published r WHERE r.wallet_id = p.wallet_id)))
         )
         INSERT INTO account.wallet_pending_hours
                (wallet_id, hour, state, amount_micros, through_minute, updated_at)
         SELECT r.wallet_id, $1, 'OPEN', r.amount_micros, r.through_minute, now()
           FROM published r
          WHERE EXISTS (SELECT 1 FROM open)
         ON CONFLICT (wallet_id, hour) DO UPDATE
            SET amount_micros = excluded.amount_micros,
                through_minute = excluded.through_minute,
                updated_at = now()
          WHERE account.wallet_pending_hours.state = 'OPEN'`,
        [
          hour,
          wallets.map((w) => w.walletId),
          wallets.map((w) => w.amountMicros.toString()),
          wallets.map((w) => w.throughMinute ?? null),
          dropOpenBefore,
        ],
      );
    });
  }

  /**
   * The hour's charges, frozen, before any of them is posted: its estimates give way to them.
   * Only the first call of an hour writes (a settlement run again after a crash finds the hour
   * frozen already), so `entries_after` stays below every charge of the hour.
   */
  async freezeHour(hour: Date, charges: readonly WalletHourAmount[]): Promise<void> {
    await this.inHourLock(hour, async (client) => {
      const { rowCount } = await client.query(
        'INSERT INTO account.pending_settled_hours (hour) VALUES ($1) ON CONFLICT DO NOTHING',
        [hour],
      );
      if (rowCount === 0) return;
      // Two statements: one WITH would insert beside the rows it deletes, not in their place.
      await client.query('DELETE FROM account.wallet_pending_hours WHERE hour = $1', [hour]);
      await client.query(
        `INSERT INTO account.wallet_pending_hours
                (wallet_id, hour, state, amount_micros, entries_after)
         SELECT r.wallet_id, $1, 'FROZEN', r.amount_micros, s.after
           FROM unnest($2::uuid[], $3::bigint[]) AS r(wallet_id, amount_micros),
                (SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS after
                   FROM account.ledger_entries_id_seq) s`,
        [hour, charges.map((c) => c.walletId), charges.map((c) => c.amountMicros.toString())],
      );
    });
  }

  /**
   * Every charge of the hour is in the ledger: its rows are kept only for the spend rate, and
   * posted hours before `dropPostedBefore` (outside the rate's window) are dropped.
   */
  async markHourPosted(hour: Date, dropPostedBefore: Date): Promise<void> {
    await this.inHourLock(hour, async (client) => {
      await client.query(
        `UPDATE account.wallet_pending_hours
            SET state = 'POSTED', entries_after = NULL, updated_at = now()
          WHERE hour = $1 AND state = 'FROZEN'`,
        [hour],
      );
      await client.query(
        `DELETE FROM account.wallet_pending_hours WHERE state = 'POSTED' AND hour < $1`,
        [dropPostedBefore],
      );
    });
  }

  /**
   * These wallets with the rows their live figures are made of (every open or frozen hour, and
   * posted hours since `rateSince`), in one statement: one snapshot, so a charge posted while
   * this reads is in the balance or in the frozen hour's remainder, never in both or neither
   * (two statements could read the balance before the posting and the ledger after it). One
   * index range per wallet; the ledger is read only for an hour being posted (seconds an
   * hour), from the entries written since it was frozen.
   */
  async walletsWithRows(ids: readonly string[], rateSince: Date): Promise<WalletWithRows[]> {
    const { rows } = await this.prisma.pool.query<
      WalletRow & {
        hour: Date | null;
        state: PendingHourRow['state'] | null;
        amount_micros: string | null;
        through_minute: Date | null;
        posted_micros: string | null;
      }
    >({
      name: 'wallets_with_pending_rows',
      text: `SELECT ${walletColumns('w')},
                    p.hour, p.state, p.amount_micros::text, p.through_minute,
                    CASE WHEN p.state = 'FROZEN' THEN (
                      SELECT (-coalesce(sum(e.amount_micros), 0))::text
                        FROM account.ledger_entries e
                        JOIN account.ledger_transactions t ON t.id = e.transaction_id
                       WHERE e.wallet_id = p.wallet_id AND e.id > p.entries_after
                         AND t.kind = 'usage' AND t.usage_hour = p.hour)
                    END AS posted_micros
               FROM account.wallets w
               LEFT JOIN account.wallet_pending_hours p
                 ON p.wallet_id = w.id AND (p.state <> 'POSTED' OR p.hour >= $2)
              WHERE w.id = ANY ($1::uuid[])`,
      values: [validUuids(ids), rateSince],
    });
    const wallets = new Map<string, WalletWithRows>();
    for (const row of rows) {
      let wallet = wallets.get(row.id);
      if (wallet === undefined) {
        wallet = { wallet: toWalletView(row), rows: [] };
        wallets.set(row.id, wallet);
      }
      if (row.state === null) continue;
      wallet.rows.push({
        walletId: row.id,
        hour: row.hour!,
        state: row.state,
        amountMicros: BigInt(row.amount_micros!),
        throughMinute: row.through_minute,
        postedMicros: BigInt(row.posted_micros ?? 0),
      });
    }
    return [...wallets.values()];
  }

  private inHourLock(hour: Date, work: (client: PoolClient) => Promise<void>): Promise<void> {
    return this.prisma.inTransaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('wallet_pending:' || $1))", [
        hour.toISOString(),
      ]);
      await work(client);
    });
  }
}
