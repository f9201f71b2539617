import { Inject, Injectable, Optional } from '@nestjs/common';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import type { HourlyUsageSource } from '../sources/usage-source';
import { MINUTE_MS } from '../sources/usage-source';
import { HOURLY_SOURCE } from '../usage/hour-sampler';
import type { MinuteSample } from '../usage/usage-sample';
import { UsageRepository, type HourlyUsage } from '../usage/usage.repository';

/** An hour's usage so far, per namespace and resource, and how far each namespace's goes. */
export interface OpenHourReading {
  readonly usage: HourlyUsage[];
  /** Per namespace, the end of its last minute with a sample. */
  readonly through: Map<string, Date>;
}

/**
 * What an hour not settled yet has used so far, read the way settlement will read it once the
 * hour is over (SampleHour, FreezeHour): from Prometheus when it bills and nobody delivered the
 * hour's samples, otherwise from the samples delivered (the agents' pushes). So when nothing
 * arrives after the last accrual, an hour's pending amount is exactly its charge. Minutes
 * nobody observed count nothing: pending usage is never extrapolated.
 */
@Injectable()
export class OpenHourUsage {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly usage: UsageRepository,
    @Optional() @Inject(HOURLY_SOURCE) private readonly sampler?: HourlyUsageSource,
  ) {}

  async read(hour: Date): Promise<OpenHourReading> {
    if (await this.readsPrometheus(hour)) {
      return foldSamples((await this.sampler!.readHour(hour)).samples);
    }
    const usage = await this.usage.hourly(this.config.TALLY_BILLING_SOURCE, hour);
    return { usage, through: throughByCount(hour, usage) };
  }

  /**
   * A version of what `read` would answer: the same while no sample of the hour arrived or
   * changed. Null when the hour is read from Prometheus, whose figures carry no version here.
   */
  async version(hour: Date): Promise<string | null> {
    if (await this.readsPrometheus(hour)) return null;
    return this.usage.hourVersion(this.config.TALLY_BILLING_SOURCE, hour);
  }

  private async readsPrometheus(hour: Date): Promise<boolean> {
    return (
      this.config.TALLY_BILLING_SOURCE === 'prometheus' &&
      this.sampler !== undefined &&
      !(await this.usage.hasSamples('prometheus', hour))
    );
  }
}

/** Minute samples summed per namespace and resource, as the ingest folds them. */
export function foldSamples(samples: readonly MinuteSample[]): OpenHourReading {
  const usage = new Map<string, HourlyUsage>();
  const through = new Map<string, Date>();
  for (const { namespace, resource, minute, quantity } of samples) {
    const key = `${namespace} ${resource}`;
    const row = usage.get(key);
    usage.set(key, {
      namespace,
      resource,
      quantity: (row?.quantity ?? 0n) + quantity,
      sampleCount: (row?.sampleCount ?? 0) + 1,
    });
    const end = minute.getTime() + MINUTE_MS;
    if (end > (through.get(namespace)?.getTime() ?? 0)) through.set(namespace, new Date(end));
  }
  return { usage: [...usage.values()], through };
}

/**
 * Delivered samples are folded into hours without their minutes: a namespace's usage goes as
 * far as its most-sampled resource has minutes, counted from the start of the hour.
 */
function throughByCount(hour: Date, usage: readonly HourlyUsage[]): Map<string, Date> {
  const minutes = new Map<string, number>();
  for (const row of usage) {
    minutes.set(row.namespace, Math.max(minutes.get(row.namespace) ?? 0, row.sampleCount));
  }
  return new Map(
    [...minutes].map(([namespace, count]) => [
      namespace,
      new Date(hour.getTime() + count * MINUTE_MS),
    ]),
  );
}
