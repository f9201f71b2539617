import { sessionFields, sessionOf } from './stripe-session';

const RECHARGE = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('sessionFields', () => {
  it('reads the fields billing needs from a Checkout Session', () => {
    expect(
      sessionFields({
        id: 'cs_1',
        payment_status: 'paid',
        amount_total: 4200,
        currency: 'jpy',
        payment_intent: 'pi_1',
        metadata: { rechargeId: RECHARGE },
      }),
    ).toEqual({
      id: 'cs_1',
      rechargeId: RECHARGE,
      paymentStatus: 'paid',
      amountTotal: 4200,
      currency: 'jpy',
      paymentIntentId: 'pi_1',
    });
  });

  it('falls back to client_reference_id, and ignores a recharge id that is not a uuid', () => {
    expect(sessionFields({ id: 'cs_2', client_reference_id: RECHARGE }).rechargeId).toBe(RECHARGE);
    expect(sessionFields({ id: 'cs_3', metadata: { rechargeId: 'nope' } }).rechargeId).toBeNull();
  });

  it('answers null for fields of the wrong type rather than trusting them', () => {
    expect(sessionFields({ id: 'cs_4', amount_total: '4200', payment_status: 1 })).toMatchObject({
      amountTotal: null,
      paymentStatus: null,
      paymentIntentId: null,
    });
  });

  it('refuses an event without data.object.id', () => {
    expect(() => sessionOf({ data: { object: {} } })).toThrow('event has no data.object.id');
    expect(() => sessionOf({ data: [] })).toThrow('event has no data.object.id');
  });
});
