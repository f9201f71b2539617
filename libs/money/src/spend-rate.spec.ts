import { runsOutAt, spendRatePerHour } from './spend-rate';

const HOUR = 3_600_000;
const now = new Date('2026-11-22T12:15:00Z');

describe('spendRatePerHour', () => {
  it('is this hour so far plus the rest of the last 60 minutes from the hour before', () => {
    // 12:15: 45 of the previous hour's 60 minutes are in the window: ¾ of 4,000.
    expect(spendRatePerHour(500n, 4_000n, now)).toBe(3_500n);
  });

  it('is all of the hour before at the top of the hour, and none of it at its end', () => {
    expect(spendRatePerHour(0n, 4_000n, new Date('2026-11-22T12:00:00Z'))).toBe(4_000n);
    expect(spendRatePerHour(700n, 4_000n, new Date('2026-11-22T12:59:59.999Z'))).toBe(700n);
  });
});

describe('runsOutAt', () => {
  it('is null when nothing is being spent', () => {
    expect(runsOutAt(1_000n, 0n, now)).toBeNull();
  });

  it('is when the available balance lasts at the rate', () => {
    expect(runsOutAt(1_500n, 1_000n, now)).toEqual(new Date(now.getTime() + 1.5 * HOUR));
  });

  it('is now once nothing is available', () => {
    expect(runsOutAt(0n, 1_000n, now)).toEqual(now);
    expect(runsOutAt(-5n, 1_000n, now)).toEqual(now);
  });
});
