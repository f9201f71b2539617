import { Inject, Injectable } from '@nestjs/common';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { SettlementRepository } from './settlement.repository';

const HOUR_MS = 3_600_000;

/** What finding due hours needs of the settlement store (SettlementRepository; a fake in the spec). */
export type SettledHoursStore = Pick<
  SettlementRepository,
  'latestPostedHour' | 'halfPostedHours' | 'unsettledHours'
>;

/**
 * The hours a worker should settle now, oldest first: every hour since the last one settled
 * (within the catch-up window) whose settlement time H + 1 h + delay has passed, plus any
 * hour a crash left half posted. A fresh install starts with the last hour that is due, or at
 * TALLY_SETTLEMENT_FIRST_HOUR (rounded down to its hour) when that is set.
 */
@Injectable()
export class DueHours {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    @Inject(SettlementRepository) private readonly settlements: SettledHoursStore,
  ) {}

  async at(now: Date): Promise<Date[]> {
    const delayMs = this.config.TALLY_SETTLEMENT_DELAY_MINUTES * 60_000;
    // The newest hour whose settlement time has come, and the one after it (exclusive end).
    const end = Math.floor((now.getTime() - HOUR_MS - delayMs) / HOUR_MS) * HOUR_MS + HOUR_MS;
    const windowStart = end - this.config.TALLY_SETTLEMENT_CATCH_UP_HOURS * HOUR_MS;
    const latest = await this.settlements.latestPostedHour();
    const next = latest === null ? this.freshInstallStart(end) : latest.getTime() + HOUR_MS;
    const start = Math.max(next, windowStart);
    const [halfPosted, unsettled] = await Promise.all([
      this.settlements.halfPostedHours(),
      start < end ? this.settlements.unsettledHours(new Date(start), new Date(end)) : [],
    ]);
    const hours = new Map<number, Date>();
    for (const hour of [...halfPosted, ...unsettled]) hours.set(hour.getTime(), hour);
    return [...hours.values()].sort((a, b) => a.getTime() - b.getTime());
  }

  private freshInstallStart(end: number): number {
    const first = this.config.TALLY_SETTLEMENT_FIRST_HOUR;
    return first === undefined ? end - HOUR_MS : Math.floor(first.getTime() / HOUR_MS) * HOUR_MS;
  }
}
