import type { SettlementProgressView } from '@tally/transport';
import { billingMonth } from './billing-month';
import { isMonthNotSettled, monthUsageCutoff } from './month-close';

const march = billingMonth('2026-03');
const MARGIN = 5 * 60_000;
const progress = (over: Partial<SettlementProgressView>): SettlementProgressView => ({
  from: '2026-03-01T00:00:00.000Z',
  to: '2026-04-01T00:00:00.000Z',
  settlingSince: '2025-01-01T00:00:00.000Z',
  hoursOwed: 744,
  unsettledHours: 0,
  firstUnsettledHour: null,
  lastPostedAt: '2026-04-01T00:05:00.000Z',
  ...over,
});
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected MONTH_NOT_SETTLED');
};

describe('monthUsageCutoff', () => {
  it('closes at the instant the last hour was posted, once the margin has passed', () => {
    const cutoff = monthUsageCutoff(march, progress({}), MARGIN, new Date('2026-04-01T00:10:00Z'));
    expect(cutoff).toEqual(new Date('2026-04-01T00:05:00Z'));
  });

  it('never closes before the month’s end (hours settled early, or none owed)', () => {
    const now = new Date('2026-04-02T00:00:00Z');
    expect(monthUsageCutoff(march, progress({ lastPostedAt: null }), MARGIN, now)).toEqual(
      march.end,
    );
    expect(
      monthUsageCutoff(march, progress({ lastPostedAt: '2026-03-20T00:00:00Z' }), MARGIN, now),
    ).toEqual(march.end);
  });

  it('refuses while an hour is unsettled, naming the first', () => {
    const error = refusal(() =>
      monthUsageCutoff(
        march,
        progress({ unsettledHours: 2, firstUnsettledHour: '2026-03-31T22:00:00.000Z' }),
        MARGIN,
        new Date('2026-04-03T00:00:00Z'),
      ),
    );
    expect(isMonthNotSettled(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { unsettledHours: 2, firstUnsettledHour: '2026-03-31T22:00:00.000Z' },
    });
    expect((error as Error).message).toContain('2 of its hours are not settled');
  });

  it('refuses within the margin after the last hour was posted', () => {
    const error = refusal(() =>
      monthUsageCutoff(march, progress({}), MARGIN, new Date('2026-04-01T00:09:59Z')),
    );
    expect(isMonthNotSettled(error)).toBe(true);
    expect(error).toMatchObject({ details: { closesAt: '2026-04-01T00:10:00.000Z' } });
  });
});
