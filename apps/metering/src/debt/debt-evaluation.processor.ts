import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { eventsOf, OutboxBatch, OutboxEvent, QueueName } from '@tally/queue';
import type { Job, Queue } from 'bullmq';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { DebtTopic } from './debt-events';
import { DebtRepository } from './debt.repository';
import { EvaluateWallets } from './evaluate-wallets';
import { WalletBatcher } from './wallet-batcher';

type WalletChanged = { walletId: string };
type DebtJob = OutboxBatch<WalletChanged> | OutboxEvent<WalletChanged> | { readonly sweep: true };

/**
 * Evaluates a wallet on every `ledger.changed` event (within a second: the events come in
 * relay batches, and the wallets of the batches in flight are evaluated together), and sweeps every wallet that is in debt or was charged lately
 * on a fixed interval, which catches any event that went missing.
 */
@Processor(QueueName.DebtEvaluation, { concurrency: 200 })
export class DebtEvaluationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly batcher: WalletBatcher;

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly evaluateWallets: EvaluateWallets,
    private readonly debts: DebtRepository,
    @InjectQueue(QueueName.DebtEvaluation) private readonly queue: Queue<DebtJob>,
  ) {
    super();
    this.batcher = new WalletBatcher((ids) => this.evaluateWallets.execute(ids));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'debt-sweep',
      { every: this.config.TALLY_DEBT_SWEEP_SECONDS * 1000 },
      { name: 'sweep', data: { sweep: true } },
    );
  }

  async process(job: Job<DebtJob>): Promise<void> {
    if ('sweep' in job.data) {
      await this.evaluateWallets.inChunks(await this.debts.walletsToSweep());
      // Suspending again is harmless and catches workloads created while suspended.
      await this.debts.publish(
        (await this.debts.suspendedWallets()).map((walletId) => ({
          topic: DebtTopic.SuspendWallet,
          payload: { walletId, reason: 'still suspended (periodic sweep)' },
        })),
      );
      return;
    }
    await Promise.all(eventsOf(job.data).map((event) => this.batcher.add(event.payload.walletId)));
  }
}
