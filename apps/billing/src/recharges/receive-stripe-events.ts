import { Injectable } from '@nestjs/common';
import type { VerifiedStripeEvent } from '@tally/transport';
import { RechargeRepository } from './recharge.repository';

/** What the `stripe.event` outbox topic carries to the StripeEvents queue. */
export interface StripeEventJob {
  readonly eventId: string;
}

/**
 * Stores verified webhook events once each, with their outbox rows, in one statement, so the
 * gateway can answer Stripe at once; billing's outbox relay queues them for processing (job
 * id: the outbox event's id).
 */
@Injectable()
export class ReceiveStripeEvents {
  constructor(private readonly recharges: RechargeRepository) {}

  async execute(events: readonly VerifiedStripeEvent[]): Promise<{ stored: boolean[] }> {
    const stored = new Set(await this.recharges.storeEvents(events));
    // An event delivered twice in one batch is stored by its first delivery only.
    return { stored: events.map((event) => stored.delete(event.id)) };
  }
}
