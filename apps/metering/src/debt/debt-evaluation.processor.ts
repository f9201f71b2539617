import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { eventsOf, OutboxBatch, OutboxEvent, QueueName } from '@tally/queue';
import type { Job, Queue } from 'bullmq';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { DebtTopic } from './debt-events';
import { DebtRepository } from './debt.repository';
import { EvaluateWallets } from './evaluate-wallets';
import { WalletBatcher } from './wallet-batcher';
import { SpendingCapRepository } from '../spending-caps/spending-cap.repository';
import { stillHeld } from '../spending-caps/spending-cap-events';

/** `ledger.changed`: a wallet's balance moved, by transactions of these kinds. */
export interface LedgerChanged {
  readonly walletId: string;
  /** Absent in events queued before the ledger named them. */
  readonly kinds?: readonly string[];
}
type DebtJob = OutboxBatch<LedgerChanged> | OutboxEvent<LedgerChanged> | { readonly sweep: true };

/**
 * Evaluates a wallet on every `ledger.changed` event that can move its available balance
 * (within a second: the events come in relay batches, and the wallets of the batches in flight
 * are evaluated together), and on every `spendingCap.changed`, and sweeps every wallet that is
 * in debt, was charged lately, has usage pending or has a scope held by its spending cap on a
 * fixed interval, which catches any event that went missing.
 */
@Processor(QueueName.DebtEvaluation, { concurrency: 200 })
export class DebtEvaluationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly batcher: WalletBatcher;
  /** A sweep still running when the next is due (many wallets, a slow account) is not doubled. */
  private sweeping = false;

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly evaluateWallets: EvaluateWallets,
    private readonly debts: DebtRepository,
    private readonly spendingCaps: SpendingCapRepository,
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
      if (!this.sweeping) await this.sweep();
      return;
    }
    const changed = eventsOf(job.data).filter((event) => movesAvailableBalance(event.payload));
    await Promise.all(changed.map((event) => this.batcher.add(event.payload.walletId)));
  }

  private async sweep(): Promise<void> {
    this.sweeping = true;
    try {
      const held = await this.spendingCaps.all();
      const wallets = new Set([
        ...(await this.debts.walletsToSweep()),
        ...held.map((h) => h.walletId),
      ]);
      await this.evaluateWallets.inChunks([...wallets]);
      // Suspending again is harmless and catches workloads created while suspended.
      await this.debts.publish(
        (await this.debts.suspendedWallets()).map((walletId) => ({
          topic: DebtTopic.SuspendWallet,
          payload: { walletId, reason: 'still suspended (periodic sweep)' },
        })),
      );
      await this.spendingCaps.publish(held.map(stillHeld));
    } finally {
      this.sweeping = false;
    }
  }
}

/**
 * Whether a ledger change can move the wallet's available balance. A settlement's usage
 * charges do not: each replaces the pending usage it was accrued as (a charge the accrual
 * missed, say after an outage, is found by the next sweep, within TALLY_DEBT_SWEEP_SECONDS).
 * Evaluating every wallet an hour's settlement touched would double the settlement's work.
 */
export function movesAvailableBalance(change: LedgerChanged): boolean {
  return !change.kinds || change.kinds.some((kind) => kind !== 'usage');
}
