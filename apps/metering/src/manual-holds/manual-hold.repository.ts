import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { appendToOutbox } from '@tally/queue';
import type { Prisma } from '@prisma/client';
import type { Actor } from '@tally/transport';
import type { OutboxMessage } from '../debt/debt.repository';
import type { ManualHold } from './manual-hold-events';

/**
 * Namespaces held by hand. A hold and its release are each written with their events in one
 * transaction, or not at all when there is nothing to change (held already, or not held): an
 * action sent twice is carried out, and audited, once.
 */
@Injectable()
export class ManualHoldRepository {
  constructor(private readonly prisma: PrismaService) {}

  async of(namespace: string): Promise<ManualHold | null> {
    const row = await this.prisma.manualHold.findUnique({ where: { namespace } });
    if (row === null) return null;
    const { actorType, actorId, ...hold } = row;
    // Written from an Actor by `hold`: the type is one of Actor's.
    return { ...hold, actor: { type: actorType as Actor['type'], id: actorId ?? undefined } };
  }

  /** Which of these namespaces are held by hand. */
  async heldAmong(namespaces: readonly string[]): Promise<Set<string>> {
    const rows = await this.prisma.manualHold.findMany({
      where: { namespace: { in: [...namespaces] } },
      select: { namespace: true },
    });
    return new Set(rows.map((row) => row.namespace));
  }

  /** Records the hold with its events; false when the namespace is held already. */
  hold(hold: ManualHold, events: readonly OutboxMessage[]): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.manualHold.createMany({
        data: [
          {
            namespace: hold.namespace,
            tenantId: hold.tenantId,
            walletId: hold.walletId,
            reason: hold.reason,
            actorType: hold.actor.type,
            actorId: hold.actor.id ?? null,
            since: hold.since,
          },
        ],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await append(tx, events);
      return true;
    });
  }

  /** Deletes the hold seen with its events; false when it was released already. */
  release(hold: ManualHold, events: readonly OutboxMessage[]): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const where = { namespace: hold.namespace, since: hold.since };
      const { count } = await tx.manualHold.deleteMany({ where });
      if (count === 0) return false;
      await append(tx, events);
      return true;
    });
  }
}

async function append(
  tx: Prisma.TransactionClient,
  events: readonly OutboxMessage[],
): Promise<void> {
  for (const event of events) {
    await appendToOutbox(tx, 'metering', event.topic, event.payload as Prisma.InputJsonValue);
  }
}
