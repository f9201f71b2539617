/**
 * How much of something a container uses over the day: `base` all the time, plus `peak`
 * during office hours (Monday to Friday, 09:00–18:00 UTC). A rate for counters (CPU cores,
 * egress bytes per second), a level for gauges (memory bytes).
 */
export interface DailyPattern {
  readonly base: number;
  readonly peak: number;
}

export const flat = (base: number): DailyPattern => ({ base, peak: 0 });
export const officeHours = (base: number, peak: number): DailyPattern => ({ base, peak });

const HOUR = 3600;
const DAY = 24 * HOUR;
const OFFICE_START = 9 * HOUR;
const OFFICE_END = 18 * HOUR;

/** True when `seconds` (unix) falls in office hours. */
export function inOfficeHours(seconds: number): boolean {
  const weekday = new Date(seconds * 1000).getUTCDay();
  const ofDay = mod(seconds, DAY);
  return weekday >= 1 && weekday <= 5 && ofDay >= OFFICE_START && ofDay < OFFICE_END;
}

/** The pattern's level at `seconds`. */
export function levelAt(pattern: DailyPattern, seconds: number): number {
  return pattern.base + (inOfficeHours(seconds) ? pattern.peak : 0);
}

/**
 * The pattern's rate integrated from `from` to `to` (unix seconds): what a counter that
 * started at `from` reads at `to`. Closed form, so a counter read live and the same counter
 * written by the history backfill agree exactly.
 */
export function integrate(pattern: DailyPattern, from: number, to: number): number {
  if (to <= from) return 0;
  return pattern.base * (to - from) + pattern.peak * officeSecondsBetween(from, to);
}

function officeSecondsBetween(from: number, to: number): number {
  let total = 0;
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    const weekday = new Date(day * 1000).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const start = Math.max(from, day + OFFICE_START);
    const end = Math.min(to, day + OFFICE_END);
    if (end > start) total += end - start;
  }
  return total;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
