import { compare, parseRecorded, RecordedFigure } from './recorded';

const RESULTS = `
## Results

| date (UTC)       | commit   | figure                 |  value | unit  | baseline (same run)  | ratio | target | result |
| ---------------- | -------- | ---------------------- | -----: | ----- | -------------------- | ----: | ------ | ------ |
| 2026-11-22 06:50 | aaaaaaa  | ledger.single_postings |  1,903 | ops/s | pgbench -N 4,880 tps |  0.39 | ≥ 0.5  | FAIL   |
| 2026-11-22 06:58 | b469b7d+ | ledger.single_postings |  2,996 | ops/s | pgbench -N 4,890 tps |  0.61 | ≥ 0.5  | PASS   |

| change | single postings |
| ------ | --------------: |
| first  |     1,390 ops/s |

| date (UTC)       | commit  | figure               |     value | unit | target        | result |
| ---------------- | ------- | -------------------- | --------: | ---- | ------------- | ------ |
| 2026-11-22 10:32 | 7894e5b | metering.settle_hour |      9.95 | s    | ≤ 10 s        | PASS   |
| 2026-11-22 10:32 | 7894e5b | settle_hour phases   | 3.4 / 6.5 | s    | freeze / post | —      |

| date (UTC)       | commit  | figure                 | value | unit  | ratio |
| ---------------- | ------- | ---------------------- | ----: | ----- | ----: |
| 2026-11-21 09:00 | 1111111 | ledger.single_postings | 1,000 | ops/s |  0.20 |
`;

describe('parseRecorded', () => {
  const figures = parseRecorded(RESULTS);

  it('keeps the latest row of each figure, with its ratio, date and commit', () => {
    expect(figures.get('ledger.single_postings')).toEqual({
      name: 'ledger.single_postings',
      value: 2996,
      unit: 'ops/s',
      ratio: 0.61,
      date: '2026-11-22 06:58',
      commit: 'b469b7d+',
    });
  });

  it('reads a figure without a ratio column', () => {
    expect(figures.get('metering.settle_hour')).toMatchObject({ value: 9.95, unit: 's' });
    expect(figures.get('metering.settle_hour')!.ratio).toBeUndefined();
  });

  it('skips rows that are not one number and tables without a figure column', () => {
    expect([...figures.keys()].sort()).toEqual(['ledger.single_postings', 'metering.settle_hour']);
  });
});

describe('compare', () => {
  const postings: RecordedFigure = {
    name: 'ledger.single_postings',
    value: 2996,
    unit: 'ops/s',
    ratio: 0.61,
    date: '2026-11-22 06:58',
    commit: 'b469b7d+',
  };
  const settle: RecordedFigure = {
    ...postings,
    name: 'metering.settle_hour',
    value: 9.95,
    unit: 's',
    ratio: undefined,
  };

  it('flags a throughput whose ratio to the baseline fell by more than 15 %', () => {
    const result = compare(postings, { value: 2415, unit: 'ops/s', ratio: 0.42 });
    expect(result.compared).toBe('ratio');
    expect(result.drop).toBeCloseTo(1 - 0.42 / 0.61);
    expect(result.regression).toBe(true);
  });

  it('compares ratios, not values, when both runs have one (the machine was busier)', () => {
    const result = compare(postings, { value: 1500, unit: 'ops/s', ratio: 0.6 });
    expect(result.regression).toBe(false);
  });

  it('does not flag a drop of 15 % or less', () => {
    expect(compare(postings, { value: 0, unit: 'ops/s', ratio: 0.61 * 0.86 }).regression).toBe(
      false,
    );
  });

  it('flags a time more than 1/0.85 of the recorded one and not one just under it', () => {
    expect(compare(settle, { value: 18.1, unit: 's' }).regression).toBe(true);
    expect(compare(settle, { value: 11.6, unit: 's' }).regression).toBe(false);
  });

  it('reports an improvement as a negative drop', () => {
    expect(compare(settle, { value: 5, unit: 's' }).drop).toBeLessThan(0);
  });
});
