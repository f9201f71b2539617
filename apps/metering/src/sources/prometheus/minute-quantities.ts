import { RangeSeries } from './prometheus-client';

/** Minute index within the hour (0..59) → quantity, in the series' unit × seconds. */
export type MinuteQuantities = Map<number, number>;

/**
 * Minute index within the hour (0..59) → whether the quantity of a minute the reading had no
 * data for is known all the same (`true`: a counter's increase across the gap) or not.
 */
export type GapMinutes = Map<number, boolean>;

/** What a reading of one series (or of a workload's series added up) gives for the hour. */
export interface MinuteReading {
  readonly quantities: MinuteQuantities;
  readonly gaps: GapMinutes;
}

const STEP_SECONDS = 60;
const MINUTES_PER_HOUR = 60;

/**
 * An hour is read with this many minutes on each side, so a gap that crosses the hour's start
 * or end is seen with the points that close it (a counter's increase across it is known) and
 * is not mistaken for a workload starting or stopping. A gap reaching further past the hour
 * than this reads as one.
 */
export const READ_MARGIN_MINUTES = 10;

/** The series' value at each step point H + i min, i in -margin..60 + margin. */
function valuesByStep(series: RangeSeries, hourStartSeconds: number): Map<number, number> {
  const byStep = new Map<number, number>();
  for (const [seconds, value] of series.points) {
    const step = (seconds - hourStartSeconds) / STEP_SECONDS;
    const inWindow = step >= -READ_MARGIN_MINUTES && step <= MINUTES_PER_HOUR + READ_MARGIN_MINUTES;
    if (Number.isInteger(step) && inWindow && Number.isFinite(value)) byStep.set(step, value);
  }
  return byStep;
}

/**
 * Usage lands in the hour it happened. A counter is charged by its increase inside each
 * minute: the increase between the points at t and t + 60 s belongs to minute t. The hour is
 * queried past its end so minute 59 has its closing point; that point itself starts the next
 * hour's first minute, so nothing is counted twice.
 *
 * A negative difference means the counter was reset (the container restarted and counted up
 * again from zero), so the increase is the new value itself: never negative, never doubled.
 * We do not use rate()/increase() over a look-back window: they smear a step change over the
 * following minutes and across the hour boundary, and extrapolate past the samples.
 *
 * Across a gap (steps without a point between two that have one) the counter still says how
 * much was used: its increase is spread evenly over the gap's minutes, each hour keeping the
 * minutes that fall in it, and the minutes are a proven gap. A reset inside a gap hides what
 * was counted before it, so the new value is spread as the least that was used, and the gap
 * is not proven. Before a series' first point and after its last there is no quantity and no
 * gap: the container had not started, or had stopped (what it used before its first scrape,
 * less than one scrape interval, is not seen).
 */
export function counterIncreases(series: RangeSeries, hourStartSeconds: number): MinuteReading {
  const byStep = valuesByStep(series, hourStartSeconds);
  const steps = [...byStep.keys()].sort((a, b) => a - b);
  const quantities: MinuteQuantities = new Map();
  const gaps: GapMinutes = new Map();
  for (let i = 1; i < steps.length; i++) {
    const [opening, closing] = [steps[i - 1], steps[i]];
    const [from, to] = [byStep.get(opening)!, byStep.get(closing)!];
    const reset = to < from;
    const perMinute = (reset ? to : to - from) / (closing - opening);
    for (
      let minute = Math.max(opening, 0);
      minute < Math.min(closing, MINUTES_PER_HOUR);
      minute++
    ) {
      quantities.set(minute, perMinute);
      if (closing - opening > 1) gaps.set(minute, !reset);
    }
  }
  return { quantities, gaps };
}

/**
 * A gauge is integrated over [H, H + 1 h) holding each point for its minute:
 * Σ_{i=0..59} v(H + i·60 s) × 60 s. The point at H + 60 min is not used: it is the next
 * hour's first minute. A step exactly at H counts fully in H; a step at H + 60 min not at all.
 * Negative gauge values (bad data) count as zero.
 *
 * A minute without a point between points of the series is a gap nothing can fill (a gauge
 * says nothing about what it was while unread): no quantity, and an unproven gap. How long a
 * point holds when the next scrape is missing is the query's lookback (prometheus-source.ts).
 */
export function gaugeIntegrals(series: RangeSeries, hourStartSeconds: number): MinuteReading {
  const byStep = valuesByStep(series, hourStartSeconds);
  const steps = [...byStep.keys()];
  const [first, last] = [Math.min(...steps), Math.max(...steps)];
  const quantities: MinuteQuantities = new Map();
  const gaps: GapMinutes = new Map();
  for (let minute = 0; minute < MINUTES_PER_HOUR; minute++) {
    const value = byStep.get(minute);
    if (value !== undefined) quantities.set(minute, Math.max(0, value) * STEP_SECONDS);
    else if (minute > first && minute < last) gaps.set(minute, false);
  }
  return { quantities, gaps };
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

/** The gap minutes of either; a minute is proven only if every side that lacks it proves it. */
export function mergeGaps(a: GapMinutes, b: GapMinutes): GapMinutes {
  const result: GapMinutes = new Map(a);
  for (const [minute, proven] of b) result.set(minute, proven && (result.get(minute) ?? true));
  return result;
}

/** The same minutes, none of them proven. */
export function unproven(gaps: GapMinutes): GapMinutes {
  return new Map([...gaps.keys()].map((minute) => [minute, false]));
}

/** Runs of consecutive gap minutes alike in being proven: [from, to) minute indexes. */
export function gapRanges(gaps: GapMinutes): { from: number; to: number; proven: boolean }[] {
  const ranges: { from: number; to: number; proven: boolean }[] = [];
  for (const minute of [...gaps.keys()].sort((a, b) => a - b)) {
    const proven = gaps.get(minute)!;
    const last = ranges.at(-1);
    if (last !== undefined && last.to === minute && last.proven === proven) last.to = minute + 1;
    else ranges.push({ from: minute, to: minute + 1, proven });
  }
  return ranges;
}

/**
 * Converts a namespace's minute total to integer base units, once. Rounds half up. Doubles
 * hold every integer below 2^53 exactly, far above a namespace-minute's quantity
 * (1 TiB held for 60 s is 6.6e13 byte-seconds).
 */
export function toBaseUnits(quantity: number, scale: number): bigint {
  return BigInt(Math.floor(quantity * scale + 0.5));
}
