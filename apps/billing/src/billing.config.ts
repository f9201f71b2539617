import { defineConfig, port, secret, url } from '@tally/config';

export const loadBillingConfig = defineConfig(
  {
    TALLY_BILLING_PORT: port(4002),
    STRIPE_SECRET_KEY: secret('stripe_secret_key'),
    STRIPE_WEBHOOK_SECRET: secret('stripe_webhook_secret'),
    STRIPE_API_URL: url(['http', 'https'], 'https://api.stripe.com'),
  },
  ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
);

export type BillingConfig = ReturnType<typeof loadBillingConfig>;
