import { CheckoutSessionExpiredHandler } from './checkout-session-expired.handler';
import { RechargeNotYetRecorded } from './stripe-events.errors';
import { FakeRecharges, recharge, sessionEvent } from './stripe-events.fake';

const RECHARGE = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const expired = sessionEvent('checkout.session.expired', {
  id: 'cs_1',
  rechargeId: RECHARGE,
  paid: false,
});

describe('CheckoutSessionExpiredHandler', () => {
  it('moves a pending recharge to EXPIRED', async () => {
    const recharges = new FakeRecharges();
    recharges.add(recharge(RECHARGE));
    await new CheckoutSessionExpiredHandler(recharges).apply(expired);
    expect(recharges.recharges.get(RECHARGE)!.status).toBe('EXPIRED');
  });

  it('is retried while the recharge is not recorded yet', async () => {
    await expect(
      new CheckoutSessionExpiredHandler(new FakeRecharges()).apply(expired),
    ).rejects.toBeInstanceOf(RechargeNotYetRecorded);
  });
});
