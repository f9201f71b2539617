import { Injectable } from '@nestjs/common';
import type { Alert } from '@prisma/client';
import { isUuid, PrismaService } from '@tally/prisma';
import { appendToOutbox } from '@tally/queue';
import type { AlertKind, AlertState } from '@tally/transport';
import type { OutboxMessage } from '../debt/debt.repository';
import type { AlertThreshold } from './alert-policy';

/** An alert as metering keeps it: its definition and where it stands. */
export interface StoredAlert extends AlertThreshold {
  readonly id: string;
  readonly tenantId: string;
  readonly walletId: string;
  readonly subAccountId: string | null;
  readonly state: AlertState;
  readonly lastTransitionAt: Date | null;
  /** The number of the alert's latest transition (0: none yet). */
  readonly sequence: number;
  readonly createdAt: Date;
}

export interface NewStoredAlert extends AlertThreshold {
  readonly tenantId: string;
  readonly walletId: string;
  readonly subAccountId: string | null;
  readonly createdBy: string;
}

export interface AlertMove {
  readonly alert: StoredAlert;
  readonly to: AlertState;
  readonly observed: string;
  readonly at: Date;
}

@Injectable()
export class AlertRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(alert: NewStoredAlert): Promise<StoredAlert> {
    return toStoredAlert(await this.prisma.alert.create({ data: alert }));
  }

  async countOfWallet(walletId: string): Promise<number> {
    return this.prisma.alert.count({ where: { walletId } });
  }

  /** The alerts of one wallet, oldest first. The caller has checked it may read the wallet. */
  async ofWallet(walletId: string): Promise<StoredAlert[]> {
    return (await this.ofWallets([walletId])).get(walletId) ?? [];
  }

  /** The alerts of a chunk of wallets, in one query (alerts_wallet_id_idx). */
  async ofWallets(walletIds: readonly string[]): Promise<Map<string, StoredAlert[]>> {
    const rows = await this.prisma.alert.findMany({
      where: { walletId: { in: [...walletIds] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const byWallet = new Map<string, StoredAlert[]>();
    for (const row of rows) {
      const alerts = byWallet.get(row.walletId) ?? [];
      alerts.push(toStoredAlert(row));
      byWallet.set(row.walletId, alerts);
    }
    return byWallet;
  }

  async byId(id: string): Promise<StoredAlert | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.alert.findUnique({ where: { id } });
    return row === null ? null : toStoredAlert(row);
  }

  /** Whether this call removed it (false: gone already). Its transitions stay on record. */
  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.alert.deleteMany({ where: { id } });
    return count === 1;
  }

  /**
   * Each wallet's spend in the month from `since`: its charges, plus the usage of hours not
   * frozen yet (a frozen hour's charge is in usage_charges already, posted or not, so it is
   * never counted twice). One statement for the chunk.
   */
  async monthSpend(walletIds: readonly string[], since: Date): Promise<Map<string, bigint>> {
    if (walletIds.length === 0) return new Map();
    const { rows } = await this.prisma.pool.query<{ wallet_id: string; total: string }>({
      name: 'wallet_month_spend',
      text: `SELECT wallet_id, SUM(amount)::text AS total FROM (
               SELECT c.wallet_id, c.total_micros AS amount
                 FROM metering.usage_charges c
                WHERE c.wallet_id = ANY ($1::uuid[]) AND c.hour >= $2
               UNION ALL
               SELECT p.wallet_id, p.amount_micros
                 FROM metering.pending_usage p
                WHERE p.wallet_id = ANY ($1::uuid[]) AND p.hour >= $2
                  AND NOT EXISTS (SELECT 1 FROM metering.settled_hours s WHERE s.hour = p.hour)
             ) spend
             GROUP BY wallet_id`,
      values: [walletIds, since],
    });
    return new Map(rows.map((row) => [row.wallet_id, BigInt(row.total)]));
  }

  /**
   * Moves the alert from its state (transition number `sequence`) to `to` as the next
   * transition, records it and queues its events, all in one transaction — or does nothing and
   * returns false when the alert moved meanwhile or was deleted (another evaluator got there
   * first): each transition is announced exactly once, and numbered without gaps.
   */
  async transition(move: AlertMove, events: readonly OutboxMessage[]): Promise<boolean> {
    const { alert, to, at } = move;
    const sequence = alert.sequence + 1;
    return this.prisma.$transaction(async (tx) => {
      const moved = await tx.$executeRaw`
        UPDATE metering.alerts
           SET state = ${to}, last_transition_at = ${at}, sequence = ${sequence}
         WHERE id = ${alert.id}::uuid AND state = ${alert.state} AND sequence = ${alert.sequence}`;
      if (moved === 0) return false;
      await tx.alertTransition.create({
        data: {
          alertId: alert.id,
          walletId: alert.walletId,
          tenantId: alert.tenantId,
          fromState: alert.state,
          toState: to,
          observed: move.observed,
          at,
          sequence,
        },
      });
      for (const event of events) {
        await appendToOutbox(tx, 'metering', event.topic, event.payload as never);
      }
      return true;
    });
  }
}

function toStoredAlert(row: Alert): StoredAlert {
  return {
    id: row.id,
    tenantId: row.tenantId,
    walletId: row.walletId,
    subAccountId: row.subAccountId,
    kind: row.kind as AlertKind,
    amountMicros: row.amountMicros,
    percent: row.percent,
    hours: row.hours,
    state: row.state as AlertState,
    lastTransitionAt: row.lastTransitionAt,
    sequence: row.sequence,
    createdAt: row.createdAt,
  };
}
