import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { appendToOutbox } from '@tally/queue';
import type { Prisma, SpendingCapHold } from '@prisma/client';
import type { OutboxMessage } from '../debt/debt.repository';
import type { CapHold } from './spending-cap-policy';

@Injectable()
export class SpendingCapRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Each namespace's spend since `month`: its charges plus the pending usage of hours not frozen
   * yet (a frozen hour's charge is in usage_charges already, so it counts once) — what alerts
   * call a month's spend (AlertRepository.monthSpend), by namespace instead of by wallet.
   */
  async monthSpend(namespaces: readonly string[], month: Date): Promise<Map<string, bigint>> {
    if (namespaces.length === 0) return new Map();
    const { rows } = await this.prisma.pool.query<{ namespace: string; spent: string }>({
      name: 'spending_cap_month_spend',
      text: `SELECT namespace, SUM(micros)::text AS spent FROM (
               SELECT namespace, total_micros AS micros FROM metering.usage_charges
                WHERE namespace = ANY ($1::text[]) AND hour >= $2
               UNION ALL
               SELECT p.namespace, p.amount_micros FROM metering.pending_usage p
                WHERE p.namespace = ANY ($1::text[]) AND p.hour >= $2
                  AND NOT EXISTS (SELECT 1 FROM metering.settled_hours s WHERE s.hour = p.hour)
             ) spend GROUP BY namespace`,
      values: [namespaces, month],
    });
    return new Map(rows.map((row) => [row.namespace, BigInt(row.spent)]));
  }

  async holdsOf(walletIds: readonly string[]): Promise<Map<string, CapHold>> {
    const rows = await this.prisma.spendingCapHold.findMany({
      where: { walletId: { in: [...walletIds] } },
    });
    return new Map(rows.map((row) => [row.scopeId, toCapHold(row)]));
  }

  /** Holds whose namespaces include `namespace`: why it is suspended besides debt, if at all. */
  async holdsOn(namespaces: readonly string[]): Promise<CapHold[]> {
    const rows = await this.prisma.spendingCapHold.findMany({
      where: { namespaces: { hasSome: [...namespaces] } },
    });
    return rows.map(toCapHold);
  }

  async isHeld(scopeId: string): Promise<boolean> {
    return (await this.prisma.spendingCapHold.count({ where: { scopeId } })) > 0;
  }

  /** Every held scope's wallet: the sweep evaluates them (a new month releases them). */
  async all(): Promise<CapHold[]> {
    return (await this.prisma.spendingCapHold.findMany()).map(toCapHold);
  }

  /** Records the hold and queues its events, or does nothing (false) when it exists already. */
  hold(hold: CapHold, events: readonly OutboxMessage[]): Promise<boolean> {
    return this.once(events, async (tx) => {
      const data = [{ ...hold, namespaces: [...hold.namespaces] }];
      return (await tx.spendingCapHold.createMany({ data, skipDuplicates: true })).count;
    });
  }

  /** Widens the hold this evaluation saw to namespaces that joined its scope, once. */
  extend(hold: CapHold, events: readonly OutboxMessage[]): Promise<boolean> {
    return this.once(events, async (tx) => {
      const where = { scopeId: hold.scopeId, since: hold.since };
      const data = { namespaces: [...hold.namespaces] };
      return (await tx.spendingCapHold.updateMany({ where, data })).count;
    });
  }

  /** Deletes the hold this evaluation saw and queues its events, or does nothing (false). */
  release(hold: CapHold, events: readonly OutboxMessage[]): Promise<boolean> {
    return this.once(events, async (tx) => {
      const where = { scopeId: hold.scopeId, since: hold.since };
      return (await tx.spendingCapHold.deleteMany({ where })).count;
    });
  }

  /** Queues events that follow from work done outside a decision (the sweep's re-suspension). */
  async publish(events: readonly OutboxMessage[]): Promise<void> {
    await this.prisma.$transaction((tx) => this.append(tx, events));
  }

  /**
   * The change and its events in one transaction, or neither when the change touched no row
   * (another evaluation made it first): each decision is announced exactly once.
   */
  private once(
    events: readonly OutboxMessage[],
    change: (tx: Prisma.TransactionClient) => Promise<number>,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if ((await change(tx)) === 0) return false;
      await this.append(tx, events);
      return true;
    });
  }

  private async append(
    tx: Prisma.TransactionClient,
    events: readonly OutboxMessage[],
  ): Promise<void> {
    for (const event of events) {
      await appendToOutbox(tx, 'metering', event.topic, event.payload as never);
    }
  }
}

function toCapHold(row: SpendingCapHold): CapHold {
  return {
    scopeId: row.scopeId,
    scopeKind: row.scopeKind as CapHold['scopeKind'],
    walletId: row.walletId,
    tenantId: row.tenantId,
    namespaces: row.namespaces,
    month: row.month,
    capMicros: row.capMicros,
    spentMicros: row.spentMicros,
    since: row.since,
  };
}
