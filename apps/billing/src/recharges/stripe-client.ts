import type { Provider } from '@nestjs/common';
import Stripe from 'stripe';
import type { BillingConfig } from '../billing.config';

/** The Stripe SDK, aimed at STRIPE_API_URL (tests point it at a local stand-in). */
export function stripeClientProvider(config: BillingConfig): Provider {
  return { provide: Stripe, useValue: stripeClient(config) };
}

// Stripe is called while a caller waits for the answer, at most TALLY_RPC_TIMEOUT_MS: every
// attempt together must end well before that, or a Stripe that never answers ends as the
// caller's timeout (INTERNAL) rather than the retryable STRIPE_UNAVAILABLE.
const STRIPE_RETRIES = 1;
const SHARE_OF_THE_CALLERS_DEADLINE = 0.7;

export function stripeClient(config: BillingConfig): Stripe {
  const api = new URL(config.STRIPE_API_URL);
  const protocol = api.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(config.STRIPE_SECRET_KEY, {
    host: api.hostname,
    port: api.port === '' ? (protocol === 'http' ? 80 : 443) : Number(api.port),
    protocol,
    maxNetworkRetries: STRIPE_RETRIES,
    timeout: Math.floor(
      (config.TALLY_RPC_TIMEOUT_MS * SHARE_OF_THE_CALLERS_DEADLINE) / (STRIPE_RETRIES + 1),
    ),
  });
}
