import { checkAmount, checkExpiry, checkReason } from './action-input';

describe('what an action dialog checks before sending', () => {
  it.each<[string, 'positive' | 'non-zero', bigint | string]>([
    ['25.5', 'non-zero', 25_500_000n],
    [' -0.000001 ', 'non-zero', -1n],
    ['-3', 'positive', 'The amount must be above zero.'],
    ['0.00', 'non-zero', 'The amount may not be zero.'],
    ['1.0000001', 'positive', 'Write an amount such as 12.50, with at most 6 decimals.'],
    ['1e3', 'positive', 'Write an amount such as 12.50, with at most 6 decimals.'],
    ['', 'positive', 'Write an amount such as 12.50, with at most 6 decimals.'],
  ])('reads the amount %p (%s) as %p', (text, sign, expected) => {
    const checked = checkAmount(text, sign);
    expect('value' in checked ? checked.value : checked.problem).toBe(expected);
  });

  it('wants a reason of 1 to 500 characters, trimmed', () => {
    expect(checkReason('  goodwill ')).toEqual({ value: 'goodwill' });
    expect(checkReason('   ')).toEqual({
      problem: 'Say why: the reason is kept in the audit log.',
    });
    expect(checkReason('x'.repeat(501))).toEqual({ problem: 'At most 500 characters.' });
    expect(checkReason('x'.repeat(500))).toEqual({ value: 'x'.repeat(500) });
  });

  it('takes an expiry day as its last second, UTC, and only in the future', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(checkExpiry('2026-12-06', now)).toEqual({ value: new Date('2026-12-06T23:59:59Z') });
    expect(checkExpiry('2026-12-05', now)).toEqual({
      problem: 'The expiry must lie in the future.',
    });
    expect(checkExpiry('', now)).toEqual({ problem: 'Pick the day it expires.' });
    expect(checkExpiry('2026-02-30x', now)).toEqual({ problem: 'Pick the day it expires.' });
  });
});
