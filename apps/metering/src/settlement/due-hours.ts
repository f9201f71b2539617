import { Inject, Injectable } from '@nestjs/common';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { SettlementRepository } from './settlement.repository';

const HOUR_MS = 3_600_000;

/**
 * The hours a worker should settle now, oldest first: every hour since the last one settled
 * (within the catch-up window) whose settlement time H + 1 h + delay has passed, plus any
 * hour a crash left half posted. A fresh install starts with the last hour that is due.
 */
@Injectable()
export class DueHours {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly settlements: SettlementRepository,
  ) {}

  async at(now: Date): Promise<Date[]> {
    const delayMs = this.config.TALLY_SETTLEMENT_DELAY_MINUTES * 60_000;
    // The newest hour whose settlement time has come, and the one after it (exclusive end).
    const end = Math.floor((now.getTime() - HOUR_MS - delayMs) / HOUR_MS) * HOUR_MS + HOUR_MS;
    const windowStart = end - this.config.TALLY_SETTLEMENT_CATCH_UP_HOURS * HOUR_MS;
    const latest = await this.settlements.latestPostedHour();
    const start =
      latest === null ? end - HOUR_MS : Math.max(latest.getTime() + HOUR_MS, windowStart);
    const [halfPosted, unsettled] = await Promise.all([
      this.settlements.halfPostedHours(),
      start < end ? this.settlements.unsettledHours(new Date(start), new Date(end)) : [],
    ]);
    const hours = new Map<number, Date>();
    for (const hour of [...halfPosted, ...unsettled]) hours.set(hour.getTime(), hour);
    return [...hours.values()].sort((a, b) => a.getTime() - b.getTime());
  }
}
