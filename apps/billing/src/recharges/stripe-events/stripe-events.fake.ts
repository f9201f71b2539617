import type { Prisma, Recharge, RechargeRefund, RechargeStatus } from '@prisma/client';
import type { PostingRequest } from '@tally/transport';
import type { PaidSessionRecharges } from '../credit-paid-sessions';
import type { StoredEvents } from '../process-stripe-events';
import type { RechargeLedger } from '../recharge-ledger';
import type { StoredStripeEvent } from '../recharge.repository';
import type { RefundRecharges } from './charge-refunded.handler';
import type { SessionRecharges } from './settle-session';

export const WALLET = '00000000-0000-4000-8000-0000000000aa';

/** A recharge of `amountMicros` (and `bonusMicros`), PENDING, as billing stores it. */
export function recharge(id: string, overrides: Partial<Recharge> = {}): Recharge {
  return {
    id,
    tenantId: '00000000-0000-4000-8000-0000000000ee',
    walletId: WALLET,
    amountMicros: 20_000_000n,
    bonusMicros: 0n,
    currency: 'USD',
    status: 'PENDING',
    idempotencyKey: `key-${id}`,
    stripeSessionId: null,
    paymentIntentId: null,
    firstBonusMicros: 0n,
    refundedMicros: 0n,
    checkoutUrl: null,
    createdBy: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

/** A `checkout.session.*` event's payload for the session of `rechargeId`. */
export function sessionEvent(
  type: string,
  session: { id: string; rechargeId: string | null; paid?: boolean; amountTotal?: number },
): Prisma.JsonValue {
  return {
    type,
    data: {
      object: {
        id: session.id,
        payment_status: session.paid === false ? 'unpaid' : 'paid',
        amount_total: session.amountTotal ?? 2000,
        payment_intent: `pi_${session.id}`,
        metadata: session.rechargeId === null ? {} : { rechargeId: session.rechargeId },
      },
    },
  };
}

/** billing's recharge tables in memory, for the handlers' and the batch's specs. */
export class FakeRecharges
  implements SessionRecharges, RefundRecharges, PaidSessionRecharges, StoredEvents
{
  readonly recharges = new Map<string, Recharge>();
  readonly refunds: RechargeRefund[] = [];
  readonly events = new Map<string, StoredStripeEvent>();
  readonly settled: { status: RechargeStatus; ids: string[] }[] = [];
  readonly processed: string[] = [];

  add(row: Recharge): Recharge {
    this.recharges.set(row.id, row);
    return row;
  }

  async byId(id: string) {
    return this.recharges.get(id) ?? null;
  }

  async byIds(ids: readonly string[]) {
    return new Map(
      ids.flatMap((id) => (this.recharges.has(id) ? [[id, this.recharges.get(id)!]] : [])),
    );
  }

  async byPaymentIntent(paymentIntentId: string) {
    return [...this.recharges.values()].find((r) => r.paymentIntentId === paymentIntentId) ?? null;
  }

  async attachPaymentIntents(
    attachments: readonly { rechargeId: string; paymentIntentId: string }[],
  ) {
    for (const { rechargeId, paymentIntentId } of attachments) {
      const row = this.recharges.get(rechargeId)!;
      row.paymentIntentId ??= paymentIntentId;
    }
  }

  async claimFirstBonus(row: Recharge) {
    return row;
  }

  async settle(status: RechargeStatus, moves: readonly { id: string; amountMicros?: bigint }[]) {
    this.settled.push({ status, ids: moves.map((m) => m.id) });
    for (const move of moves) {
      const row = this.recharges.get(move.id)!;
      if (row.status === 'SUCCEEDED' || row.status === 'REFUNDED') continue;
      row.status = status;
    }
    return moves.map((m) => m.id);
  }

  async recordRefund(
    id: string,
    cumulativeMicros: bigint,
    clawbackOf: (recharge: Recharge, cumulativeMicros: bigint) => bigint,
  ) {
    const row = this.recharges.get(id)!;
    if (cumulativeMicros <= row.refundedMicros) return;
    this.refunds.push({
      rechargeId: id,
      cumulativeMicros,
      amountMicros: cumulativeMicros - row.refundedMicros,
      bonusClawbackMicros: clawbackOf(row, cumulativeMicros),
      createdAt: new Date(0),
      postedAt: null,
    });
    row.refundedMicros = cumulativeMicros;
  }

  async unpostedRefunds(id: string) {
    return this.refunds.filter((r) => r.rechargeId === id && r.postedAt === null);
  }

  async markRefundPosted(rechargeId: string, cumulativeMicros: bigint) {
    const step = this.refunds.find(
      (r) => r.rechargeId === rechargeId && r.cumulativeMicros === cumulativeMicros,
    )!;
    step.postedAt = new Date(0);
  }

  async eventsByIds(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (this.events.has(id) ? [[id, this.events.get(id)!]] : [])));
  }

  async markProcessed(ids: readonly string[]) {
    this.processed.push(...ids);
  }
}

/** The ledger's batch posting: records every message; keys in `conflicting` conflict. */
export class FakeLedger implements Pick<RechargeLedger, 'post'> {
  readonly messages: PostingRequest[][] = [];
  readonly conflicting = new Set<string>();

  async post(postings: readonly PostingRequest[]) {
    this.messages.push([...postings]);
    return new Set(postings.map((p) => p.idempotencyKey).filter((k) => this.conflicting.has(k)));
  }

  /** Every key posted, in order. */
  keys(): string[] {
    return this.messages.flat().map((p) => p.idempotencyKey);
  }
}
