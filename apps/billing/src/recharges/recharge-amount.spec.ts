import { DomainError } from '@tally/errors';
import { centsToMicros, rechargeCents, rechargeLimits } from './recharge-amount';

describe('recharge amounts', () => {
  const limits = rechargeLimits('5', '10000');

  it('converts whole-cent amounts within the limits to cents', () => {
    expect(rechargeCents('5000000', limits)).toBe(500n);
    expect(rechargeCents('25500000', limits)).toBe(2550n);
    expect(rechargeCents('10000000000', limits)).toBe(1_000_000n);
  });

  it.each(['4990000', '10000010000', '10005000', '-5000000', '12.5', 'abc'])(
    'refuses %s with BAD_USER_INPUT',
    (amount) => {
      expect(() => rechargeCents(amount, limits)).toThrow(DomainError);
      try {
        rechargeCents(amount, limits);
      } catch (error) {
        expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      }
    },
  );

  it("turns Stripe's integer cents into micros exactly", () => {
    expect(centsToMicros(4200)).toBe(42_000_000n);
    expect(() => centsToMicros(1.5)).toThrow();
  });
});
