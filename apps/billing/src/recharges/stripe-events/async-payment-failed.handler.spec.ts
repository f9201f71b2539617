import { AsyncPaymentFailedHandler } from './async-payment-failed.handler';
import { RechargeNotYetRecorded } from './stripe-events.errors';
import { FakeRecharges, recharge, sessionEvent } from './stripe-events.fake';

const RECHARGE = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const failed = (rechargeId: string | null) =>
  sessionEvent('checkout.session.async_payment_failed', { id: 'cs_1', rechargeId, paid: false });

describe('AsyncPaymentFailedHandler', () => {
  it('moves the recharge to FAILED', async () => {
    const recharges = new FakeRecharges();
    recharges.add(recharge(RECHARGE));
    await new AsyncPaymentFailedHandler(recharges).apply(failed(RECHARGE));
    expect(recharges.settled).toEqual([{ status: 'FAILED', ids: [RECHARGE] }]);
    expect(recharges.recharges.get(RECHARGE)!.status).toBe('FAILED');
  });

  it('is retried while the recharge is not recorded yet', async () => {
    const handler = new AsyncPaymentFailedHandler(new FakeRecharges());
    await expect(handler.apply(failed(RECHARGE))).rejects.toBeInstanceOf(RechargeNotYetRecorded);
    await expect(handler.apply(failed(null))).rejects.toBeInstanceOf(RechargeNotYetRecorded);
  });
});
