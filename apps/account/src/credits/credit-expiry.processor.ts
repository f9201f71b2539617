import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Metrics } from '@tally/observability';
import { QueueName } from '@tally/queue';
import type { Queue } from 'bullmq';
import { ACCOUNT_CONFIG, type AccountConfig } from '../account.config';
import { ExpireCredits, type ExpirySummary } from './expire-credits';

/**
 * Runs the credit expiry every TALLY_CREDIT_EXPIRY_SECONDS (and at start-up, through the
 * scheduler's first run). Each run counts in `tally_jobs_total{queue="credit-expiry"}`.
 */
@Processor(QueueName.CreditExpiry)
export class CreditExpiryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(CreditExpiryProcessor.name);

  constructor(
    private readonly expireCredits: ExpireCredits,
    private readonly metrics: Metrics,
    @Inject(ACCOUNT_CONFIG) private readonly config: AccountConfig,
    @InjectQueue(QueueName.CreditExpiry) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'credit-expiry',
      { every: this.config.TALLY_CREDIT_EXPIRY_SECONDS * 1000 },
      { name: 'expire', data: {} },
    );
  }

  async process(): Promise<ExpirySummary> {
    const summary = await this.expireCredits.execute();
    if (summary.expired > 0) this.logger.log({ ...summary }, 'promotional credit expired');
    const outcome = summary.failed > 0 ? 'failed' : 'completed';
    this.metrics.jobs.inc({ queue: QueueName.CreditExpiry, outcome });
    if (summary.failed > 0) {
      throw new Error(`${summary.failed} grants failed to expire; retrying the rest is safe`);
    }
    return summary;
  }
}
