import { exitOf, spawnApp } from '../support/app-processes';

describe('an app started with a bad configuration', () => {
  it.each([
    [
      'gateway',
      { TALLY_GATEWAY_PORT: 'abc' },
      'TALLY_GATEWAY_PORT: must be a TCP port number (got "abc")',
    ],
    [
      'account',
      { DATABASE_URL: 'mysql://db/tally' },
      'DATABASE_URL: must be a URL with scheme postgres or postgresql',
    ],
    ['billing', { TALLY_RPC_TIMEOUT_MS: '-5' }, 'TALLY_RPC_TIMEOUT_MS: must be positive'],
    [
      'metering',
      { REDIS_URL: 'not a url' },
      'REDIS_URL: must be a URL with scheme redis or rediss',
    ],
    [
      'gateway',
      { NODE_ENV: 'production' },
      'TALLY_JWT_SECRET: must be set when NODE_ENV=production',
    ],
    [
      'gateway',
      { NODE_ENV: 'production', TALLY_JWT_SECRET: 'dev_0123456789abcdef0123' },
      'TALLY_JWT_SECRET: is a development secret; set a real one when NODE_ENV=production (value hidden)',
    ],
    [
      'billing',
      {
        NODE_ENV: 'production',
        STRIPE_SECRET_KEY: 'sk_live_x',
        STRIPE_WEBHOOK_SECRET: 'dev_whsec',
      },
      'STRIPE_WEBHOOK_SECRET: is a development secret',
    ],
  ] as const)('%s exits non-zero naming the variable (%j)', async (app, env, message) => {
    const { code, output } = await exitOf(spawnApp(app, env));
    expect(code).toBe(1);
    expect(output).toContain(message);
    expect(output).not.toContain('dev_0123456789abcdef0123');
  });
});
