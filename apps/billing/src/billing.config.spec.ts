import { loadBillingConfig, localCheckoutEnabled } from './billing.config';

describe('localCheckoutEnabled', () => {
  const enabled = (env: Record<string, string>) => localCheckoutEnabled(loadBillingConfig(env));

  it('is on by default in development: the default key and the one npm start writes are dev keys', () => {
    expect(enabled({})).toBe(true);
    expect(enabled({ STRIPE_SECRET_KEY: 'sk_test_dev_0123456789abcdef' })).toBe(true);
  });

  it('is off with a real Stripe key, unless asked for', () => {
    expect(enabled({ STRIPE_SECRET_KEY: 'sk_test_51Realkey' })).toBe(false);
    expect(enabled({ STRIPE_SECRET_KEY: 'sk_test_51Realkey', TALLY_LOCAL_CHECKOUT: 'on' })).toBe(
      true,
    );
    expect(enabled({ TALLY_LOCAL_CHECKOUT: 'off' })).toBe(false);
  });
});
