import { counterIncreases, gaugeIntegrals, maxPerMinute, toBaseUnits } from './minute-quantities';
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
    const increases = counterIncreases(seriesOf(Array.from({ length: 61 }, (_, i) => i * 2)), H);
    expect(increases.size).toBe(60);
    expect([...increases.values()].every((v) => v === 2)).toBe(true);
  });

  it('takes the new value as the increase after a reset', () => {
    expect(counterIncreases(seriesOf([100, 110, 3, 8]), H)).toEqual(
      new Map([
        [0, 10],
        [1, 3],
        [2, 5],
      ]),
    );
  });

  it('leaves out minutes missing either point and points off the step grid', () => {
    const series = seriesOf([0, 1, undefined, 3, 4]);
    const offGrid: RangeSeries = { ...series, points: [...series.points, [H + 90, 2]] };
    expect(counterIncreases(offGrid, H)).toEqual(
      new Map([
        [0, 1],
        [3, 1],
      ]),
    );
  });
});

describe('gaugeIntegrals', () => {
  it('holds each point for its minute and ignores the point at H+60 min', () => {
    const values = Array.from({ length: 61 }, (_, i) => (i < 60 ? 1 : 1000));
    const integrals = gaugeIntegrals(seriesOf(values), H);
    expect(integrals.size).toBe(60);
    expect([...integrals.values()].reduce((a, b) => a + b, 0)).toBe(3600);
  });

  it('counts a negative gauge as zero', () => {
    expect(gaugeIntegrals(seriesOf([-5]), H)).toEqual(new Map([[0, 0]]));
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
