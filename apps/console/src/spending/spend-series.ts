import { parseMoney } from '../money/money';

const DAY_MS = 86_400_000;

/** One row of Tenant.dailySpend: a UTC day, a group's key and its Money string. */
export interface DaySpend {
  readonly day: string;
  readonly key: string;
  readonly amount: string;
}

/** One group's spending on each day of the range, in micro-units, and over the whole range. */
export interface SpendSeries {
  readonly key: string;
  readonly label: string;
  readonly perDay: readonly bigint[];
  readonly total: bigint;
}

export interface SpendTable {
  readonly days: readonly string[];
  /** Largest total first, so the legend and the table read in order of importance. */
  readonly series: readonly SpendSeries[];
  readonly dayTotals: readonly bigint[];
  readonly total: bigint;
}

/** The last `count` UTC days up to and including today: the range dailySpend is asked for. */
export function lastDays(count: number, now: Date): { from: string; to: string; days: string[] } {
  const to = (Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS;
  const from = to - count * DAY_MS;
  const days = Array.from({ length: count }, (_, i) =>
    new Date(from + i * DAY_MS).toISOString().slice(0, 10),
  );
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), days };
}

/**
 * The API's rows as one series per group over every day of `days` (a day without spending is
 * zero, which the API leaves out), summed exactly in bigint micro-units.
 */
export function spendTable(
  rows: readonly DaySpend[],
  days: readonly string[],
  labelOf: (key: string) => string,
): SpendTable {
  const dayIndex = new Map(days.map((day, i) => [day, i]));
  const byKey = new Map<string, bigint[]>();
  for (const row of rows) {
    const i = dayIndex.get(row.day);
    if (i === undefined) continue;
    let perDay = byKey.get(row.key);
    if (perDay === undefined) {
      perDay = days.map(() => 0n);
      byKey.set(row.key, perDay);
    }
    perDay[i] += parseMoney(row.amount);
  }
  const series = [...byKey].map(([key, perDay]) => ({
    key,
    label: labelOf(key),
    perDay,
    total: sum(perDay),
  }));
  series.sort((a, b) =>
    a.total === b.total ? a.label.localeCompare(b.label) : a.total > b.total ? -1 : 1,
  );
  const dayTotals = days.map((_, i) => sum(series.map((s) => s.perDay[i])));
  return { days, series, dayTotals, total: sum(dayTotals) };
}

function sum(amounts: readonly bigint[]): bigint {
  return amounts.reduce((total, amount) => total + amount, 0n);
}
