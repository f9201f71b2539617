import { Injectable, Logger } from '@nestjs/common';
import type { Prisma, Recharge, RechargeStatus } from '@prisma/client';
import {
  postingLine,
  RpcClient,
  SystemAccount,
  type LedgerAccount,
  type PostingRequest,
} from '@tally/transport';
import { clawback } from './bonus-rules';
import { RechargeRepository } from './recharge.repository';
import { fromStripeAmount } from './stripe-amount';

const BILLING_SERVICE = { kind: 'service', service: 'billing' } as const;

/** The fields of a Checkout Session the processor reads. */
export interface SessionFields {
  readonly id: string;
  readonly rechargeId: string | null;
  readonly paymentStatus: string | null;
  readonly amountTotal: number | null;
  /** Lower case, as Stripe writes it. */
  readonly currency: string | null;
  readonly paymentIntentId: string | null;
}

export class RechargeNotYetRecorded extends Error {}

/**
 * Applies stored Stripe events, a relay batch at a time. Paid sessions credit the wallet
 * with one ledger posting keyed by the session, so duplicates and re-deliveries post once;
 * status moves never undo a SUCCEEDED recharge, so out-of-order events converge. The paid
 * sessions of a batch are credited together: one ledger message and a handful of set-based
 * statements instead of a dozen round trips each. Each event still succeeds or fails on its
 * own, and an event once applied is never applied again.
 */
@Injectable()
export class ProcessStripeEvents {
  private readonly logger = new Logger(ProcessStripeEvents.name);

  constructor(
    private readonly recharges: RechargeRepository,
    private readonly rpc: RpcClient,
  ) {}

  /** Applies the events not applied yet; answers, by event id, those that failed and why. */
  async execute(eventIds: readonly string[]): Promise<Map<string, Error>> {
    const events = await this.recharges.eventsByIds(eventIds);
    const failures = new Map<string, Error>();
    const paid: { eventId: string; session: SessionFields }[] = [];
    const others: string[] = [];
    for (const id of new Set(eventIds)) {
      const event = events.get(id);
      try {
        if (event === undefined) throw new Error(`stripe event ${id} is not stored`);
        if (event.processed) continue;
        const session = paidSession(event.type, event.payload);
        if (session === null) others.push(id);
        else paid.push({ eventId: id, session });
      } catch (error) {
        failures.set(id, asError(error));
      }
    }
    const creditFailures = await this.credit(paid.map((p) => p.session));
    for (const { eventId, session } of paid) {
      const failure = creditFailures.get(session.id);
      if (failure !== undefined) failures.set(eventId, failure);
    }
    for (const id of others) {
      const event = events.get(id)!;
      await this.apply(event.type, event.payload).catch((error: unknown) =>
        failures.set(id, asError(error)),
      );
    }
    const applied = [...paid.map((p) => p.eventId), ...others].filter((id) => !failures.has(id));
    await this.recharges.markProcessed(applied);
    return failures;
  }

  /** Every event that does not credit a wallet, one at a time. */
  private async apply(type: string, payload: Prisma.JsonValue): Promise<void> {
    switch (type) {
      case 'checkout.session.async_payment_failed':
        return this.move(sessionOf(payload), 'FAILED');
      case 'checkout.session.expired':
        return this.move(sessionOf(payload), 'EXPIRED');
      case 'charge.refunded':
        return this.refund(payload);
      case 'checkout.session.completed':
        return; // not paid (yet): async_payment_succeeded or _failed follows
      default:
        this.logger.log({ type }, 'stripe event ignored');
    }
  }

  /**
   * Credits paid sessions (the webhooks' path, and the reconcile job's for lost webhooks):
   * all in one ledger message. Answers, by session id, the sessions that could not be
   * credited yet and why; the others are credited (now or before).
   */
  async credit(sessions: readonly SessionFields[]): Promise<Map<string, Error>> {
    const failures = new Map<string, Error>();
    const unique = [...new Map(sessions.map((s) => [s.id, s])).values()];
    const recorded = await this.recharges.byIds(
      unique.flatMap((s) => (s.rechargeId === null ? [] : [s.rechargeId])),
    );
    const ready: { session: SessionFields; recharge: Recharge; paidMicros: bigint }[] = [];
    for (const session of unique) {
      const recharge = session.rechargeId === null ? undefined : recorded.get(session.rechargeId);
      if (recharge === undefined) {
        failures.set(
          session.id,
          new RechargeNotYetRecorded(`no recharge (yet) for Checkout Session ${session.id}`),
        );
      } else if (session.amountTotal === null) {
        failures.set(session.id, new Error(`session ${session.id} has no amount_total`));
      } else if (
        session.currency !== null &&
        session.currency.toUpperCase() !== recharge.currency
      ) {
        // Never credit a wallet in a currency other than its own.
        failures.set(
          session.id,
          new Error(
            `session ${session.id} was paid in ${session.currency}, recharge ${recharge.id} is in ${recharge.currency}`,
          ),
        );
      } else {
        // Stripe's amount is what was paid, in the recharge's currency's minor unit: it is what
        // the wallet gets.
        const paidMicros = fromStripeAmount(session.amountTotal, recharge.currency);
        ready.push({ session, recharge, paidMicros });
      }
    }
    if (ready.length === 0) return failures;

    await this.recharges.attachPaymentIntents(
      ready.flatMap(({ session, recharge }) =>
        session.paymentIntentId === null
          ? []
          : [{ rechargeId: recharge.id, paymentIntentId: session.paymentIntentId }],
      ),
    );
    for (const entry of ready) {
      entry.recharge = await this.recharges.claimFirstBonus(entry.recharge);
      if (entry.paidMicros !== entry.recharge.amountMicros) {
        this.logger.warn(
          {
            rechargeId: entry.recharge.id,
            requestedMicros: entry.recharge.amountMicros.toString(),
            paidMicros: entry.paidMicros.toString(),
          },
          'Stripe charged a different amount than requested; crediting what was paid',
        );
      }
    }
    await this.post(
      ready.flatMap(({ session, recharge, paidMicros }) => [
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
      ]),
    );
    await this.recharges.settle(
      'SUCCEEDED',
      ready.map(({ recharge, paidMicros }) => ({ id: recharge.id, amountMicros: paidMicros })),
    );
    return failures;
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
    const refunded = fromStripeAmount(refundedCents, recharge.currency);
    await this.recharges.recordRefund(recharge.id, refunded, (r, cumulative) =>
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

  /** Throws while the recharge is not committed yet, so the event is retried with backoff. */
  private async move(session: SessionFields, status: RechargeStatus): Promise<void> {
    const recharge =
      session.rechargeId === null ? null : await this.recharges.byId(session.rechargeId);
    if (recharge === null) {
      throw new RechargeNotYetRecorded(`no recharge (yet) for Checkout Session ${session.id}`);
    }
    await this.recharges.settle(status, [{ id: recharge.id }]);
  }
}

/** The paid session of `completed` (payment_status paid) or `async_payment_succeeded`. */
function paidSession(type: string, payload: Prisma.JsonValue): SessionFields | null {
  if (type === 'checkout.session.async_payment_succeeded') return sessionOf(payload);
  if (type !== 'checkout.session.completed') return null;
  const session = sessionOf(payload);
  return session.paymentStatus === 'paid' ? session : null;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
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
  const currency = field(object, 'currency');
  const paymentIntent = field(object, 'payment_intent');
  return {
    paymentIntentId: typeof paymentIntent === 'string' ? paymentIntent : null,
    id,
    rechargeId: rechargeId !== null && UUID.test(rechargeId) ? rechargeId : null,
    paymentStatus: typeof paymentStatus === 'string' ? paymentStatus : null,
    amountTotal: typeof amountTotal === 'number' ? amountTotal : null,
    currency: typeof currency === 'string' ? currency : null,
  };
}

const CLEARING: LedgerAccount = { system: SystemAccount.StripeClearing };
const PROMOTIONAL: LedgerAccount = { system: SystemAccount.PromotionalCredit };

/** `micros` into (or, negative, out of) the wallet, against `counterpart`. */
function walletPosting(
  kind: string,
  idempotencyKey: string,
  walletId: string,
  micros: bigint,
  counterpart: LedgerAccount,
): PostingRequest {
  return {
    kind,
    idempotencyKey,
    lines: [postingLine({ walletId }, micros), postingLine(counterpart, -micros)],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function field(value: Prisma.JsonValue | undefined, name: string): Prisma.JsonValue | undefined {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  return value[name];
}
