import { Inject, Injectable, Logger } from '@nestjs/common';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { PriceBooks } from '../peers/price-books';
import { WorkspaceDirectory } from '../peers/workspace-directory';
import { UsageRepository } from '../usage/usage.repository';
import { hourlyCharges } from './hourly-charges';
import { SampleHour } from './sample-hour';
import { SettlementRepository } from './settlement.repository';

/**
 * Fixes what an hour costs: samples what Prometheus has of it that is not stored yet, prices
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
    private readonly sampleHour: SampleHour,
  ) {}

  async execute(hour: Date): Promise<void> {
    const source = this.config.TALLY_BILLING_SOURCE;
    await this.sampleHour.execute(hour);
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
}
