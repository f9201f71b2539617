import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { RESOURCES } from '@tally/transport';
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
 * every namespace's usage with the book of its wallet's currency in force at the hour (usage
 * of a currency without one is recorded as unpriced, not charged), and stores the charges together
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
    const placements = await this.workspaces.placements([
      ...new Set(usage.map((row) => row.namespace)),
    ]);
    const books = await this.priceBooks.inForceAt(
      [...placements.values()].map((placement) => placement.currency),
      hour,
    );
    const gapped = await this.usage.namespacesWithUnprovenGaps(source, hour);
    const { charges, unattributed, unpriced } = hourlyCharges(usage, placements, books, gapped);
    if (unattributed.length > 0) {
      this.logger.warn(
        { hour, count: unattributed.length, sample: unattributed.slice(0, 10) },
        'usage in namespaces without a workspace is not charged',
      );
    }
    // Recorded with the hour, so every run of the hour reports them (see SettleHour).
    if (unpriced.length > 0) {
      this.logger.error(
        { hour, count: unpriced.length, sample: unpriced.slice(0, 10) },
        'usage of wallets whose currency has no price book in force is not charged',
      );
    }
    const priceBooks = [...books.values()].map(({ currency, id, version }) => ({
      currency,
      id,
      version,
    }));
    await this.settlements.freeze(hour, { source, priceBooks, unpriced }, charges);
  }

  private async sampleIfMissing(hour: Date): Promise<void> {
    if (this.config.TALLY_BILLING_SOURCE !== 'prometheus' || this.sampler === undefined) return;
    if (await this.usage.hasSamples('prometheus', hour)) return;
    const { samples, gaps } = await this.sampler.readHour(hour);
    await this.usage.replaceGaps('prometheus', hour, RESOURCES, gaps);
    for (let i = 0; i < samples.length; i += INGEST_CHUNK) {
      await this.usage.record('prometheus', samples.slice(i, i + INGEST_CHUNK));
    }
  }
}
