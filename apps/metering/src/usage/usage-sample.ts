import type { Resource } from '@tally/transport';

/** Which instrument observed a sample. Settlement bills from one; reconciliation compares them. */
export type SampleSource = 'prometheus' | 'agent';

/**
 * What one namespace used of one resource inside one UTC minute [minute, minute + 60 s).
 *
 * `quantity` is an integer in the resource's base unit (see BASE_UNITS): time-integrated for
 * everything that is held (core-µs, byte-seconds, device-seconds, port-seconds), a plain volume
 * for egress (bytes). Integers keep the hourly sums and the charges exact.
 */
export interface MinuteSample {
  readonly namespace: string;
  readonly resource: Resource;
  /** Start of the minute: a whole UTC minute. */
  readonly minute: Date;
  readonly quantity: bigint;
}

/** A stretch of time a source could not observe; the hours it touches go to reconciliation. */
export interface SampleGap {
  readonly source: SampleSource | 'hubble';
  readonly from: Date;
  readonly to: Date;
  readonly reason: string;
}

/**
 * Minutes [from, to) of one hour a reading had no data for, for one namespace and resource.
 * `proven`: what was used in them is known all the same (a counter's increase across the gap,
 * spread over its minutes, and charged); otherwise they are charged on what was seen (nothing,
 * or a gauge's last point for one scrape interval) and the namespace-hour stays flagged.
 */
export interface UsageGap {
  readonly namespace: string;
  readonly resource: Resource;
  readonly from: Date;
  readonly to: Date;
  readonly proven: boolean;
}

/** A source's reading of one hour: its minute samples and the gaps between them. */
export interface HourReading {
  readonly samples: MinuteSample[];
  readonly gaps: UsageGap[];
}

/** Where sources deliver: the ingest path (same sample twice counts once). */
export interface SampleSink {
  record(source: SampleSource, samples: readonly MinuteSample[]): Promise<void>;
  recordGap(gap: SampleGap): Promise<void>;
}

/**
 * Base units per resource, and how many of them make one billing unit (the unit a price in the
 * price book is per hour of, or per GiB for egress).
 */
export const BASE_UNITS: Record<
  Resource,
  { readonly base: string; readonly perBillingUnit: bigint }
> = {
  CPU: { base: 'core-µs', perBillingUnit: 3_600_000_000n }, // core-hour
  MEMORY: { base: 'byte-s', perBillingUnit: 3600n * 2n ** 30n }, // GiB-hour
  STORAGE: { base: 'byte-s', perBillingUnit: 3600n * 2n ** 30n }, // GiB-hour
  GPU: { base: 'device-s', perBillingUnit: 3600n }, // device-hour
  NODEPORT: { base: 'port-s', perBillingUnit: 3600n }, // port-hour
  NETWORK_EGRESS: { base: 'byte', perBillingUnit: 2n ** 30n }, // GiB
};
