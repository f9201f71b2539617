import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@tally/queue';
import type { Job, Queue } from 'bullmq';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { DueHours } from './due-hours';
import { SettleHour } from './settle-hour';

interface SettleDueJob {
  readonly reason: 'schedule' | 'start-up';
}

/**
 * Every hour at HH:<delay> UTC, and once at start-up, settles every due hour oldest first.
 * An hour that fails stops the run (later hours wait, so charges stay in order) and the job
 * is retried with backoff.
 */
@Processor(QueueName.Settlement)
export class SettlementProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(SettlementProcessor.name);
  private stopping = false;

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly dueHours: DueHours,
    private readonly settleHour: SettleHour,
    @InjectQueue(QueueName.Settlement) private readonly queue: Queue<SettleDueJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const minute = this.config.TALLY_SETTLEMENT_DELAY_MINUTES % 60;
    await this.queue.upsertJobScheduler(
      'hourly-settlement',
      { pattern: `${minute} * * * *`, tz: 'UTC' },
      { name: 'settle-due', data: { reason: 'schedule' } },
    );
    await this.queue.add('settle-due', { reason: 'start-up' });
  }

  /** A catch-up of many hours stops between two hours on shutdown; the next run goes on. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async process(job: Job<SettleDueJob>): Promise<{ settled: number }> {
    const hours = await this.dueHours.at(new Date());
    for (const hour of hours) {
      if (this.stopping) break;
      const trigger =
        job.data.reason === 'schedule' && hours.length === 1 ? 'schedule' : 'catch_up';
      await this.settleHour.execute(hour, trigger);
    }
    if (hours.length > 0) this.logger.log({ hours: hours.length }, 'due hours settled');
    return { settled: hours.length };
  }
}
