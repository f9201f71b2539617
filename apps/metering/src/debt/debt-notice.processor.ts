import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OutboxEvent, QueueName, waitForTurn } from '@tally/queue';
import type { Job } from 'bullmq';
import type { DebtNotice } from './debt-events';
import { SendDebtNotice } from './send-debt-notice';

/**
 * Debt notices, several at once: SendDebtNotice keeps each wallet's in order, and a notice
 * whose turn has not come goes back to the queue for a moment without spending an attempt.
 */
@Processor(QueueName.Notifications, { concurrency: 8 })
export class DebtNoticeProcessor extends WorkerHost {
  constructor(private readonly sendNotice: SendDebtNotice) {
    super();
  }

  async process(job: Job<OutboxEvent<DebtNotice>>, token?: string): Promise<void> {
    if ((await this.sendNotice.execute(job.data)) === 'wait') await waitForTurn(job, token, 250);
  }
}
