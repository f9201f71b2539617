import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { eventsOf, QueueName, type OutboxBatch, type OutboxEvent } from '@tally/queue';
import type { Job } from 'bullmq';
import { ProcessStripeEvents } from './process-stripe-events';
import type { StripeEventJob } from './receive-stripe-events';
import { RechargeRepository } from './recharge.repository';

/**
 * Processes verified Stripe events, a relay batch per job. An event that fails is recorded
 * with its error and the job is retried with backoff; the retry skips the events already
 * applied.
 */
@Processor(QueueName.StripeEvents, { concurrency: 2 })
export class StripeEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(StripeEventsProcessor.name);

  constructor(
    private readonly processEvents: ProcessStripeEvents,
    private readonly recharges: RechargeRepository,
  ) {
    super();
  }

  async process(
    job: Job<OutboxBatch<StripeEventJob> | OutboxEvent<StripeEventJob>>,
  ): Promise<void> {
    const eventIds = eventsOf(job.data).map((event) => event.payload.eventId);
    const failures = await this.processEvents.execute(eventIds);
    if (failures.size === 0) return;
    for (const [eventId, error] of failures) {
      this.logger.warn(
        { eventId, attempt: job.attemptsMade + 1, err: error },
        'stripe event failed; will retry',
      );
      await this.recharges.markFailed(eventId, error.message).catch(() => undefined);
    }
    throw new Error(`${failures.size} of ${eventIds.length} Stripe events failed`);
  }
}
