import { Injectable, Logger } from '@nestjs/common';
import type { Prisma, RechargeStatus } from '@prisma/client';
import { RpcClient, type PostingRequest } from '@tally/transport';
import { clawback } from './bonus-rules';
import { centsToMicros } from './recharge-amount';
import { RechargeRepository } from './recharge.repository';

const BILLING_SERVICE = { kind: 'service', service: 'billing' } as const;

/** The fields of a Checkout Session the processor reads. */
export interface SessionFields {
  readonly id: string;
  readonly rechargeId: string | null;
  readonly paymentStatus: string | null;
  readonly amountTotal: number | null;
  readonly paymentIntentId: string | null;
}

export class RechargeNotYetRecorded extends Error {}

/**
 * Applies one stored Stripe event. Paid sessions credit the wallet with one ledger posting
 * keyed by the session, so duplicates and re-deliveries post once; status moves never undo
 * a SUCCEEDED recharge, so out-of-order events converge.
 */
@Injectable()
export class ProcessStripeEvent {
  private readonly logger = new Logger(ProcessStripeEvent.name);

  constructor(
    private readonly recharges: RechargeRepository,
    private readonly rpc: RpcClient,
  ) {}

  async execute(eventId: string): Promise<void> {
    const event = await this.recharges.eventById(eventId);
    if (event === null) throw new Error(`stripe event ${eventId} is not stored`);
    await this.apply(event.type, event.payload);
    await this.recharges.markEvent(eventId, null);
  }

  private async apply(type: string, payload: Prisma.JsonValue): Promise<void> {
    switch (type) {
      case 'checkout.session.completed': {
        const session = sessionOf(payload);
        if (session.paymentStatus === 'paid') await this.credit(session);
        return;
      }
      case 'checkout.session.async_payment_succeeded':
        return this.credit(sessionOf(payload));
      case 'checkout.session.async_payment_failed':
        return this.move(sessionOf(payload), 'FAILED');
      case 'checkout.session.expired':
        return this.move(sessionOf(payload), 'EXPIRED');
      case 'charge.refunded':
        return this.refund(payload);
      default:
        this.logger.log({ type }, 'stripe event ignored');
    }
  }

  /** Credits a paid session (the webhook's path, and the reconcile job's for lost webhooks). */
  async credit(session: SessionFields): Promise<void> {
    let recharge = await this.rechargeOf(session);
    if (session.paymentIntentId !== null) {
      await this.recharges.attachPaymentIntent(recharge.id, session.paymentIntentId);
    }
    recharge = await this.recharges.claimFirstBonus(recharge);
    if (session.amountTotal === null) throw new Error(`session ${session.id} has no amount_total`);
    // Stripe's amount is what was paid: it is what the wallet gets.
    const paidMicros = centsToMicros(session.amountTotal);
    if (paidMicros !== recharge.amountMicros) {
      this.logger.warn(
        {
          rechargeId: recharge.id,
          requestedMicros: recharge.amountMicros.toString(),
          paidMicros: paidMicros.toString(),
        },
        'Stripe charged a different amount than requested; crediting what was paid',
      );
    }
    await this.post([
      walletPosting('recharge', `stripe:${session.id}`, recharge.walletId, paidMicros, CLEARING),
      // The bonus is its own transaction, from promotional credit: revenue stays what was paid.
      ...(recharge.bonusMicros > 0n
        ? [
            walletPosting(
              'bonus',
              `stripe-bonus:${session.id}`,
              recharge.walletId,
              recharge.bonusMicros,
              PROMOTIONAL,
            ),
          ]
        : []),
    ]);
    await this.recharges.settle(recharge.id, 'SUCCEEDED', paidMicros);
  }

  /**
   * `charge.refunded` carries the cumulative amount refunded. Each figure beyond what is
   * recorded becomes one refund step, recorded first (under a row lock) and then posted with
   * its share of the bonus clawed back; any order of deliveries ends at the same balance.
   */
  private async refund(payload: Prisma.JsonValue): Promise<void> {
    const charge = field(field(payload, 'data'), 'object');
    const paymentIntent = field(charge, 'payment_intent');
    const refundedCents = field(charge, 'amount_refunded');
    if (typeof paymentIntent !== 'string' || typeof refundedCents !== 'number') {
      throw new Error('charge.refunded without payment_intent or amount_refunded');
    }
    const recharge = await this.recharges.byPaymentIntent(paymentIntent);
    if (recharge === null) {
      throw new RechargeNotYetRecorded(`no recharge (yet) for PaymentIntent ${paymentIntent}`);
    }
    await this.recharges.recordRefund(recharge.id, centsToMicros(refundedCents), (r, cumulative) =>
      clawback(r.bonusMicros, r.amountMicros, r.refundedMicros, cumulative),
    );
    for (const step of await this.recharges.unpostedRefunds(recharge.id)) {
      const key = `${recharge.id}:${step.cumulativeMicros}`;
      await this.post([
        walletPosting(
          'refund',
          `stripe-refund:${key}`,
          recharge.walletId,
          -step.amountMicros,
          CLEARING,
        ),
        ...(step.bonusClawbackMicros > 0n
          ? [
              walletPosting(
                'bonus_clawback',
                `stripe-bonus-clawback:${key}`,
                recharge.walletId,
                -step.bonusClawbackMicros,
                PROMOTIONAL,
              ),
            ]
          : []),
      ]);
      await this.recharges.markRefundPosted(recharge.id, step.cumulativeMicros);
    }
  }

  private async post(postings: PostingRequest[]): Promise<void> {
    const results = await this.rpc.send('account.ledger.postBatch', {
      principal: BILLING_SERVICE,
      input: { postings },
    });
    for (const result of results.filter((r) => r.outcome === 'conflict')) {
      this.logger.error({ key: result.idempotencyKey }, 'ledger key holds other lines');
    }
  }

  private async move(session: SessionFields, status: RechargeStatus): Promise<void> {
    const recharge = await this.rechargeOf(session);
    await this.recharges.settle(recharge.id, status);
  }

  /** Throws while the recharge is not committed yet, so the job is retried with backoff. */
  private async rechargeOf(session: SessionFields) {
    const recharge =
      session.rechargeId === null ? null : await this.recharges.byId(session.rechargeId);
    if (recharge === null) {
      throw new RechargeNotYetRecorded(`no recharge (yet) for Checkout Session ${session.id}`);
    }
    return recharge;
  }
}

function sessionOf(payload: Prisma.JsonValue): SessionFields {
  return sessionFields(field(field(payload, 'data'), 'object'));
}

/** A Checkout Session object (from an event, or from Stripe's API) as the processor reads it. */
export function sessionFields(object: Prisma.JsonValue | undefined): SessionFields {
  const id = field(object, 'id');
  if (typeof id !== 'string') throw new Error('event has no data.object.id');
  const metadataId = field(field(object, 'metadata'), 'rechargeId');
  const reference = field(object, 'client_reference_id');
  const rechargeId =
    typeof metadataId === 'string' ? metadataId : typeof reference === 'string' ? reference : null;
  const paymentStatus = field(object, 'payment_status');
  const amountTotal = field(object, 'amount_total');
  const paymentIntent = field(object, 'payment_intent');
  return {
    paymentIntentId: typeof paymentIntent === 'string' ? paymentIntent : null,
    id,
    rechargeId: rechargeId !== null && UUID.test(rechargeId) ? rechargeId : null,
    paymentStatus: typeof paymentStatus === 'string' ? paymentStatus : null,
    amountTotal: typeof amountTotal === 'number' ? amountTotal : null,
  };
}

const CLEARING = 'system:stripe_clearing';
const PROMOTIONAL = 'system:promotional_credit';

/** `micros` into (or, negative, out of) the wallet, against `counterpart`. */
function walletPosting(
  kind: string,
  idempotencyKey: string,
  walletId: string,
  micros: bigint,
  counterpart: string,
): PostingRequest {
  return {
    kind,
    idempotencyKey,
    lines: [
      { account: `wallet:${walletId}`, amountMicros: micros.toString() },
      { account: counterpart, amountMicros: (-micros).toString() },
    ],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function field(value: Prisma.JsonValue | undefined, name: string): Prisma.JsonValue | undefined {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  return value[name];
}
