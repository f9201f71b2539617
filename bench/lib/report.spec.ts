import type { Baseline } from './baseline';
import { report } from './report';

// The figures "recorded" here, not bench/RESULTS.md's (which every bench session adds to).
jest.mock('./recorded', () => {
  const actual = jest.requireActual<typeof import('./recorded')>('./recorded');
  const recorded = actual.parseRecorded(
    [
      '| date (UTC) | commit | figure | value | unit | ratio | target | result |',
      '| --- | --- | --- | --: | --- | --: | --- | --- |',
      '| 2026-11-22 06:58 | b469b7d+ | ledger.single_postings | 2,996 | ops/s | 0.61 | ≥ 0.5 | PASS |',
      '| 2026-11-22 10:32 | 7894e5b | metering.settle_hour | 9.95 | s | — | ≤ 10 s | PASS |',
    ].join('\n'),
  );
  return { ...actual, recordedFigure: (name: string) => recorded.get(name) };
});

describe('report', () => {
  const base: Baseline = {
    pgbenchTps: 5_750,
    copyRowsPerSecond: 1_000_000,
    databaseUrl: 'postgresql://unused',
    redisUrl: 'redis://unused',
  };
  let write: jest.SpyInstance;

  beforeEach(() => {
    write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    write.mockRestore();
    process.exitCode = undefined;
  });

  it('prints the figure last recorded beside the new one and flags a drop', () => {
    const { line } = report(
      {
        name: 'ledger.single_postings',
        value: 2_415,
        unit: 'ops/s',
        baseline: 'pgbench',
        minRatio: 0.5,
      },
      base,
    );
    expect(line).toContain('ratio to pgbench -N: 0.42');
    expect(line).toContain(
      'recorded 2,996 ops/s (0.61) at b469b7d+ 2026-11-22 06:58: -31 % REGRESSION',
    );
  });

  it('does not flag a figure as good as the recorded one', () => {
    const { line } = report({ name: 'metering.settle_hour', value: 9.9, unit: 's', max: 10 }, base);
    expect(line).toMatch(/recorded 9\.95 s at 7894e5b 2026-11-22 10:32: \+1 %$/);
  });

  it('prints no comparison for a figure never recorded', () => {
    const { line } = report({ name: 'bench.new_figure', value: 1, unit: 's' }, base);
    expect(line).not.toContain('recorded ');
  });
});
