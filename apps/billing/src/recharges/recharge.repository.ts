import { Injectable } from '@nestjs/common';
import type { Prisma, Recharge, RechargeStatus } from '@prisma/client';
import { isUniqueViolation, PrismaService } from '@tally/prisma';
import { emitOutboundEvent, type OutboundEventType } from '@tally/queue';
import type { RechargeView, VerifiedStripeEvent } from '@tally/transport';

export interface NewRecharge {
  readonly tenantId: string;
  readonly walletId: string;
  readonly amountMicros: bigint;
  /** Zero when absent. */
  readonly bonusMicros?: bigint;
  readonly firstBonusMicros?: bigint;
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

  byPaymentIntent(paymentIntentId: string): Promise<Recharge | null> {
    return this.prisma.recharge.findUnique({ where: { paymentIntentId } });
  }

  async firstBonusClaimed(tenantId: string): Promise<boolean> {
    return (await this.prisma.firstRechargeBonus.count({ where: { tenantId } })) > 0;
  }

  /**
   * Claims the tenant's first-recharge bonus for this recharge, once: true when it is this
   * recharge's (now or from an earlier delivery), false when another recharge has it — then
   * the first-recharge part leaves this recharge's bonus.
   */
  async claimFirstBonus(recharge: Recharge): Promise<Recharge> {
    if (recharge.firstBonusMicros === 0n) return recharge;
    return this.prisma.$transaction(async (tx) => {
      await tx.firstRechargeBonus.createMany({
        data: [{ tenantId: recharge.tenantId, rechargeId: recharge.id }],
        skipDuplicates: true,
      });
      const claim = await tx.firstRechargeBonus.findUniqueOrThrow({
        where: { tenantId: recharge.tenantId },
      });
      if (claim.rechargeId === recharge.id) return recharge;
      return tx.recharge.update({
        where: { id: recharge.id },
        data: {
          bonusMicros: recharge.bonusMicros - recharge.firstBonusMicros,
          firstBonusMicros: 0n,
        },
      });
    });
  }

  async attachPaymentIntent(id: string, paymentIntentId: string): Promise<void> {
    await this.prisma.recharge.updateMany({
      where: { id, paymentIntentId: null },
      data: { paymentIntentId },
    });
  }

  /**
   * Records the next step of a recharge's refunds, if `cumulativeMicros` goes past what is
   * recorded: under a row lock, so two deliveries never record the same refund twice.
   */
  async recordRefund(
    id: string,
    cumulativeMicros: bigint,
    clawbackOf: (recharge: Recharge, cumulativeMicros: bigint) => bigint,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM billing.recharges WHERE id = ${id}::uuid FOR UPDATE`;
      if (locked === undefined) return;
      const recharge = await tx.recharge.findUniqueOrThrow({ where: { id } });
      // Never more than was paid (a CHECK says so too).
      const cumulative =
        cumulativeMicros > recharge.amountMicros ? recharge.amountMicros : cumulativeMicros;
      if (cumulative <= recharge.refundedMicros) return;
      await tx.rechargeRefund.create({
        data: {
          rechargeId: id,
          cumulativeMicros: cumulative,
          amountMicros: cumulative - recharge.refundedMicros,
          bonusClawbackMicros: clawbackOf(recharge, cumulative),
        },
      });
      await tx.recharge.update({
        where: { id },
        data: {
          refundedMicros: cumulative,
          ...(cumulative === recharge.amountMicros ? { status: 'REFUNDED' as const } : {}),
        },
      });
    });
  }

  unpostedRefunds(id: string) {
    return this.prisma.rechargeRefund.findMany({
      where: { rechargeId: id, postedAt: null },
      orderBy: { cumulativeMicros: 'asc' },
    });
  }

  async markRefundPosted(rechargeId: string, cumulativeMicros: bigint): Promise<void> {
    await this.prisma.rechargeRefund.update({
      where: { rechargeId_cumulativeMicros: { rechargeId, cumulativeMicros } },
      data: { postedAt: new Date() },
    });
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
  /**
   * Stores a webhook event once and, in the same statement, its `stripe.event` outbox row: an
   * event stored is an event that will be processed, and a re-sent one adds nothing. (The
   * relay hands events to BullMQ in batches, far cheaper than a queue call per delivery.)
   */
  async storeEvent(event: VerifiedStripeEvent): Promise<boolean> {
    const { rows } = await this.prisma.pool.query<{ stored: boolean }>({
      name: 'store_stripe_event',
      text: `WITH stored AS (
               INSERT INTO billing.stripe_events (id, type, payload) VALUES ($1, $2, $3::jsonb)
               ON CONFLICT (id) DO NOTHING RETURNING id
             ), queued AS (
               INSERT INTO billing.outbox (topic, payload)
               SELECT 'stripe.event', jsonb_build_object('eventId', id) FROM stored RETURNING 1
             )
             SELECT EXISTS (SELECT 1 FROM queued) AS stored`,
      values: [event.id, event.type, JSON.stringify(event.payload)],
    });
    return rows[0].stored;
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
