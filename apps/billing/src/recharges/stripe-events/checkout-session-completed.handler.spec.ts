import { CheckoutSessionCompletedHandler } from './checkout-session-completed.handler';
import { sessionEvent } from './stripe-events.fake';

const RECHARGE = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('CheckoutSessionCompletedHandler', () => {
  const handler = new CheckoutSessionCompletedHandler();

  it('names a paid session for the batch to credit', () => {
    const payload = sessionEvent('checkout.session.completed', {
      id: 'cs_1',
      rechargeId: RECHARGE,
    });
    expect(handler.paidSession(payload)).toMatchObject({ id: 'cs_1', rechargeId: RECHARGE });
  });

  it('credits nothing for a session not paid yet (a delayed method: async_payment_* follows)', () => {
    const payload = sessionEvent('checkout.session.completed', {
      id: 'cs_2',
      rechargeId: RECHARGE,
      paid: false,
    });
    expect(handler.paidSession(payload)).toBeNull();
  });
});
