import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OutboxEvent, QueueName, waitForTurn } from '@tally/queue';
import type { Job } from 'bullmq';
import { AlertTopic, type AlertNotice } from '../alerts/alert-events';
import { SendAlertNotice } from '../alerts/send-alert-notice';
import type { DebtNotice } from './debt-events';
import { SendDebtNotice } from './send-debt-notice';
import { SpendingCapTopic, type CapNotice } from '../spending-caps/spending-cap-events';
import { SendCapNotice } from '../spending-caps/send-cap-notice';

/**
 * Debt, alert and spending-cap notices (the job's name is its outbox topic), several at once:
 * each sender keeps its wallet's or alert's notices in order (cap notices need no order), and a
 * notice whose turn has not come goes back to the queue for a moment without spending an attempt.
 */
@Processor(QueueName.Notifications, { concurrency: 8 })
export class DebtNoticeProcessor extends WorkerHost {
  constructor(
    private readonly sendNotice: SendDebtNotice,
    private readonly sendAlertNotice: SendAlertNotice,
    private readonly sendCapNotice: SendCapNotice,
  ) {
    super();
  }

  async process(
    job: Job<OutboxEvent<DebtNotice>> | Job<OutboxEvent<AlertNotice>> | Job<OutboxEvent<CapNotice>>,
    token?: string,
  ): Promise<void> {
    if (job.name === SpendingCapTopic.Notify) {
      return this.sendCapNotice.execute(job.data as OutboxEvent<CapNotice>);
    }
    const outcome =
      job.name === AlertTopic.Notify
        ? await this.sendAlertNotice.execute(job.data as OutboxEvent<AlertNotice>)
        : await this.sendNotice.execute(job.data as OutboxEvent<DebtNotice>);
    if (outcome === 'wait') await waitForTurn(job, token, 250);
  }
}
