import type { Resource } from '@tally/transport';
import type { HourReading } from '../usage/usage-sample';

/**
 * A source that can be asked, after the fact, what every namespace used in one UTC hour.
 * Settlement and reconciliation call it for [hour, hour + 1 h); a minute the source has no data
 * for has no sample (never extrapolated), so callers can count samples to spot short hours.
 */
export interface HourlyUsageSource {
  /** Every resource the source reads: an hour is sampled in full once each of these is. */
  readonly resources: readonly Resource[];
  /** The same samples, with the minutes each namespace and resource had no data for. */
  readHour(hour: Date): Promise<HourReading>;
  /** One resource's samples of the hour, with its gaps. */
  readResource(hour: Date, resource: Resource): Promise<HourReading>;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** Throws unless `hour` is a whole UTC hour: sources never guess which hour was meant. */
export function assertWholeHour(hour: Date): void {
  if (Number.isNaN(hour.getTime()) || hour.getTime() % HOUR_MS !== 0) {
    throw new RangeError(`not a whole UTC hour: ${hour.toISOString()}`);
  }
}
