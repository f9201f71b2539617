import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { OutboxEvent, QueueName } from '@tally/queue';
import type { Job } from 'bullmq';
import { ProcessStripeEvent } from './process-stripe-event';
import type { StripeEventJob } from './receive-stripe-events';
import { RechargeRepository } from './recharge.repository';

/**
 * Processes verified Stripe events, many at once (ProcessStripeEvent applies the jobs in
 * flight together); a failure is recorded and retried with backoff.
 */
@Processor(QueueName.StripeEvents, { concurrency: 100 })
export class StripeEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(StripeEventsProcessor.name);

  constructor(
    private readonly processEvent: ProcessStripeEvent,
    private readonly recharges: RechargeRepository,
  ) {
    super();
  }

  async process(job: Job<OutboxEvent<StripeEventJob>>): Promise<void> {
    const { eventId } = job.data.payload;
    try {
      await this.processEvent.execute(eventId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        { eventId, attempt: job.attemptsMade + 1, err: error },
        'stripe event failed; will retry',
      );
      await this.recharges.markFailed(eventId, message).catch(() => undefined);
      throw error;
    }
  }
}
