import {
  ConfigError,
  defineConfig,
  DEV_SECRET_MARKER,
  port,
  positiveInt,
  secret,
  url,
  type Env,
} from '@tally/config';
import { z } from 'zod';
import { bonusPercentSchema, bonusTiersSchema } from './recharges/bonus-rules';

const decimal = (fallback: string) =>
  z
    .string()
    .regex(/^\d{1,12}(\.\d{1,6})?$/, 'must be a decimal amount such as 5 or 10000.50')
    .default(fallback);

const loadBillingEnv = defineConfig(
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
    // Bonus tiers by amount, e.g. [{"minAmount":"100","percent":5}], from promotional credit.
    TALLY_BONUS_TIERS: bonusTiersSchema,
    // A tenant's first successful recharge gets this percentage on top, once.
    TALLY_FIRST_RECHARGE_BONUS_PERCENT: bonusPercentSchema,
    // Bonuses are promotional credit: what is left of one leaves the wallet this many days
    // after it was credited.
    TALLY_BONUS_EXPIRY_DAYS: positiveInt(365),
    // Outbound webhooks. Hosts (exact names) or CIDRs that may be webhook targets although
    // they are private, loopback or link-local, comma-separated; empty: none.
    TALLY_WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
    TALLY_WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
    // Deliveries in flight at once per billing replica: a hanging endpoint holds one slot.
    TALLY_WEBHOOK_CONCURRENCY: positiveInt(20),
    // Retries: first after BASE, doubling up to MAX_DELAY, until WINDOW after the first attempt.
    TALLY_WEBHOOK_RETRY_BASE_MS: positiveInt(60_000),
    TALLY_WEBHOOK_RETRY_MAX_DELAY_MS: positiveInt(6 * 3600_000),
    TALLY_WEBHOOK_RETRY_WINDOW_MS: positiveInt(3 * 24 * 3600_000),
    // Month-end invoicing runs at this minute past 00:00 UTC on the 1st (late postings settle).
    TALLY_INVOICING_MINUTE: z.coerce.number().int().min(0).max(59).default(10),
    // A month closes this long after metering posted its last hour (postings still in flight
    // then have committed), and month-end asks again this often until it may.
    TALLY_MONTH_CLOSE_MARGIN_MINUTES: z.coerce.number().int().min(0).default(5),
    TALLY_MONTH_CLOSE_RETRY_SECONDS: positiveInt(600),
    // Development: startRecharge's checkoutUrl is a page of the gateway (GET /checkout/<id>)
    // whose Pay and Decline post signed Stripe events, instead of Stripe Checkout. `auto`: on
    // while STRIPE_SECRET_KEY is the development default. Refused in production.
    TALLY_LOCAL_CHECKOUT: z.enum(['auto', 'on', 'off']).default('auto'),
  },
  ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
);

export function loadBillingConfig(env?: Env) {
  const config = loadBillingEnv(env);
  if (config.NODE_ENV === 'production' && config.TALLY_LOCAL_CHECKOUT === 'on') {
    throw new ConfigError([
      'TALLY_LOCAL_CHECKOUT: must not be on when NODE_ENV=production (payments would be faked)',
    ]);
  }
  return config;
}

export type BillingConfig = ReturnType<typeof loadBillingConfig>;

/** Whether recharges are paid on the gateway's local checkout page rather than at Stripe. */
export function localCheckoutEnabled(config: BillingConfig): boolean {
  if (config.NODE_ENV === 'production') return false;
  if (config.TALLY_LOCAL_CHECKOUT === 'auto') {
    // Marked anywhere, as production's check reads it: npm start writes sk_test_dev_….
    return config.STRIPE_SECRET_KEY.includes(DEV_SECRET_MARKER);
  }
  return config.TALLY_LOCAL_CHECKOUT === 'on';
}

/** Injection token for the validated config. */
export const BILLING_CONFIG = Symbol('BILLING_CONFIG');
