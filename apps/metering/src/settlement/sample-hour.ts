import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Resource } from '@tally/transport';
import { Failpoints } from '../failpoints';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import type { HourlyUsageSource } from '../sources/usage-source';
import { HOURLY_SOURCE } from '../usage/hour-sampler';
import type { HourReading } from '../usage/usage-sample';
import { UsageRepository } from '../usage/usage.repository';

/**
 * Makes sure an hour billed from Prometheus holds all of its samples before it is frozen.
 * Each resource is sampled and stored in one transaction together with its mark, so a crash
 * leaves every resource either fully sampled or not at all, and a rerun samples the unmarked
 * ones only. (The hour's lock, held by SettleHour, keeps two runs from sampling it at once.)
 *
 * An hour whose samples were delivered (pushed, not sampled here: samples without a single
 * mark) is left as it is: its sender is the instrument of record, and re-asking Prometheus for
 * it is reconciliation's job. Samples that reach a sampled resource by both paths count once.
 */
/** What sampling needs of the usage store (UsageRepository; a fake in the spec). */
export type SampledUsageStore = Pick<
  UsageRepository,
  'hasSamples' | 'sampledResources' | 'recordSampledResource' | 'replaceGaps'
>;

@Injectable()
export class SampleHour {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    @Inject(UsageRepository) private readonly usage: SampledUsageStore,
    private readonly failpoints: Failpoints,
    @Optional() @Inject(HOURLY_SOURCE) private readonly sampler?: HourlyUsageSource,
  ) {}

  async execute(hour: Date): Promise<void> {
    if (this.config.TALLY_BILLING_SOURCE !== 'prometheus' || this.sampler === undefined) return;
    const sampler = this.sampler;
    const sampled = await this.usage.sampledResources('prometheus', hour);
    if (sampled.size === 0 && (await this.usage.hasSamples('prometheus', hour))) return;
    const missing = sampler.resources.filter((resource) => !sampled.has(resource));
    if (missing.length === 0) return;
    // The next resource is queried while this one is written: the two take about as long.
    let inFlight = this.query(sampler, hour, missing[0]);
    for (let i = 0; i < missing.length; i++) {
      const { samples, gaps } = await inFlight;
      if (i + 1 < missing.length) inFlight = this.query(sampler, hour, missing[i + 1]);
      // Gaps before samples: once a resource is marked sampled it is never read again here.
      await this.usage.replaceGaps('prometheus', hour, [missing[i]], gaps);
      await this.usage.recordSampledResource('prometheus', hour, missing[i], samples, () =>
        this.failpoints.hit('sampling.after-chunk'),
      );
      this.failpoints.hit('sampling.after-resource');
    }
  }

  /**
   * A query in flight while another resource is written may fail first; it is awaited (and
   * throws) in its turn, so it must not count as unhandled meanwhile.
   */
  private query(sampler: HourlyUsageSource, hour: Date, resource: Resource): Promise<HourReading> {
    const reading = sampler.readResource(hour, resource);
    reading.catch(() => undefined);
    return reading;
  }
}
