import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@tally/queue';
import type { Job, Queue } from 'bullmq';
import { Reconcile } from './reconcile';

const DAY_MS = 86_400_000;

/** Every day at 00:30 UTC, reconciles the day before (settlement of its last hour is done). */
@Processor(QueueName.Reconciliation)
export class ReconciliationProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly reconcile: Reconcile,
    @InjectQueue(QueueName.Reconciliation) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'daily-reconciliation',
      { pattern: '30 0 * * *', tz: 'UTC' },
      { name: 'reconcile-yesterday', data: {} },
    );
  }

  async process(job: Job): Promise<{ reportId: string }> {
    const today = Math.floor(job.timestamp / DAY_MS) * DAY_MS;
    const report = await this.reconcile.execute(
      new Date(today - DAY_MS),
      new Date(today),
      'schedule',
    );
    return { reportId: report.id };
  }
}
