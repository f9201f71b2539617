import type { MinuteSample } from './usage-sample';

/**
 * A source that can be asked, after the fact, for every minute of an hour (Prometheus, by
 * range queries). Settlement uses it where no minute samples arrived; reconciliation uses it
 * to refill gaps.
 */
export interface HourSampler {
  sampleHour(hour: Date): Promise<MinuteSample[]>;
}

export const HOUR_SAMPLER = Symbol('HOUR_SAMPLER');

/** Minutes in an hour: an hour with fewer samples than this for a resource is short. */
export const MINUTES_PER_HOUR = 60;
