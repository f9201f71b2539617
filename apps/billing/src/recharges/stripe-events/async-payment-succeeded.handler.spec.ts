import { AsyncPaymentSucceededHandler } from './async-payment-succeeded.handler';
import { sessionEvent } from './stripe-events.fake';

describe('AsyncPaymentSucceededHandler', () => {
  it('names the session for the batch to credit', () => {
    const payload = sessionEvent('checkout.session.async_payment_succeeded', {
      id: 'cs_1',
      rechargeId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      amountTotal: 1234,
    });
    expect(new AsyncPaymentSucceededHandler().paidSession(payload)).toMatchObject({
      id: 'cs_1',
      amountTotal: 1234,
    });
  });
});
