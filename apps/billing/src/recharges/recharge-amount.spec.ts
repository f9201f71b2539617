import { DomainError } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { rawWireMicros } from '@tally/testing';
import { rechargeLimits, rechargeMicros } from './recharge-amount';

describe('recharge amounts', () => {
  const limits = rechargeLimits('5', '10000');

  it('takes amounts within the limits', () => {
    expect(rechargeMicros(toWireMicros(5_000_000n), limits)).toBe(5_000_000n);
    expect(rechargeMicros(toWireMicros(25_505_000n), limits)).toBe(25_505_000n);
    expect(rechargeMicros(toWireMicros(10_000_000_000n), limits)).toBe(10_000_000_000n);
  });

  it.each(['4990000', '10000010000', '-5000000', '12.5', 'abc'])(
    'refuses %s with BAD_USER_INPUT',
    (amount) => {
      expect(() => rechargeMicros(rawWireMicros(amount), limits)).toThrow(DomainError);
      try {
        rechargeMicros(rawWireMicros(amount), limits);
      } catch (error) {
        expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      }
    },
  );
});
