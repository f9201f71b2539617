import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';

const signer = new Stripe('sk_test_x');

/** Stripe webhook events as Stripe sends them, signed with `secret` like Stripe does. */
export class StripeEvents {
  constructor(
    private readonly gatewayUrl: () => string,
    private readonly secret: string,
  ) {}

  completed(
    session: { id: string; rechargeId: string; paymentIntent?: string },
    amountCents: number,
  ): string {
    return event('checkout.session.completed', {
      id: session.id,
      object: 'checkout.session',
      payment_status: 'paid',
      status: 'complete',
      amount_total: amountCents,
      currency: 'usd',
      payment_intent: session.paymentIntent ?? null,
      client_reference_id: session.rechargeId,
      metadata: { rechargeId: session.rechargeId },
    });
  }

  refunded(paymentIntent: string, amountCents: number, refundedCents: number): string {
    return event('charge.refunded', {
      id: `ch_${paymentIntent}`,
      object: 'charge',
      payment_intent: paymentIntent,
      amount: amountCents,
      amount_refunded: refundedCents,
      refunded: refundedCents === amountCents,
      currency: 'usd',
    });
  }

  sign(payload: string, secret = this.secret): string {
    return signer.webhooks.generateTestHeaderString({ payload, secret });
  }

  post(payload: string, signature: string | undefined = this.sign(payload)): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== undefined) headers['stripe-signature'] = signature;
    return fetch(`${this.gatewayUrl()}/webhooks/stripe`, {
      method: 'POST',
      headers,
      body: payload,
    });
  }
}

function event(type: string, object: Record<string, unknown>): string {
  return JSON.stringify({
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  });
}
