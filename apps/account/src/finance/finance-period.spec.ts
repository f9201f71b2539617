import { reasonOf } from '@tally/testing';
import { assertCurrency, dayPeriod, daysOf } from './finance-period';

describe('the finance overview period', () => {
  it('is whole UTC days, one to 92 of them', () => {
    const period = dayPeriod('2026-11-01T00:00:00Z', '2026-11-04T00:00:00.000Z');
    expect(daysOf(period).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(() => dayPeriod('2026-01-01T00:00:00Z', '2026-04-03T00:00:00Z')).not.toThrow();
  });

  it.each([
    ['2026-11-01T01:00:00Z', '2026-11-02T00:00:00Z', 'BAD_DAY'],
    ['2026-11-01T00:00:00Z', 'soon', 'BAD_DAY'],
    ['2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z', 'BAD_PERIOD'],
    ['2026-11-03T00:00:00Z', '2026-11-02T00:00:00Z', 'BAD_PERIOD'],
    ['2026-01-01T00:00:00Z', '2026-04-04T00:00:00Z', 'BAD_PERIOD'],
  ])('refuses from %s to %s: %s', (from, to, reason) => {
    expect(reasonOf(() => dayPeriod(from, to))).toBe(reason);
  });

  it('takes a currency as wallets store it', () => {
    expect(() => assertCurrency('EUR')).not.toThrow();
    for (const bad of ['usd', 'US', 'USDT', '']) {
      expect(reasonOf(() => assertCurrency(bad))).toBe('BAD_CURRENCY');
    }
  });
});
