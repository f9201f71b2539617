import { randomUUID } from 'node:crypto';
import type { LocalCheckoutView } from '@tally/transport';
import Stripe from 'stripe';

export type CheckoutOutcome = 'checkout.session.completed' | 'checkout.session.expired';

/**
 * The event Stripe would send when the payer pays (`completed`) or lets the session go
 * (`expired`), in Stripe's format, with the Checkout Session as Stripe writes it.
 */
export function checkoutEvent(
  type: CheckoutOutcome,
  sessionId: string,
  { recharge, amountTotal }: LocalCheckoutView,
): string {
  const paid = type === 'checkout.session.completed';
  return JSON.stringify({
    id: `evt_local_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    api_version: '2024-06-20',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        mode: 'payment',
        status: paid ? 'complete' : 'expired',
        payment_status: paid ? 'paid' : 'unpaid',
        amount_total: amountTotal,
        currency: recharge.currency.toLowerCase(),
        // No PaymentIntent: nothing was charged, so there is nothing Stripe could refund.
        payment_intent: null,
        client_reference_id: recharge.id,
        metadata: {
          rechargeId: recharge.id,
          walletId: recharge.walletId,
          tenantId: recharge.tenantId,
        },
      },
    },
  });
}

/** A Stripe-Signature header for `payload` (`t=<time>,v1=<HMAC-SHA256>`), as Stripe signs. */
export function stripeSignature(payload: string, secret: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}
