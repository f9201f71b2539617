import { appendFileSync } from 'node:fs';
import { Baseline, baseline } from './baseline';
import { compare, recordedFigure } from './recorded';

/** Which machine baseline a throughput figure is compared with. */
export type BaselineName = 'pgbench' | 'copy';

const BASELINES: Record<BaselineName, { label: string; value: (b: Baseline) => number }> = {
  pgbench: { label: 'pgbench -N', value: (b) => b.pgbenchTps },
  copy: { label: 'COPY', value: (b) => b.copyRowsPerSecond },
};

export interface Figure {
  /** Dotted name, e.g. "ledger.single_postings". */
  readonly name: string;
  readonly value: number;
  /** e.g. "ops/s", "rows/s", "ms". */
  readonly unit: string;
  /** Report value / baseline as a ratio to this machine's baseline. */
  readonly baseline?: BaselineName;
  /** Passes when value / baseline >= minRatio (needs `baseline`). */
  readonly minRatio?: number;
  /** Passes when value >= min. */
  readonly min?: number;
  /** Passes when value <= max (latencies). */
  readonly max?: number;
}

export interface FigureResult extends Figure {
  readonly ratio?: number;
  /** undefined when the figure has no target. */
  readonly pass?: boolean;
  readonly line: string;
}

/**
 * Prints one figure line and records it, e.g.
 * `ledger.single_postings  4,210 ops/s  ratio to pgbench -N: 0.62  target >= 0.5  PASS`.
 * A missed target sets process.exitCode = 1, so `npm run bench` reports the file as failed.
 */
export function report(figure: Figure, base?: Baseline): FigureResult {
  if (figure.minRatio !== undefined && figure.baseline === undefined) {
    throw new Error(`${figure.name}: minRatio needs a baseline`);
  }
  const parts = [
    figure.name.padEnd(36),
    `${formatNumber(figure.value)} ${figure.unit}`.padStart(16),
  ];
  let ratio: number | undefined;
  if (figure.baseline !== undefined) {
    const { label, value } = BASELINES[figure.baseline];
    ratio = figure.value / value(base ?? baseline());
    parts.push(`ratio to ${label}: ${ratio.toFixed(2)}`);
  }
  const checks: boolean[] = [];
  if (figure.minRatio !== undefined && ratio !== undefined) {
    parts.push(`target >= ${figure.minRatio}`);
    checks.push(ratio >= figure.minRatio);
  }
  if (figure.min !== undefined) {
    parts.push(`target >= ${formatNumber(figure.min)} ${figure.unit}`);
    checks.push(figure.value >= figure.min);
  }
  if (figure.max !== undefined) {
    parts.push(`target <= ${formatNumber(figure.max)} ${figure.unit}`);
    checks.push(figure.value <= figure.max);
  }
  const pass = checks.length === 0 ? undefined : checks.every(Boolean);
  parts.push(pass === undefined ? '(no target)' : pass ? 'PASS' : 'FAIL');
  const against = againstRecorded(figure, ratio);
  if (against) parts.push(against);
  const line = parts.join('  ');
  process.stdout.write(`${line}\n`);
  if (pass === false) process.exitCode = 1;

  const record = { ...figure, ratio, pass };
  const file = process.env.BENCH_RESULTS_FILE;
  if (file)
    appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), ...record })}\n`);
  return { ...record, line };
}

/**
 * The last figure of the same name in bench/RESULTS.md beside the new one, e.g.
 * `recorded 2,996 ops/s (0.61) at b469b7d+ 2026-11-22 06:58: -31 % REGRESSION`, so whoever
 * slows a figure by more than 15 % sees it in the run that did.
 */
function againstRecorded(figure: Figure, ratio: number | undefined): string | undefined {
  const recorded = recordedFigure(figure.name);
  if (recorded === undefined) return undefined;
  const { drop, regression } = compare(recorded, { ...figure, ratio });
  const ratioPart = recorded.ratio === undefined ? '' : ` (${recorded.ratio.toFixed(2)})`;
  const change = `${drop > 0 ? '-' : '+'}${Math.round(Math.abs(drop) * 100)} %`;
  return (
    `recorded ${formatNumber(recorded.value)} ${recorded.unit}${ratioPart}` +
    ` at ${recorded.commit} ${recorded.date}: ${change}${regression ? ' REGRESSION' : ''}`
  );
}

/** 4210.4 → "4,210"; 12.345 → "12.35"; 0.0123 → "0.0123". */
export function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
