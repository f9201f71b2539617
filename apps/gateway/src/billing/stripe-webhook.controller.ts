import { Controller, Headers, HttpCode, Inject, Logger, Post, Req } from '@nestjs/common';
import { badInput } from '@tally/errors';
import { Batcher } from '@tally/runtime';
import { RpcClient, type VerifiedStripeEvent } from '@tally/transport';
import type { Request } from 'express';
import Stripe from 'stripe';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';
export const STRIPE_WEBHOOK_SECRET = Symbol('STRIPE_WEBHOOK_SECRET');

/** Signatures older than this are refused (replays), as Stripe's own default. */
const TOLERANCE_SECONDS = 300;

/**
 * Deliveries are handed to billing in batches (one message and one insert for many under
 * load, none delayed when alone), with at most this many messages on their way at once.
 */
const HANDOFF = { maxInFlight: 2, maxBatch: 200 };

/**
 * Stripe's webhooks. The signature covers the exact bytes sent, so this route gets the raw
 * body (runApp's rawBodyRoutes). A verified event is handed to billing, which stores it once
 * and processes it after we have answered: the 2xx means the event is in billing's database.
 */
@Controller()
export class StripeWebhookController {
  private readonly logger = new Logger(StripeWebhookController.name);
  private readonly billing: Batcher<VerifiedStripeEvent, boolean>;

  constructor(
    rpc: RpcClient,
    @Inject(STRIPE_WEBHOOK_SECRET) private readonly secret: string,
  ) {
    this.billing = new Batcher(
      async (events) => (await rpc.send('billing.stripe.receive', { events })).stored,
      HANDOFF,
    );
  }

  @Post(STRIPE_WEBHOOK_PATH)
  @HttpCode(200)
  async receive(
    @Req() req: Request,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<{ received: true }> {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0 || signature === undefined) {
      this.logger.warn('stripe webhook without a body or a Stripe-Signature header');
      throw badInput('A signed Stripe event is required', { reason: 'BAD_WEBHOOK' });
    }
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(body, signature, this.secret, TOLERANCE_SECONDS);
    } catch (error) {
      this.logger.warn({ err: error }, 'stripe webhook refused: bad signature or payload');
      throw badInput('The Stripe signature does not verify', { reason: 'BAD_SIGNATURE' });
    }
    await this.billing.add({ id: event.id, type: event.type, body: body.toString('utf8') });
    return { received: true };
  }
}
