import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@tally/queue';
import type { Queue } from 'bullmq';
import { EvaluateWallets } from '../debt/evaluate-wallets';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { AccruePending } from './accrue-pending';

/**
 * Accrues pending usage on a fixed interval (a minute by default), one run at a time across
 * replicas, then re-evaluates the debt state of the wallets it touched. A failed run
 * (Prometheus or a peer unreachable) leaves the last figures as they were: pending stops
 * growing rather than guessing, and the next run catches up in full.
 */
@Processor(QueueName.PendingAccrual)
export class PendingAccrualProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly accruePending: AccruePending,
    private readonly evaluateWallets: EvaluateWallets,
    @InjectQueue(QueueName.PendingAccrual) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'pending-accrual',
      { every: this.config.TALLY_PENDING_ACCRUAL_SECONDS * 1000 },
      { name: 'accrue', data: {} },
    );
  }

  /**
   * The wallets whose pending usage was just accrued go up the debt ladder at once, on their
   * new available balance: a wallet is suspended within a run (plus the grace period) of its
   * money running out, not at the next sweep.
   */
  async process(): Promise<{ namespaces: number }> {
    const { namespaces, walletIds } = await this.accruePending.execute();
    await this.evaluateWallets.inChunks(walletIds);
    return { namespaces };
  }
}
