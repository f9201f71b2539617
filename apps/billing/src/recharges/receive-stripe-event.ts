import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QueueName } from '@tally/queue';
import type { VerifiedStripeEvent } from '@tally/transport';
import type { Queue } from 'bullmq';
import { RechargeRepository } from './recharge.repository';

export interface StripeEventJob {
  readonly eventId: string;
}

/**
 * Stores a verified webhook event once and queues it for processing, so the gateway can
 * answer Stripe at once. The job id is the event id: a re-sent event is not queued twice.
 */
@Injectable()
export class ReceiveStripeEvent {
  constructor(
    private readonly recharges: RechargeRepository,
    @InjectQueue(QueueName.StripeEvents) private readonly queue: Queue<StripeEventJob>,
  ) {}

  async execute(event: VerifiedStripeEvent): Promise<{ stored: boolean }> {
    const stored = await this.recharges.storeEvent(event);
    // Queued even when already stored: a crash between the insert and the add must not lose it.
    await this.queue.add(event.type, { eventId: event.id }, { jobId: event.id });
    return { stored };
  }
}
