import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@tally/queue';
import type { Queue } from 'bullmq';
import { ReconcileCheckoutSessions, ReconcileOutcome } from './reconcile-checkout-sessions';

/** Every hour, the sessions of the last day: a webhook lost for a day is still caught. */
@Processor(QueueName.StripeReconcile)
export class StripeReconcileProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly reconcile: ReconcileCheckoutSessions,
    @InjectQueue(QueueName.StripeReconcile) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'stripe-reconcile',
      { pattern: '20 * * * *', tz: 'UTC' },
      { name: 'reconcile', data: {} },
    );
  }

  process(): Promise<ReconcileOutcome> {
    return this.reconcile.execute(24);
  }
}
