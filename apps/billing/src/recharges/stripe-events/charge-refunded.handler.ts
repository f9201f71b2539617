import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { clawback } from '../bonus-rules';
import { fromStripeAmount } from '../stripe-amount';
import { bonusKey, CLEARING, PROMOTIONAL, RechargeLedger, walletPosting } from '../recharge-ledger';
import { RechargeRepository } from '../recharge.repository';
import type { ApplyingEventHandler } from './stripe-event-handler';
import { ledgerConflict, RechargeNotYetRecorded } from './stripe-events.errors';
import { field } from './stripe-session';

export type RefundRecharges = Pick<
  RechargeRepository,
  'byPaymentIntent' | 'recordRefund' | 'unpostedRefunds' | 'markRefundPosted'
>;

/**
 * `charge.refunded` carries the cumulative amount refunded. Each figure beyond what is
 * recorded becomes one refund step, recorded first (under a row lock) and then posted with
 * its share of the bonus clawed back; any order of deliveries ends at the same balance.
 */
@Injectable()
export class ChargeRefundedHandler implements ApplyingEventHandler {
  readonly kind = 'apply';

  constructor(
    @Inject(RechargeRepository) private readonly recharges: RefundRecharges,
    @Inject(RechargeLedger) private readonly ledger: Pick<RechargeLedger, 'post'>,
  ) {}

  async apply(payload: Prisma.JsonValue): Promise<void> {
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
      const conflicts = await this.ledger.post([
        walletPosting(
          'refund',
          `stripe-refund:${key}`,
          recharge.walletId,
          -step.amountMicros,
          CLEARING,
        ),
        // The bonus comes back from its own grant first, whatever else the wallet holds.
        ...(step.bonusClawbackMicros > 0n
          ? [
              {
                ...walletPosting(
                  'bonus_clawback',
                  `stripe-bonus-clawback:${key}`,
                  recharge.walletId,
                  -step.bonusClawbackMicros,
                  PROMOTIONAL,
                ),
                ...(recharge.stripeSessionId === null
                  ? {}
                  : { clawsBack: bonusKey(recharge.stripeSessionId) }),
              },
            ]
          : []),
      ]);
      // The step stays unposted: the event fails on every retry until a person looks.
      if (conflicts.size > 0) throw ledgerConflict([...conflicts]);
      await this.recharges.markRefundPosted(recharge.id, step.cumulativeMicros);
    }
  }
}
