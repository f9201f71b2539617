import { DomainError, ErrorCode } from '@tally/errors';
import { fromStripeAmount, toStripeAmount } from './stripe-amount';

const refusal = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${String(error.details?.reason)}`;
    throw error;
  }
  return 'accepted';
};

describe('Stripe amounts', () => {
  it.each([
    ['USD', 25_500_000n, 2550],
    ['EUR', 10_000n, 1],
    ['JPY', 500_000_000n, 500],
    ['KRW', 1_000_000n, 1],
    ['KWD', 1_230_000n, 1230],
    ['KWD', 10_000n, 10],
  ])('%s %d micro-units are %d in Stripe and back, exactly', (currency, micros, stripe) => {
    expect(toStripeAmount(micros, currency)).toBe(stripe);
    expect(fromStripeAmount(stripe, currency)).toBe(micros);
  });

  it.each([
    ['JPY', 1_500_000n],
    ['JPY', 1n],
    ['USD', 5_000n],
    ['KWD', 1_000n],
    ['KWD', 1_235_000n],
  ])('refuses %s %d micro-units, which the currency cannot charge', (currency, micros) => {
    expect(refusal(() => toStripeAmount(micros, currency))).toBe(
      `${ErrorCode.BAD_USER_INPUT}:NOT_REPRESENTABLE_IN_CURRENCY`,
    );
  });

  it('says the step in the currency', () => {
    expect(() => toStripeAmount(1_500_000n, 'JPY')).toThrow(/steps of 1\b/);
    expect(() => toStripeAmount(1_000n, 'KWD')).toThrow(/steps of 0\.01\b/);
    expect(() => toStripeAmount(5_000n, 'USD')).toThrow(/steps of 0\.01\b/);
  });

  it('takes only Stripe’s integer amounts', () => {
    expect(() => fromStripeAmount(1.5, 'USD')).toThrow();
    expect(() => fromStripeAmount(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow();
  });
});
