import type { Provider } from '@nestjs/common';
import Stripe from 'stripe';
import type { BillingConfig } from '../billing.config';

/** The Stripe SDK, aimed at STRIPE_API_URL (tests point it at a local stand-in). */
export function stripeClientProvider(config: BillingConfig): Provider {
  return { provide: Stripe, useValue: stripeClient(config) };
}

export function stripeClient(config: BillingConfig): Stripe {
  const api = new URL(config.STRIPE_API_URL);
  const protocol = api.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(config.STRIPE_SECRET_KEY, {
    host: api.hostname,
    port: api.port === '' ? (protocol === 'http' ? 80 : 443) : Number(api.port),
    protocol,
    maxNetworkRetries: 2,
    timeout: 10_000,
  });
}
