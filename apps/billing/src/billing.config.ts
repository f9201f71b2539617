import { defineConfig, port, secret, url } from '@tally/config';
import { z } from 'zod';

const decimal = (fallback: string) =>
  z
    .string()
    .regex(/^\d{1,12}(\.\d{1,6})?$/, 'must be a decimal amount such as 5 or 10000.50')
    .default(fallback);

export const loadBillingConfig = defineConfig(
  {
    TALLY_BILLING_PORT: port(4002),
    STRIPE_SECRET_KEY: secret('stripe_secret_key'),
    STRIPE_WEBHOOK_SECRET: secret('stripe_webhook_secret'),
    STRIPE_API_URL: url(['http', 'https'], 'https://api.stripe.com'),
    // Smallest and largest recharge, in the wallet's currency.
    TALLY_RECHARGE_MIN: decimal('5'),
    TALLY_RECHARGE_MAX: decimal('10000'),
    // Where Stripe Checkout sends the payer back to.
    TALLY_PUBLIC_URL: url(['http', 'https'], 'http://127.0.0.1:4000'),
  },
  ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
);

export type BillingConfig = ReturnType<typeof loadBillingConfig>;

/** Injection token for the validated config. */
export const BILLING_CONFIG = Symbol('BILLING_CONFIG');
