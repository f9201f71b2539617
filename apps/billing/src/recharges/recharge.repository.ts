import { Injectable } from '@nestjs/common';
import type { Prisma, Recharge, RechargeRefund, RechargeStatus } from '@prisma/client';
import { toWireMicros } from '@tally/money';
import { isUniqueViolation, PrismaService } from '@tally/prisma';
import { emitOutboundEvents, type OutboundEventType } from '@tally/queue';
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

/** What a recharge's view shows. */
type ViewedRecharge = Pick<
  Recharge,
  | 'id'
  | 'tenantId'
  | 'walletId'
  | 'amountMicros'
  | 'bonusMicros'
  | 'refundedMicros'
  | 'currency'
  | 'status'
  | 'checkoutUrl'
  | 'createdAt'
>;

/**
 * A page of a tenant's recharges, newest first, after the recharge $2 if not null: one range of
 * the (tenant_id, created_at DESC, id DESC) index (EXPLAIN-checked in tenant-recharges.test.ts).
 */
export const TENANT_RECHARGES_PAGE_SQL = `
SELECT r.id, r.tenant_id AS "tenantId", r.wallet_id AS "walletId", r.amount_micros AS "amountMicros",
       r.bonus_micros AS "bonusMicros", r.refunded_micros AS "refundedMicros", r.currency, r.status,
       r.checkout_url AS "checkoutUrl", r.created_at AS "createdAt"
  FROM billing.recharges r
 WHERE r.tenant_id = $1::uuid
   AND ($2::uuid IS NULL
        OR (r.created_at, r.id) < (SELECT a.created_at, a.id FROM billing.recharges a WHERE a.id = $2::uuid))
 ORDER BY r.created_at DESC, r.id DESC
 LIMIT $3`;

type SettledRecharge = Pick<
  Recharge,
  'id' | 'tenantId' | 'walletId' | 'amountMicros' | 'currency' | 'status'
>;

export interface StoredStripeEvent {
  readonly type: string;
  readonly payload: Prisma.JsonValue;
  /** Applied already: a batch that comes again skips it. */
  readonly processed: boolean;
}

@Injectable()
export class RechargeRepository {
  constructor(private readonly prisma: PrismaService) {}

  byId(id: string): Promise<Recharge | null> {
    return this.prisma.recharge.findUnique({ where: { id } });
  }

  /**
   * Up to `take` of a tenant's recharges, newest first, from after the recharge `afterId` (which
   * must be the tenant's: null otherwise).
   */
  async pageOfTenant(
    tenantId: string,
    take: number,
    afterId: string | null,
  ): Promise<ViewedRecharge[] | null> {
    if (afterId !== null) {
      const start = await this.prisma.recharge.findFirst({
        where: { id: afterId, tenantId },
        select: { id: true },
      });
      if (start === null) return null;
    }
    return this.prisma.$queryRawUnsafe<ViewedRecharge[]>(
      TENANT_RECHARGES_PAGE_SQL,
      tenantId,
      afterId,
      take,
    );
  }

  bySessionId(stripeSessionId: string): Promise<Recharge | null> {
    return this.prisma.recharge.findUnique({ where: { stripeSessionId } });
  }

  async byIds(ids: readonly string[]): Promise<Map<string, Recharge>> {
    const recharges = await this.prisma.recharge.findMany({ where: { id: { in: [...ids] } } });
    return new Map(recharges.map((recharge) => [recharge.id, recharge]));
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

  /**
   * Records the PaymentIntent each session's payment became, where none is recorded yet. A
   * PaymentIntent another recharge already holds is left alone (Stripe gives each session its
   * own), so one odd event cannot fail the others.
   */
  async attachPaymentIntents(
    attachments: readonly { rechargeId: string; paymentIntentId: string }[],
  ): Promise<void> {
    if (attachments.length === 0) return;
    await this.prisma.pool.query({
      name: 'attach_payment_intents',
      text: `UPDATE billing.recharges r SET payment_intent_id = a.payment_intent_id, updated_at = now()
               FROM (SELECT DISTINCT ON (payment_intent_id) *
                       FROM unnest($1::uuid[], $2::text[]) AS a (id, payment_intent_id)) a
              WHERE r.id = a.id AND r.payment_intent_id IS NULL
                AND NOT EXISTS (SELECT 1 FROM billing.recharges held
                                 WHERE held.payment_intent_id = a.payment_intent_id)`,
      values: [attachments.map((a) => a.rechargeId), attachments.map((a) => a.paymentIntentId)],
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

  unpostedRefunds(id: string): Promise<RechargeRefund[]> {
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
   * Moves recharges to `status` unless they already reached SUCCEEDED (or REFUNDED): a late
   * `expired` or `failed` never undoes a payment. A SUCCEEDED move also records the amount
   * paid. Answers the ids that changed. A move to SUCCEEDED or FAILED is announced to the
   * tenant's webhooks in the same transaction, once.
   */
  async settle(
    status: RechargeStatus,
    moves: readonly { id: string; amountMicros?: bigint }[],
  ): Promise<string[]> {
    if (moves.length === 0) return [];
    return this.prisma.$transaction(async (tx) => {
      const changed = await tx.$queryRaw<SettledRecharge[]>`
        UPDATE billing.recharges r
           SET status = ${status}::billing."RechargeStatus",
               amount_micros = coalesce(m.amount_micros, r.amount_micros), updated_at = now()
          FROM unnest(${moves.map((m) => m.id)}::uuid[],
                      ${moves.map((m) => m.amountMicros?.toString() ?? null)}::bigint[])
                 AS m (id, amount_micros)
         WHERE r.id = m.id AND r.status NOT IN ('SUCCEEDED', 'REFUNDED', ${status}::billing."RechargeStatus")
        RETURNING r.id, r.tenant_id AS "tenantId", r.wallet_id AS "walletId",
                  r.amount_micros AS "amountMicros", r.currency, r.status`;
      const type = announcedAs[status];
      if (type !== undefined) {
        await emitOutboundEvents(
          tx,
          'billing',
          changed.map((recharge) => ({
            tenantId: recharge.tenantId,
            type,
            data: {
              rechargeId: recharge.id,
              walletId: recharge.walletId,
              amountMicros: toWireMicros(recharge.amountMicros),
              currency: recharge.currency,
              status: recharge.status,
            },
          })),
        );
      }
      return changed.map((recharge) => recharge.id);
    });
  }

  // The statements below run for every Stripe event, in batches; they are prepared statements
  // on the pool rather than Prisma queries, whose planning costs more CPU than the query.

  /**
   * Stores the webhook events not stored before and, in the same statement, a `stripe.event`
   * outbox row for each: an event stored is an event that will be processed, and a re-sent
   * one adds nothing. Answers the ids it stored. (The relay hands events to BullMQ in
   * batches, far cheaper than a queue call per delivery.)
   */
  async storeEvents(events: readonly VerifiedStripeEvent[]): Promise<string[]> {
    const { rows } = await this.prisma.pool.query<{ id: string }>({
      name: 'store_stripe_events',
      text: `WITH stored AS (
               INSERT INTO billing.stripe_events (id, type, body)
               SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
               ON CONFLICT (id) DO NOTHING RETURNING id
             )
             INSERT INTO billing.outbox (topic, payload)
             SELECT 'stripe.event', jsonb_build_object('eventId', id) FROM stored
             RETURNING payload ->> 'eventId' AS id`,
      values: [events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.body)],
    });
    return rows.map((row) => row.id);
  }

  /** The stored events among `ids`, with their JSON parsed. */
  async eventsByIds(ids: readonly string[]): Promise<Map<string, StoredStripeEvent>> {
    const { rows } = await this.prisma.pool.query<{
      id: string;
      type: string;
      body: string;
      processed: boolean;
    }>({
      name: 'stripe_events_by_ids',
      text: `SELECT id, type, body, processed_at IS NOT NULL AS processed
               FROM billing.stripe_events WHERE id = ANY ($1::text[])`,
      values: [ids],
    });
    return new Map(
      rows.map(({ id, type, body, processed }) => [
        id,
        { type, payload: JSON.parse(body) as Prisma.JsonValue, processed },
      ]),
    );
  }

  async markProcessed(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.pool.query({
      name: 'mark_stripe_events_processed',
      text: `UPDATE billing.stripe_events SET processed_at = now(), error = NULL
              WHERE id = ANY ($1::text[])`,
      values: [ids],
    });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.prisma.stripeEvent.update({ where: { id }, data: { error } });
  }
}

const announcedAs: Partial<Record<RechargeStatus, OutboundEventType>> = {
  SUCCEEDED: 'recharge.succeeded',
  FAILED: 'recharge.failed',
};

export function toRechargeView(recharge: ViewedRecharge): RechargeView {
  return {
    id: recharge.id,
    tenantId: recharge.tenantId,
    walletId: recharge.walletId,
    amountMicros: toWireMicros(recharge.amountMicros),
    bonusMicros: toWireMicros(recharge.bonusMicros),
    refundedMicros: toWireMicros(recharge.refundedMicros),
    currency: recharge.currency,
    status: recharge.status,
    checkoutUrl: recharge.checkoutUrl,
    createdAt: recharge.createdAt.toISOString(),
  };
}
