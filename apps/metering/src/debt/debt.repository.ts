import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { appendToOutbox } from '@tally/queue';
import type { DebtState } from '@tally/transport';

export interface WalletDebt {
  readonly walletId: string;
  readonly tenantId: string;
  readonly state: DebtState;
  readonly since: Date;
  readonly negativeSince: Date | null;
  /** The number of the wallet's latest transition (0: none yet). */
  readonly sequence: number;
}

export interface Evaluation {
  readonly walletId: string;
  readonly tenantId: string;
  readonly balanceMicros: bigint;
  readonly hourlySpendMicros: bigint;
  readonly negativeSince: Date | null;
}

/** An event the transition publishes through metering's outbox, in the same transaction. */
export interface OutboxMessage {
  readonly topic: string;
  readonly payload: Record<string, unknown>;
}

/** How far back a charged hour still counts as the wallet's current spend. */
const SPEND_WINDOW_HOURS = 25;

@Injectable()
export class DebtRepository {
  constructor(private readonly prisma: PrismaService) {}

  async of(walletIds: readonly string[]): Promise<Map<string, WalletDebt>> {
    const rows = await this.prisma.walletDebt.findMany({
      where: { walletId: { in: [...walletIds] } },
    });
    return new Map(
      rows.map((row) => [
        row.walletId,
        {
          walletId: row.walletId,
          tenantId: row.tenantId,
          state: row.state as DebtState,
          since: row.since,
          negativeSince: row.negativeSince,
          sequence: row.sequence,
        },
      ]),
    );
  }

  /** Each wallet's charges in its latest charged hour of the last day: its current spend. */
  async hourlySpend(walletIds: readonly string[]): Promise<Map<string, bigint>> {
    const { rows } = await this.prisma.pool.query<{ wallet_id: string; total: string }>({
      name: 'wallet_hourly_spend',
      text: `SELECT DISTINCT ON (wallet_id) wallet_id, SUM(total_micros)::text AS total
               FROM metering.usage_charges
              WHERE wallet_id = ANY ($1::uuid[])
                AND hour >= date_trunc('hour', now()) - make_interval(hours => $2)
              GROUP BY wallet_id, hour
              ORDER BY wallet_id, hour DESC`,
      values: [walletIds, SPEND_WINDOW_HOURS],
    });
    return new Map(rows.map((row) => [row.wallet_id, BigInt(row.total)]));
  }

  /**
   * Wallets the periodic sweep looks at: any not NORMAL, any charged for the last day or by a
   * settlement run in the last day (an old hour settled late, or backfilled: a usage posting
   * sets off no evaluation of its own), and any with usage pending.
   */
  async walletsToSweep(): Promise<string[]> {
    const { rows } = await this.prisma.pool.query<{ wallet_id: string }>(
      `SELECT wallet_id FROM metering.wallet_debt WHERE state <> 'NORMAL'
       UNION
       SELECT DISTINCT wallet_id FROM metering.usage_charges
        WHERE hour >= date_trunc('hour', now()) - make_interval(hours => $1)
           OR hour IN (SELECT hour FROM metering.settlement_runs
                        WHERE started_at >= now() - make_interval(hours => $1))
       UNION
       SELECT DISTINCT wallet_id FROM metering.pending_usage`,
      [SPEND_WINDOW_HOURS],
    );
    return rows.map((row) => row.wallet_id);
  }

  /**
   * Records what was seen of wallets whose state did not change, in one statement (rows in
   * wallet order, so two sweeps touching the same wallets queue instead of deadlocking).
   */
  async touch(seen: readonly { evaluation: Evaluation; state: DebtState }[], now: Date) {
    if (seen.length === 0) return;
    const rows = [...seen].sort((a, b) => (a.evaluation.walletId < b.evaluation.walletId ? -1 : 1));
    await this.prisma.pool.query({
      name: 'wallet_debt_touch',
      text: `INSERT INTO metering.wallet_debt AS d
                    (wallet_id, tenant_id, state, negative_since, balance_micros,
                     hourly_spend_micros, since, evaluated_at)
             SELECT w.*, $7::timestamptz, $7::timestamptz
               FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::bigint[],
                           $6::bigint[]) AS w
             ON CONFLICT (wallet_id) DO UPDATE
                SET balance_micros = excluded.balance_micros,
                    hourly_spend_micros = excluded.hourly_spend_micros,
                    negative_since = excluded.negative_since,
                    evaluated_at = excluded.evaluated_at`,
      values: [
        rows.map((row) => row.evaluation.walletId),
        rows.map((row) => row.evaluation.tenantId),
        rows.map((row) => row.state),
        rows.map((row) => row.evaluation.negativeSince),
        rows.map((row) => row.evaluation.balanceMicros.toString()),
        rows.map((row) => row.evaluation.hourlySpendMicros.toString()),
        now,
      ],
    });
  }

  /**
   * Moves the wallet from `from` (its transition number `sequence - 1`) to `to` as transition
   * `sequence`, records the transition and queues its events, all in one transaction — or does
   * nothing and returns false when the wallet moved meanwhile (another evaluator got there
   * first): each transition is recorded exactly once, and numbered without gaps.
   */
  async transition(
    evaluation: Evaluation,
    from: DebtState,
    to: DebtState,
    cause: string,
    now: Date,
    sequence: number,
    events: readonly OutboxMessage[],
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const moved = await tx.$executeRaw`
        INSERT INTO metering.wallet_debt AS d
               (wallet_id, tenant_id, state, since, negative_since, balance_micros,
                hourly_spend_micros, evaluated_at, sequence)
        VALUES (${evaluation.walletId}::uuid, ${evaluation.tenantId}::uuid, ${to}, ${now},
                ${evaluation.negativeSince}, ${evaluation.balanceMicros},
                ${evaluation.hourlySpendMicros}, ${now}, ${sequence})
        ON CONFLICT (wallet_id) DO UPDATE
           SET state = excluded.state, since = excluded.since,
               negative_since = excluded.negative_since, balance_micros = excluded.balance_micros,
               hourly_spend_micros = excluded.hourly_spend_micros, evaluated_at = excluded.evaluated_at,
               sequence = excluded.sequence
         WHERE d.state = ${from} AND d.sequence = ${sequence - 1}`;
      if (moved === 0) return false;
      await tx.debtTransition.create({
        data: {
          walletId: evaluation.walletId,
          tenantId: evaluation.tenantId,
          fromState: from,
          toState: to,
          cause,
          balanceMicros: evaluation.balanceMicros,
          hourlySpendMicros: evaluation.hourlySpendMicros,
          at: now,
          sequence,
        },
      });
      for (const event of events) {
        await appendToOutbox(tx, 'metering', event.topic, event.payload as never);
      }
      return true;
    });
  }

  /** Queues events that follow from work done outside a transition (suspensions, sweeps). */
  async publish(events: readonly OutboxMessage[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const event of events) {
        await appendToOutbox(tx, 'metering', event.topic, event.payload as never);
      }
    });
  }

  async suspendedWallets(): Promise<string[]> {
    const rows = await this.prisma.walletDebt.findMany({
      where: { state: { in: ['SUSPENDED', 'RECLAIMED'] } },
      select: { walletId: true },
    });
    return rows.map((row) => row.walletId);
  }

  async currentState(walletId: string): Promise<DebtState> {
    const row = await this.prisma.walletDebt.findUnique({ where: { walletId } });
    return (row?.state as DebtState | undefined) ?? 'NORMAL';
  }
}
