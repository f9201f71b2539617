import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@tally/queue';
import type { Job, Queue } from 'bullmq';
import { monthOf, MonthlyTopUpSummary, TopUpMonthlyBudgets } from './top-up-monthly-budgets';

interface TopUpJob {
  /** YYYY-MM-01; absent on scheduled runs, which top up the month they were scheduled in. */
  readonly month?: string;
}

/**
 * Runs the top-up at 00:00 UTC on the 1st of each month, and once at start-up for the
 * current month in case the scheduled run was missed while the service was down.
 */
@Processor(QueueName.MonthlyBudgets)
export class MonthlyBudgetsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MonthlyBudgetsProcessor.name);

  constructor(
    private readonly topUp: TopUpMonthlyBudgets,
    @InjectQueue(QueueName.MonthlyBudgets) private readonly queue: Queue<TopUpJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'monthly-budgets',
      { pattern: '0 0 1 * *', tz: 'UTC' },
      { name: 'top-up', data: {} },
    );
    const month = monthOf(new Date());
    await this.queue.add('top-up', { month }, { jobId: `catch-up-${month}` });
  }

  async process(job: Job<TopUpJob>): Promise<MonthlyTopUpSummary> {
    const summary = await this.topUp.execute(job.data.month ?? monthOf(new Date(job.timestamp)));
    this.logger.log({ ...summary }, 'monthly budgets topped up');
    if (summary.failed > 0) {
      throw new Error(`${summary.failed} sub-account top-ups failed; retrying the rest is safe`);
    }
    return summary;
  }
}
