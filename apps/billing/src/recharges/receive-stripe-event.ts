import { Injectable } from '@nestjs/common';
import type { VerifiedStripeEvent } from '@tally/transport';
import { RechargeRepository } from './recharge.repository';

/** What the `stripe.event` outbox topic carries to the StripeEvents queue. */
export interface StripeEventJob {
  readonly eventId: string;
}

/**
 * Stores a verified webhook event once, with its outbox row, so the gateway can answer Stripe
 * at once; billing's outbox relay queues it for processing (job id: the outbox event's id).
 */
@Injectable()
export class ReceiveStripeEvent {
  constructor(private readonly recharges: RechargeRepository) {}

  async execute(event: VerifiedStripeEvent): Promise<{ stored: boolean }> {
    return { stored: await this.recharges.storeEvent(event) };
  }
}
