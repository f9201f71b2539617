import { hoursOf, resourceSeries, totalOf } from './usage-series';

const line = (hour: string, resource: string, amount: string) => ({
  hour,
  resource,
  quantity: '1',
  amount,
});

describe('usage series', () => {
  const hours = hoursOf('2026-12-06T10:00:00.000Z', '2026-12-06T13:00:00.000Z');
  const lines = [
    line('2026-12-06T10:00:00.000Z', 'CPU', '0.030000'),
    line('2026-12-06T12:00:00.000Z', 'CPU', '0.000001'),
    line('2026-12-06T12:00:00.000Z', 'MEMORY', '1.5'),
  ];

  it('has every hour of the period, a resource without a line that hour at zero', () => {
    expect(hours).toEqual([
      '2026-12-06T10:00:00.000Z',
      '2026-12-06T11:00:00.000Z',
      '2026-12-06T12:00:00.000Z',
    ]);
    expect(resourceSeries(lines, hours).map((s) => [s.name, s.amounts])).toEqual([
      ['CPU', ['0.03', '0', '0.000001']],
      ['MEMORY', ['0', '0', '1.5']],
    ]);
  });

  it('totals the charges exactly', () => {
    expect(totalOf(lines, 'USD')).toBe('1.530001 USD');
  });
});
