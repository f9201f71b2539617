import { DomainError } from '@tally/errors';
import { ChargeRefundedHandler } from './charge-refunded.handler';
import { RechargeNotYetRecorded } from './stripe-events.errors';
import { FakeLedger, FakeRecharges, recharge, WALLET } from './stripe-events.fake';

const RECHARGE = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const refunded = (amountRefundedCents: number, paymentIntent = 'pi_1') => ({
  type: 'charge.refunded',
  data: { object: { payment_intent: paymentIntent, amount_refunded: amountRefundedCents } },
});

describe('ChargeRefundedHandler', () => {
  let recharges: FakeRecharges;
  let ledger: FakeLedger;
  let handler: ChargeRefundedHandler;

  beforeEach(() => {
    recharges = new FakeRecharges();
    // 20.00 paid, 2.00 bonus.
    recharges.add(
      recharge(RECHARGE, {
        paymentIntentId: 'pi_1',
        stripeSessionId: 'cs_1',
        bonusMicros: 2_000_000n,
      }),
    );
    ledger = new FakeLedger();
    handler = new ChargeRefundedHandler(recharges, ledger);
  });

  it('debits each new cumulative refund once, with its share of the bonus clawed back from its grant', async () => {
    await handler.apply(refunded(500)); // 5.00 of 20.00: a quarter of the bonus
    await handler.apply(refunded(500)); // the same figure again: nothing
    expect(ledger.messages).toEqual([
      [
        {
          kind: 'refund',
          idempotencyKey: `stripe-refund:${RECHARGE}:5000000`,
          lines: [
            { account: `wallet:${WALLET}`, amountMicros: '-5000000' },
            { account: 'system:stripe_clearing', amountMicros: '5000000' },
          ],
        },
        {
          kind: 'bonus_clawback',
          idempotencyKey: `stripe-bonus-clawback:${RECHARGE}:5000000`,
          clawsBack: 'stripe-bonus:cs_1',
          lines: [
            { account: `wallet:${WALLET}`, amountMicros: '-500000' },
            { account: 'system:promotional_credit', amountMicros: '500000' },
          ],
        },
      ],
    ]);
    expect(recharges.refunds.map((r) => r.postedAt !== null)).toEqual([true]);
  });

  it('stops loudly when the ledger holds other lines under a refund key, leaving the step unposted', async () => {
    ledger.conflicting.add(`stripe-refund:${RECHARGE}:5000000`);
    const failure = await handler.apply(refunded(500)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({
      details: { reason: 'LEDGER_CONFLICT', keys: [`stripe-refund:${RECHARGE}:5000000`] },
    });
    expect(recharges.refunds.map((r) => r.postedAt)).toEqual([null]);
  });

  it('is retried while the payment it refunds is not known yet', async () => {
    await expect(handler.apply(refunded(500, 'pi_unknown'))).rejects.toBeInstanceOf(
      RechargeNotYetRecorded,
    );
  });

  it('refuses an event without payment_intent or amount_refunded', async () => {
    await expect(handler.apply({ data: { object: { payment_intent: 'pi_1' } } })).rejects.toThrow(
      'charge.refunded without payment_intent or amount_refunded',
    );
  });
});
