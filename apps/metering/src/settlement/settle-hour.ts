import { Injectable, Logger } from '@nestjs/common';
import { badInput } from '@tally/errors';
import type { SettlementRunView, SettlementTrigger } from '@tally/transport';
import { Failpoints } from '../failpoints';
import { WalletPendingPublisher } from '../peers/wallet-pending.publisher';
import { FreezeHour } from './freeze-hour';
import { PostCharges } from './post-charges';
import { SettlementRepository, type UnpricedUsage } from './settlement.repository';

const HOUR_MS = 3_600_000;

/**
 * Settles one past hour: freeze its charges (once), post what is not posted, record the run
 * (FAILED, naming them, when some usage had no price book of its wallet's currency).
 * Every step is safe to repeat, so the scheduled run, a catch-up after downtime and an admin's
 * settleHour all call this, and a worker killed at any point is simply run again.
 */
@Injectable()
export class SettleHour {
  private readonly logger = new Logger(SettleHour.name);

  constructor(
    private readonly settlements: SettlementRepository,
    private readonly freezeHour: FreezeHour,
    private readonly postCharges: PostCharges,
    private readonly failpoints: Failpoints,
    private readonly publisher: WalletPendingPublisher,
  ) {}

  async execute(
    hour: Date,
    trigger: SettlementTrigger,
    requestedBy: string | null = null,
  ): Promise<SettlementRunView> {
    assertSettleable(hour);
    return this.settlements.withHourLock(hour, async () => {
      const run = await this.settlements.startRun(hour, trigger, requestedBy);
      try {
        const started = performance.now();
        if (!(await this.settlements.isFrozen(hour))) await this.freezeHour.execute(hour);
        this.failpoints.hit('settlement.after-freeze');
        const frozen = performance.now();
        const posted = await this.postCharges.execute(hour);
        await this.settlements.markHourPosted(hour);
        await this.publisher.hourPosted(hour);
        // What no book could price stays uncharged, and every run of the hour says so: the
        // others' charges are posted all the same, and no later book can price a past hour.
        const unpriced = describeUnpriced(hour, await this.settlements.unpricedOf(hour));
        const finished = await this.settlements.finishRun(
          run.id,
          unpriced === null ? 'SUCCEEDED' : 'FAILED',
          unpriced === null ? posted : { ...posted, error: unpriced },
        );
        if (unpriced !== null) this.logger.error({ ...finished, trigger }, unpriced);
        const phases = {
          freezeMs: Math.round(frozen - started),
          postMs: Math.round(performance.now() - frozen),
        };
        this.logger.log({ ...finished, trigger, ...phases }, 'hour settled');
        return finished;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.settlements.finishRun(run.id, 'FAILED', {
          namespaces: 0,
          chargedMicros: 0n,
          error: message,
        });
        throw error;
      }
    });
  }
}

/** The reason a run of the hour fails for usage no book priced; null when there is none. */
export function describeUnpriced(hour: Date, unpriced: readonly UnpricedUsage[]): string | null {
  if (unpriced.length === 0) return null;
  const byCurrency = new Map<string, string[]>();
  for (const { currency, namespace } of unpriced) {
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), namespace]);
  }
  const parts = [...byCurrency].map(
    ([currency, namespaces]) =>
      `${namespaces.length} in ${currency} (${namespaces.slice(0, 5).join(', ')}${namespaces.length > 5 ? ', …' : ''})`,
  );
  return `not charged: no price book in force at ${hour.toISOString()} for the currency of these namespaces' wallets: ${parts.join('; ')}`;
}

/** A whole UTC hour that has ended: an hour still running has usage yet to come. */
export function assertSettleable(hour: Date, now = new Date()): void {
  if (Number.isNaN(hour.getTime()) || hour.getTime() % HOUR_MS !== 0) {
    throw badInput('hour must be a whole UTC hour, such as 2026-11-22T08:00:00Z', {
      reason: 'NOT_A_WHOLE_HOUR',
    });
  }
  if (hour.getTime() + HOUR_MS > now.getTime()) {
    throw badInput('Only an hour that has ended can be settled', { reason: 'HOUR_NOT_OVER' });
  }
}
