import { billingMonth, previousMonth } from './billing-month';

describe('billing months', () => {
  it('spans a calendar month in UTC, end exclusive', () => {
    expect(billingMonth('2026-12')).toEqual({
      month: '2026-12',
      start: new Date('2026-12-01T00:00:00.000Z'),
      end: new Date('2027-01-01T00:00:00.000Z'),
    });
  });

  it('refuses anything but YYYY-MM', () => {
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-01-01']) {
      expect(() => billingMonth(bad)).toThrow('month must be YYYY-MM');
    }
  });

  it('names the month before, across a year', () => {
    expect(previousMonth(new Date('2027-01-01T00:10:00Z'))).toBe('2026-12');
    expect(previousMonth(new Date('2026-11-22T09:00:00Z'))).toBe('2026-10');
  });
});
