import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { PriceView, Resource } from '@tally/transport';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { PriceBooks } from '../peers/price-books';
import { WorkspaceDirectory } from '../peers/workspace-directory';
import type { HourlyUsageSource } from '../sources/usage-source';
import { HOURLY_SOURCE } from '../usage/hour-sampler';
import { UsageRepository } from '../usage/usage.repository';
import { hourlyCharges } from './hourly-charges';
import { SettlementRepository } from './settlement.repository';

const INGEST_CHUNK = 10_000;

/**
 * Fixes what an hour costs: samples it from Prometheus if nothing arrived for it, prices
 * every namespace's usage with the book in force at the hour, and stores the charges together
 * with the hour in one transaction. From then on posting replays exactly these charges, so a
 * crash and a rerun can never post a different amount under the same key.
 */
@Injectable()
export class FreezeHour {
  private readonly logger = new Logger(FreezeHour.name);

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly usage: UsageRepository,
    private readonly settlements: SettlementRepository,
    private readonly workspaces: WorkspaceDirectory,
    private readonly priceBooks: PriceBooks,
    @Optional() @Inject(HOURLY_SOURCE) private readonly sampler?: HourlyUsageSource,
  ) {}

  async execute(hour: Date): Promise<void> {
    const source = this.config.TALLY_BILLING_SOURCE;
    await this.sampleIfMissing(hour);
    const usage = await this.usage.hourly(source, hour);
    const [book, placements] = await Promise.all([
      this.priceBooks.inForceAt(hour),
      this.workspaces.placements([...new Set(usage.map((row) => row.namespace))]),
    ]);
    const prices = new Map<Resource, PriceView>(book.prices.map((p) => [p.resource, p]));
    const { charges, unattributed } = hourlyCharges(usage, placements, prices);
    if (unattributed.length > 0) {
      this.logger.warn(
        { hour, count: unattributed.length, sample: unattributed.slice(0, 10) },
        'usage in namespaces without a workspace is not charged',
      );
    }
    await this.settlements.freeze(
      hour,
      { source, priceBookId: book.id, priceBookVersion: book.version, currency: book.currency },
      charges,
    );
  }

  private async sampleIfMissing(hour: Date): Promise<void> {
    if (this.config.TALLY_BILLING_SOURCE !== 'prometheus' || this.sampler === undefined) return;
    if (await this.usage.hasSamples('prometheus', hour)) return;
    const samples = await this.sampler.sampleHour(hour);
    for (let i = 0; i < samples.length; i += INGEST_CHUNK) {
      await this.usage.record('prometheus', samples.slice(i, i + INGEST_CHUNK));
    }
  }
}
