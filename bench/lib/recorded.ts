import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The last figure bench/RESULTS.md records under one name. */
export interface RecordedFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** value / baseline of its run, when the figure is judged against a baseline. */
  readonly ratio?: number;
  readonly date: string;
  readonly commit: string;
}

/** A new figure against its recorded one. */
export interface Comparison {
  readonly recorded: RecordedFigure;
  /** What is compared: the ratios when both runs have one (absolute numbers move with load). */
  readonly compared: 'ratio' | 'value';
  /** How much worse (> 0) or better (< 0) the new figure is, as a fraction of the recorded speed. */
  readonly drop: number;
  readonly regression: boolean;
}

/** A figure more than 15 % worse than its recorded one is flagged. */
export const REGRESSION_DROP = 0.15;

const RESULTS_FILE = resolve(__dirname, '../RESULTS.md');

/**
 * Every results table of `markdown` (a table with `figure`, `value` and `unit` columns, one
 * row per figure and run), the latest row of each figure name (by date; the later row in the
 * file of two with the same date). Rows whose value is not one
 * number (e.g. "3.4 / 6.5") are not figures and are skipped.
 */
export function parseRecorded(markdown: string): Map<string, RecordedFigure> {
  const figures = new Map<string, RecordedFigure>();
  let columns: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const cells = tableCells(line);
    if (cells === undefined) {
      columns = undefined;
    } else if (columns === undefined) {
      columns = cells.map((cell) => cell.toLowerCase());
    } else if (!cells.every((cell) => /^:?-+:?$/.test(cell))) {
      const figure = figureOf(columns, cells);
      if (figure && !isOlder(figure, figures.get(figure.name))) figures.set(figure.name, figure);
    }
  }
  return figures;
}

/**
 * Compares a new figure with its recorded one: as ratios to the baseline when both have one,
 * else as values. Throughputs (units per second, ratios) are worse when lower; times and sizes
 * when higher (a time 1/0.85 of the recorded one is a 15 % drop in speed).
 */
export function compare(
  recorded: RecordedFigure,
  current: { value: number; unit: string; ratio?: number },
): Comparison {
  const compared = recorded.ratio !== undefined && current.ratio !== undefined ? 'ratio' : 'value';
  const [was, now] =
    compared === 'ratio' ? [recorded.ratio!, current.ratio!] : [recorded.value, current.value];
  const drop = higherIsBetter(current.unit) ? 1 - now / was : 1 - was / now;
  return { recorded, compared, drop, regression: drop > REGRESSION_DROP };
}

let cached: Map<string, RecordedFigure> | undefined;

/** The last recorded figure named `name` in bench/RESULTS.md, if any. */
export function recordedFigure(name: string): RecordedFigure | undefined {
  cached ??= parseRecorded(readFileSync(RESULTS_FILE, 'utf8'));
  return cached.get(name);
}

/** Dates are `YYYY-MM-DD HH:MM` (UTC), so they sort as text. */
function isOlder(figure: RecordedFigure, than: RecordedFigure | undefined): boolean {
  return than !== undefined && figure.date < than.date;
}

function higherIsBetter(unit: string): boolean {
  return unit.endsWith('/s') || unit === 'ratio';
}

function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|')) return undefined;
  return trimmed
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim());
}

function figureOf(columns: string[], cells: string[]): RecordedFigure | undefined {
  const cell = (name: string): string | undefined => {
    const index = columns.findIndex((column) => column === name || column.startsWith(`${name} `));
    return index < 0 ? undefined : cells[index];
  };
  const name = cell('figure')?.replace(/`/g, '');
  const value = numberOf(cell('value'));
  const unit = cell('unit');
  if (!name || value === undefined || unit === undefined) return undefined;
  return {
    name,
    value,
    unit,
    ratio: numberOf(cell('ratio')),
    date: cell('date') ?? '',
    commit: cell('commit') ?? '',
  };
}

/** "2,996" → 2996; "—", "3.4 / 6.5" or nothing → undefined. */
function numberOf(cell: string | undefined): number | undefined {
  if (cell === undefined || !/^-?[\d,]*\.?\d+$/.test(cell)) return undefined;
  return Number(cell.replace(/,/g, ''));
}
