import { DomainError } from '@tally/errors';
import { assertCurrency, dayPeriod, daysOf } from './finance-period';

const reasonOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.details?.reason] : error;
  }
  return 'accepted';
};

describe('the finance overview period', () => {
  it('is whole UTC days, one to 92 of them', () => {
    const period = dayPeriod('2026-11-01T00:00:00Z', '2026-11-04T00:00:00.000Z');
    expect(daysOf(period).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(reasonOf(() => dayPeriod('2026-01-01T00:00:00Z', '2026-04-03T00:00:00Z'))).toBe(
      'accepted',
    );
  });

  it.each([
    ['2026-11-01T01:00:00Z', '2026-11-02T00:00:00Z', 'BAD_DAY'],
    ['2026-11-01T00:00:00Z', 'soon', 'BAD_DAY'],
    ['2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z', 'BAD_PERIOD'],
    ['2026-11-03T00:00:00Z', '2026-11-02T00:00:00Z', 'BAD_PERIOD'],
    ['2026-01-01T00:00:00Z', '2026-04-04T00:00:00Z', 'BAD_PERIOD'],
  ])('refuses from %s to %s: %s', (from, to, reason) => {
    expect(reasonOf(() => dayPeriod(from, to))).toEqual(['BAD_USER_INPUT', reason]);
  });

  it('takes a currency as wallets store it', () => {
    expect(reasonOf(() => assertCurrency('EUR'))).toBe('accepted');
    for (const bad of ['usd', 'US', 'USDT', '']) {
      expect(reasonOf(() => assertCurrency(bad))).toEqual(['BAD_USER_INPUT', 'BAD_CURRENCY']);
    }
  });
});
