import { Injectable } from '@nestjs/common';
import type { Prisma, Recharge, RechargeStatus } from '@prisma/client';
import { isUniqueViolation, PrismaService } from '@tally/prisma';
import { emitOutboundEvent, type OutboundEventType } from '@tally/queue';
import type { RechargeView, VerifiedStripeEvent } from '@tally/transport';

export interface NewRecharge {
  readonly tenantId: string;
  readonly walletId: string;
  readonly amountMicros: bigint;
  readonly currency: string;
  readonly idempotencyKey: string;
  readonly createdBy: string | null;
}

@Injectable()
export class RechargeRepository {
  constructor(private readonly prisma: PrismaService) {}

  byId(id: string): Promise<Recharge | null> {
    return this.prisma.recharge.findUnique({ where: { id } });
  }

  /** Inserts the recharge, or answers the one already recorded under (tenant, key). */
  async createOnce(draft: NewRecharge): Promise<{ recharge: Recharge; created: boolean }> {
    const key = { tenantId: draft.tenantId, idempotencyKey: draft.idempotencyKey };
    const existing = await this.prisma.recharge.findUnique({
      where: { tenantId_idempotencyKey: key },
    });
    if (existing) return { recharge: existing, created: false };
    try {
      return { recharge: await this.prisma.recharge.create({ data: { ...draft } }), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.prisma.recharge.findUniqueOrThrow({
        where: { tenantId_idempotencyKey: key },
      });
      return { recharge: winner, created: false };
    }
  }

  attachSession(id: string, sessionId: string, checkoutUrl: string | null): Promise<Recharge> {
    return this.prisma.recharge.update({
      where: { id },
      data: { stripeSessionId: sessionId, checkoutUrl },
    });
  }

  /**
   * Moves a recharge to `status` unless it already reached SUCCEEDED (or REFUNDED): a late
   * `expired` or `failed` never undoes a payment. Answers whether the row changed. A move to
   * SUCCEEDED or FAILED is announced to the tenant's webhooks in the same transaction, once.
   */
  async settle(id: string, status: RechargeStatus, amountMicros?: bigint): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const changed = await tx.recharge.updateMany({
        where: { id, status: { notIn: ['SUCCEEDED', 'REFUNDED', status] } },
        data: { status, ...(amountMicros === undefined ? {} : { amountMicros }) },
      });
      if (changed.count === 0) return false;
      const type = announcedAs[status];
      if (type !== undefined) {
        const recharge = await tx.recharge.findUniqueOrThrow({ where: { id } });
        await emitOutboundEvent(tx, 'billing', {
          tenantId: recharge.tenantId,
          type,
          data: {
            rechargeId: recharge.id,
            walletId: recharge.walletId,
            amountMicros: recharge.amountMicros.toString(),
            currency: recharge.currency,
            status: recharge.status,
          },
        });
      }
      return true;
    });
  }

  /** Stores a webhook event once; answers false when Stripe re-sent one already stored. */
  async storeEvent(event: VerifiedStripeEvent): Promise<boolean> {
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO "billing"."stripe_events" (id, type, payload)
      VALUES (${event.id}, ${event.type}, ${JSON.stringify(event.payload)}::jsonb)
      ON CONFLICT (id) DO NOTHING`;
    return inserted > 0;
  }

  eventById(id: string): Promise<{
    id: string;
    type: string;
    payload: Prisma.JsonValue;
    processedAt: Date | null;
  } | null> {
    return this.prisma.stripeEvent.findUnique({ where: { id } });
  }

  async markEvent(id: string, error: string | null): Promise<void> {
    await this.prisma.stripeEvent.update({
      where: { id },
      data: error === null ? { processedAt: new Date(), error: null } : { error },
    });
  }
}

const announcedAs: Partial<Record<RechargeStatus, OutboundEventType>> = {
  SUCCEEDED: 'recharge.succeeded',
  FAILED: 'recharge.failed',
};

export function toRechargeView(recharge: Recharge): RechargeView {
  return {
    id: recharge.id,
    tenantId: recharge.tenantId,
    walletId: recharge.walletId,
    amountMicros: recharge.amountMicros.toString(),
    bonusMicros: recharge.bonusMicros.toString(),
    currency: recharge.currency,
    status: recharge.status,
    checkoutUrl: recharge.checkoutUrl,
    createdAt: recharge.createdAt.toISOString(),
  };
}
