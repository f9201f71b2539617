import { Inject, Injectable, Logger } from '@nestjs/common';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { PriceBooks } from '../peers/price-books';
import { WalletPendingPublisher } from '../peers/wallet-pending.publisher';
import { WorkspaceDirectory } from '../peers/workspace-directory';
import { hourlyCharges } from '../settlement/hourly-charges';
import { HOUR_MS } from '../sources/usage-source';
import { OpenHourUsage } from './open-hour-usage';
import { PendingRepository, type PendingHour } from './pending.repository';

export interface Accrual {
  /** The hours accrued. */
  readonly hours: Date[];
  /** Hours their source could not be read for: their figures stay as they were, unextrapolated. */
  readonly unavailable: { readonly hour: Date; readonly reason: string }[];
  readonly namespaces: number;
  /** Wallets with pending usage in the hours accrued: the debt ladder looks at them next. */
  readonly walletIds: string[];
}

/**
 * Every minute: prices what the hour of `at` and the hour before (late samples land there
 * until it is settled) have used so far, with the book of each wallet's currency in force at
 * the hour, exactly as settlement will (hourlyCharges), and rewrites those hours' pending rows
 * whole. Each run recomputes from the samples rather than adding to the last figure, so a
 * run repeated, late or killed half-way changes nothing a later run does not put right.
 * A frozen hour is left to its charges.
 */
@Injectable()
export class AccruePending {
  private readonly logger = new Logger(AccruePending.name);
  /**
   * Per past hour, the version of its samples this process last accrued: the hour before this
   * one is open until it is settled, and mostly unchanged, so it is priced again only when a
   * late sample changed it (a replica that did not accrue it last prices it once more: the
   * rows come out the same). A workspace moved meanwhile shows on its new wallet when the
   * hour is settled, minutes later; the current hour is priced every run.
   */
  private readonly accruedVersions = new Map<number, string>();

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly openHours: OpenHourUsage,
    private readonly pending: PendingRepository,
    private readonly workspaces: WorkspaceDirectory,
    private readonly priceBooks: PriceBooks,
    private readonly publisher: WalletPendingPublisher,
  ) {}

  async execute(at = new Date()): Promise<Accrual> {
    const current = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
    const candidates = [new Date(current - HOUR_MS), new Date(current)];
    const frozen = await this.pending.frozenOf(candidates);
    const open = candidates.filter((hour) => !frozen.has(hour.getTime()));
    const walletIds = new Set<string>();
    const accrued: Date[] = [];
    const unavailable: Accrual['unavailable'] = [];
    let namespaces = 0;
    const dropBefore = new Date(current - this.config.TALLY_SETTLEMENT_CATCH_UP_HOURS * HOUR_MS);
    for (const key of this.accruedVersions.keys()) {
      if (key < current - HOUR_MS) this.accruedVersions.delete(key);
    }
    for (const hour of open) {
      let priced: PendingHour[];
      let version: string | null = null;
      try {
        if (hour.getTime() < current) {
          version = await this.openHours.version(hour);
          if (version !== null && this.accruedVersions.get(hour.getTime()) === version) {
            accrued.push(hour); // its rows are its samples' already
            continue;
          }
        }
        priced = await this.priceHour(hour);
      } catch (error) {
        // A source that cannot be read (Prometheus down) must not pass for one that reports
        // no usage: the hour keeps its last figures, and says why.
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.warn({ hour, reason }, 'pending usage not accrued: its source is unavailable');
        unavailable.push({ hour, reason });
        continue;
      }
      await this.pending.replaceHour(hour, priced, at);
      // Read beside the balance; published before the version is remembered, so an hour
      // whose publishing failed is published again next minute.
      await this.publisher.openHour(hour, priced, dropBefore);
      if (version !== null) this.accruedVersions.set(hour.getTime(), version);
      accrued.push(hour);
      namespaces += priced.length;
      for (const { charge } of priced) walletIds.add(charge.walletId);
    }
    await this.pending.prune(dropBefore);
    return { hours: accrued, unavailable, namespaces, walletIds: [...walletIds] };
  }

  private async priceHour(hour: Date): Promise<PendingHour[]> {
    const { usage, through } = await this.openHours.read(hour);
    const placements = await this.workspaces.placements([...through.keys()]);
    const books = await this.priceBooks.inForceAt(
      [...placements.values()].map((placement) => placement.currency),
      hour,
    );
    const { charges, unpriced } = hourlyCharges(usage, placements, books);
    if (unpriced.length > 0) {
      this.logger.warn(
        { hour, count: unpriced.length, sample: unpriced.slice(0, 10) },
        'pending usage of wallets whose currency has no price book in force is not counted',
      );
    }
    return charges.map((charge) => ({ charge, throughMinute: through.get(charge.namespace)! }));
  }
}
