import { Injectable, Logger } from '@nestjs/common';
import type { Prisma, RechargeStatus } from '@prisma/client';
import { RpcClient } from '@tally/transport';
import { centsToMicros } from './recharge-amount';
import { RechargeRepository } from './recharge.repository';

const BILLING_SERVICE = { kind: 'service', service: 'billing' } as const;

/** The fields of a Checkout Session the processor reads. */
interface SessionFields {
  readonly id: string;
  readonly rechargeId: string | null;
  readonly paymentStatus: string | null;
  readonly amountTotal: number | null;
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
      default:
        this.logger.log({ type }, 'stripe event ignored');
    }
  }

  private async credit(session: SessionFields): Promise<void> {
    const recharge = await this.rechargeOf(session);
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
    const [result] = await this.rpc.send('account.ledger.postBatch', {
      principal: BILLING_SERVICE,
      input: {
        postings: [
          {
            kind: 'recharge',
            idempotencyKey: `stripe:${session.id}`,
            lines: [
              { account: `wallet:${recharge.walletId}`, amountMicros: paidMicros.toString() },
              { account: 'system:stripe_clearing', amountMicros: (-paidMicros).toString() },
            ],
          },
        ],
      },
    });
    if (result?.outcome === 'conflict') {
      this.logger.error({ sessionId: session.id }, 'ledger key stripe:<session> holds other lines');
    }
    await this.recharges.settle(recharge.id, 'SUCCEEDED', paidMicros);
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
  const object = field(field(payload, 'data'), 'object');
  const id = field(object, 'id');
  if (typeof id !== 'string') throw new Error('event has no data.object.id');
  const metadataId = field(field(object, 'metadata'), 'rechargeId');
  const reference = field(object, 'client_reference_id');
  const rechargeId =
    typeof metadataId === 'string' ? metadataId : typeof reference === 'string' ? reference : null;
  const paymentStatus = field(object, 'payment_status');
  const amountTotal = field(object, 'amount_total');
  return {
    id,
    rechargeId: rechargeId !== null && UUID.test(rechargeId) ? rechargeId : null,
    paymentStatus: typeof paymentStatus === 'string' ? paymentStatus : null,
    amountTotal: typeof amountTotal === 'number' ? amountTotal : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function field(value: Prisma.JsonValue | undefined, name: string): Prisma.JsonValue | undefined {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  return value[name];
}
