import {
  counterIncreases,
  gapRanges,
  gaugeIntegrals,
  maxPerMinute,
  toBaseUnits,
} from './minute-quantities';
import { RangeSeries } from './prometheus-client';

const H = 1_800_000_000 - (1_800_000_000 % 3600);

function seriesOf(values: (number | undefined)[]): RangeSeries {
  const points: [number, number][] = [];
  values.forEach((value, step) => {
    if (value !== undefined) points.push([H + step * 60, value]);
  });
  return { labels: { namespace: 'a' }, points };
}

describe('counterIncreases', () => {
  it('attributes the increase between t and t+60 s to minute t, 60 minutes from 61 points', () => {
    const increases = counterIncreases(
      seriesOf(Array.from({ length: 61 }, (_, i) => i * 2)),
      H,
    ).quantities;
    expect(increases.size).toBe(60);
    expect([...increases.values()].every((v) => v === 2)).toBe(true);
  });

  it('takes the new value as the increase after a reset', () => {
    expect(counterIncreases(seriesOf([100, 110, 3, 8]), H).quantities).toEqual(
      new Map([
        [0, 10],
        [1, 3],
        [2, 5],
      ]),
    );
  });

  it('spreads the increase across a gap over its minutes, a proven gap', () => {
    // No points at H+2..H+4: the counter went from 2 to 8 over minutes 1..4.
    const { quantities, gaps } = counterIncreases(
      seriesOf([0, 2, undefined, undefined, undefined, 8, 9]),
      H,
    );
    expect(quantities).toEqual(
      new Map([
        [0, 2],
        [1, 1.5],
        [2, 1.5],
        [3, 1.5],
        [4, 1.5],
        [5, 1],
      ]),
    );
    expect(gapRanges(gaps)).toEqual([{ from: 1, to: 5, proven: true }]);
  });

  it('charges minutes missing both points, and keeps the hour its own share of a gap across H', () => {
    // Points at H-2 min and H+2 min only: 8 over four minutes, two of them in the hour.
    const across: RangeSeries = {
      labels: {},
      points: [
        [H - 120, 100],
        [H + 120, 108],
        [H + 180, 109],
      ],
    };
    const { quantities, gaps } = counterIncreases(across, H);
    expect(quantities).toEqual(
      new Map([
        [0, 2],
        [1, 2],
        [2, 1],
      ]),
    );
    expect(gapRanges(gaps)).toEqual([{ from: 0, to: 2, proven: true }]);
  });

  it('spreads the value after a reset inside a gap as the least used, not proven', () => {
    const { quantities, gaps } = counterIncreases(seriesOf([50, undefined, 6]), H);
    expect(quantities).toEqual(
      new Map([
        [0, 3],
        [1, 3],
      ]),
    );
    expect(gapRanges(gaps)).toEqual([{ from: 0, to: 2, proven: false }]);
  });

  it('has no quantity and no gap before a series starts or after it stops', () => {
    const { quantities, gaps } = counterIncreases(seriesOf([undefined, undefined, 4, 5, 6]), H);
    expect(quantities).toEqual(
      new Map([
        [2, 1],
        [3, 1],
      ]),
    );
    expect(gaps.size).toBe(0);
  });

  it('ignores points off the step grid', () => {
    const series = seriesOf([0, 1]);
    const offGrid: RangeSeries = { ...series, points: [...series.points, [H + 90, 2]] };
    expect(counterIncreases(offGrid, H).quantities).toEqual(new Map([[0, 1]]));
  });
});

describe('gaugeIntegrals', () => {
  it('holds each point for its minute and ignores the point at H+60 min', () => {
    const values = Array.from({ length: 61 }, (_, i) => (i < 60 ? 1 : 1000));
    const integrals = gaugeIntegrals(seriesOf(values), H).quantities;
    expect(integrals.size).toBe(60);
    expect([...integrals.values()].reduce((a, b) => a + b, 0)).toBe(3600);
  });

  it('counts a negative gauge as zero', () => {
    expect(gaugeIntegrals(seriesOf([-5]), H).quantities).toEqual(new Map([[0, 0]]));
  });

  it('reads nothing into a gap: the minutes without a point are an unproven gap', () => {
    const { quantities, gaps } = gaugeIntegrals(seriesOf([1, undefined, undefined, 1]), H);
    expect(quantities).toEqual(
      new Map([
        [0, 60],
        [3, 60],
      ]),
    );
    expect(gapRanges(gaps)).toEqual([{ from: 1, to: 3, proven: false }]);
  });

  it('has no gap before a gauge starts or after it stops', () => {
    expect(gaugeIntegrals(seriesOf([undefined, 1, 1]), H).gaps.size).toBe(0);
  });
});

describe('maxPerMinute', () => {
  it('takes the larger side, or the only side', () => {
    expect(
      maxPerMinute(
        new Map([
          [0, 5],
          [1, 1],
        ]),
        new Map([
          [1, 3],
          [2, 7],
        ]),
      ),
    ).toEqual(
      new Map([
        [0, 5],
        [1, 3],
        [2, 7],
      ]),
    );
  });
});

describe('toBaseUnits', () => {
  it('rounds half up, once', () => {
    expect(toBaseUnits(0.0000005, 1_000_000)).toBe(1n);
    expect(toBaseUnits(0.0000004, 1_000_000)).toBe(0n);
    expect(toBaseUnits(2 ** 40 * 60, 1)).toBe(2n ** 40n * 60n);
  });
});
