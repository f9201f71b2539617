import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OutboxEvent, QueueName, waitForTurn } from '@tally/queue';
import type { Job } from 'bullmq';
import { AlertTopic, type AlertNotice } from '../alerts/alert-events';
import { SendAlertNotice } from '../alerts/send-alert-notice';
import type { DebtNotice } from './debt-events';
import { SendDebtNotice } from './send-debt-notice';

/**
 * Debt and alert notices (the job's name is its outbox topic), several at once: each sender
 * keeps its wallet's or alert's notices in order, and a notice whose turn has not come goes
 * back to the queue for a moment without spending an attempt.
 */
@Processor(QueueName.Notifications, { concurrency: 8 })
export class DebtNoticeProcessor extends WorkerHost {
  constructor(
    private readonly sendNotice: SendDebtNotice,
    private readonly sendAlertNotice: SendAlertNotice,
  ) {
    super();
  }

  async process(
    job: Job<OutboxEvent<DebtNotice>> | Job<OutboxEvent<AlertNotice>>,
    token?: string,
  ): Promise<void> {
    const outcome =
      job.name === AlertTopic.Notify
        ? await this.sendAlertNotice.execute(job.data as OutboxEvent<AlertNotice>)
        : await this.sendNotice.execute(job.data as OutboxEvent<DebtNotice>);
    if (outcome === 'wait') await waitForTurn(job, token, 250);
  }
}
