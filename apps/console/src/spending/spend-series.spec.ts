import { lastDays, spendTable } from './spend-series';

describe('lastDays', () => {
  it('ends with today, UTC, and starts at a midnight', () => {
    expect(lastDays(3, new Date('2026-12-06T20:41:00Z'))).toEqual({
      from: '2026-12-04T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
      days: ['2026-12-04', '2026-12-05', '2026-12-06'],
    });
  });

  it('counts a midnight as the day it starts', () => {
    expect(lastDays(1, new Date('2026-12-06T00:00:00Z')).days).toEqual(['2026-12-06']);
  });
});

describe('spendTable', () => {
  const days = ['2026-12-04', '2026-12-05', '2026-12-06'];
  const label = (key: string) => key.toUpperCase();

  it('fills the days without spending with zero and sums exactly', () => {
    const table = spendTable(
      [
        { day: '2026-12-04', key: 'web', amount: '0.000001' },
        { day: '2026-12-06', key: 'web', amount: '9007199254.740993' },
        { day: '2026-12-05', key: 'batch', amount: '0.1' },
        { day: '2026-12-05', key: 'web', amount: '0.2' },
      ],
      days,
      label,
    );
    expect(table.series).toEqual([
      {
        key: 'web',
        label: 'WEB',
        perDay: [1n, 200_000n, 9_007_199_254_740_993n],
        total: 9_007_199_254_940_994n,
      },
      { key: 'batch', label: 'BATCH', perDay: [0n, 100_000n, 0n], total: 100_000n },
    ]);
    // 0.1 + 0.2 is 0.3 exactly, which no float gives.
    expect(table.dayTotals).toEqual([1n, 300_000n, 9_007_199_254_740_993n]);
    expect(table.total).toBe(9_007_199_255_040_994n);
  });

  it('orders groups of equal totals by label, and ignores days outside the range', () => {
    const table = spendTable(
      [
        { day: '2026-12-04', key: 'b', amount: '1' },
        { day: '2026-12-04', key: 'a', amount: '1' },
        { day: '2026-11-30', key: 'c', amount: '5' },
      ],
      days,
      label,
    );
    expect(table.series.map((s) => s.key)).toEqual(['a', 'b']);
    expect(table.total).toBe(2_000_000n);
  });

  it('is empty without rows', () => {
    expect(spendTable([], days, label)).toEqual({
      days,
      series: [],
      dayTotals: [0n, 0n, 0n],
      total: 0n,
    });
  });
});
