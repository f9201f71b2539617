import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@tally/queue';
import type { MonthRunSummary } from '@tally/transport';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { BILLING_CONFIG, type BillingConfig } from '../billing.config';
import { previousMonth } from './billing-month';
import { isMonthNotSettled } from './month-close';
import { RunMonthEnd } from './run-month-end';

interface InvoicingJob {
  /** YYYY-MM; absent on scheduled runs, which invoice the month before the run. */
  readonly month?: string;
}

/**
 * Month-end invoicing at 00:<TALLY_INVOICING_MINUTE> UTC on the 1st, a few minutes into the
 * new month, and once at start-up for the previous month, in case the scheduled run was missed
 * while billing was down. A month whose hours metering has not all settled yet is not closed:
 * the job waits, asking again every TALLY_MONTH_CLOSE_RETRY_SECONDS for as long as it takes
 * (each time with a warning naming the first unsettled hour), instead of failing for good.
 */
@Processor(QueueName.Invoicing)
export class InvoicingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(InvoicingProcessor.name);

  constructor(
    private readonly runMonthEnd: RunMonthEnd,
    @InjectQueue(QueueName.Invoicing) private readonly queue: Queue<InvoicingJob>,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'month-end-invoicing',
      { pattern: `${this.config.TALLY_INVOICING_MINUTE} 0 1 * *`, tz: 'UTC' },
      { name: 'month-end', data: {} },
    );
    const month = previousMonth(new Date());
    await this.queue.add('month-end', { month }, { jobId: `catch-up-${month}` });
  }

  async process(job: Job<InvoicingJob>, token?: string): Promise<MonthRunSummary> {
    const month = job.data.month ?? previousMonth(new Date(job.timestamp));
    let summary: MonthRunSummary;
    try {
      summary = await this.runMonthEnd.execute(month);
    } catch (error) {
      if (!isMonthNotSettled(error)) throw error;
      const retryAt = new Date(Date.now() + this.config.TALLY_MONTH_CLOSE_RETRY_SECONDS * 1000);
      this.logger.warn(
        { month, ...error.details, retryAt: retryAt.toISOString() },
        'month not settled yet; month-end waits',
      );
      // Back in the queue, delayed, without using up an attempt.
      await job.moveToDelayed(retryAt.getTime(), token);
      throw new DelayedError();
    }
    this.logger.log({ ...summary }, 'month-end statements and invoices');
    if (summary.failed > 0) {
      throw new Error(`${summary.failed} tenants failed; the rest are done and will be skipped`);
    }
    return summary;
  }
}
