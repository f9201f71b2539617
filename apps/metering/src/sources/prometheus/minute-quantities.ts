import { RangeSeries } from './prometheus-client';

/** Minute index within the hour (0..59) → quantity, in the series' unit × seconds. */
export type MinuteQuantities = Map<number, number>;

const STEP_SECONDS = 60;
const MINUTES_PER_HOUR = 60;

/** The series' value at each of the 61 step points H, H+60 s, ..., H+60 min (index 0..60). */
function valuesByStep(series: RangeSeries, hourStartSeconds: number): Map<number, number> {
  const byStep = new Map<number, number>();
  for (const [seconds, value] of series.points) {
    const step = (seconds - hourStartSeconds) / STEP_SECONDS;
    if (Number.isInteger(step) && step >= 0 && step <= MINUTES_PER_HOUR && Number.isFinite(value)) {
      byStep.set(step, value);
    }
  }
  return byStep;
}

/**
 * Usage lands in the hour it happened. A counter is charged by its increase inside each
 * minute: the increase between the points at t and t + 60 s belongs to minute t. The hour is
 * queried over [H, H + 60 min] (61 points) so minute 59 has its closing point; the closing
 * point itself starts the next hour's first minute, so nothing is counted twice.
 *
 * A negative difference means the counter was reset (the container restarted and counted up
 * again from zero), so the increase is the new value itself: never negative, never doubled.
 * We do not use rate()/increase() over a look-back window: they smear a step change over the
 * following minutes and across the hour boundary, and extrapolate past the samples.
 *
 * A minute without both points has no quantity (never extrapolated). So a container that
 * starts inside the hour is charged from its first sample on: what it used before its first
 * scrape (less than one scrape interval) is not seen.
 */
export function counterIncreases(series: RangeSeries, hourStartSeconds: number): MinuteQuantities {
  const byStep = valuesByStep(series, hourStartSeconds);
  const increases: MinuteQuantities = new Map();
  for (let minute = 0; minute < MINUTES_PER_HOUR; minute++) {
    const opening = byStep.get(minute);
    const closing = byStep.get(minute + 1);
    if (opening === undefined || closing === undefined) continue;
    increases.set(minute, closing >= opening ? closing - opening : closing);
  }
  return increases;
}

/**
 * A gauge is integrated over [H, H + 1 h) holding each point for its minute:
 * Σ_{i=0..59} v(H + i·60 s) × 60 s. The point at H + 60 min is not used: it is the next
 * hour's first minute. A step exactly at H counts fully in H; a step at H + 60 min not at all.
 * Negative gauge values (bad data) count as zero.
 */
export function gaugeIntegrals(series: RangeSeries, hourStartSeconds: number): MinuteQuantities {
  const byStep = valuesByStep(series, hourStartSeconds);
  const integrals: MinuteQuantities = new Map();
  for (let minute = 0; minute < MINUTES_PER_HOUR; minute++) {
    const value = byStep.get(minute);
    if (value !== undefined) integrals.set(minute, Math.max(0, value) * STEP_SECONDS);
  }
  return integrals;
}

/** Per minute, the sum of the two; a minute only one side has data for takes that side. */
export function addPerMinute(a: MinuteQuantities, b: MinuteQuantities): MinuteQuantities {
  const result: MinuteQuantities = new Map(a);
  for (const [minute, value] of b) result.set(minute, (result.get(minute) ?? 0) + value);
  return result;
}

/** Per minute, the larger of the two; a minute only one side has data for takes that side. */
export function maxPerMinute(a: MinuteQuantities, b: MinuteQuantities): MinuteQuantities {
  const result: MinuteQuantities = new Map(a);
  for (const [minute, value] of b) {
    result.set(minute, Math.max(value, result.get(minute) ?? value));
  }
  return result;
}

/**
 * Converts a namespace's minute total to integer base units, once. Rounds half up. Doubles
 * hold every integer below 2^53 exactly, far above a namespace-minute's quantity
 * (1 TiB held for 60 s is 6.6e13 byte-seconds).
 */
export function toBaseUnits(quantity: number, scale: number): bigint {
  return BigInt(Math.floor(quantity * scale + 0.5));
}
