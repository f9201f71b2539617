import { ConfigError } from './load-config';
import { defineConfig } from './define-config';
import { port, secret } from './schema';

const load = defineConfig({ APP_PORT: port(4000), APP_SECRET: secret('local-only') }, [
  'APP_SECRET',
]);

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('defineConfig', () => {
  it('fills every variable with a local default', () => {
    const config = load({});
    expect(config.APP_PORT).toBe(4000);
    expect(config.APP_SECRET).toBe('dev_local-only');
    expect(config.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(config.NODE_ENV).toBe('development');
  });

  it('names the variable and the reason for a bad value', () => {
    expect(problemsOf(() => load({ APP_PORT: 'abc' }))).toEqual([
      'APP_PORT: must be a TCP port number (got "abc")',
    ]);
    expect(problemsOf(() => load({ APP_PORT: '70000' }))[0]).toMatch(/^APP_PORT: must be between/);
    expect(problemsOf(() => load({ REDIS_URL: 'http://x' }))[0]).toMatch(
      /^REDIS_URL: must be a URL with scheme redis or rediss/,
    );
  });

  it('refuses development secrets and missing secrets in production, without echoing them', () => {
    expect(problemsOf(() => load({ NODE_ENV: 'production' }))).toEqual([
      'APP_SECRET: must be set when NODE_ENV=production (not set)',
    ]);
    const problems = problemsOf(() =>
      load({ NODE_ENV: 'production', APP_SECRET: 'dev_0123456789abcdef' }),
    );
    expect(problems).toEqual([
      'APP_SECRET: is a development secret; set a real one when NODE_ENV=production (value hidden)',
    ]);
  });

  it('accepts real secrets in production', () => {
    expect(load({ NODE_ENV: 'production', APP_SECRET: 's3cr3t' }).APP_SECRET).toBe('s3cr3t');
  });

  it('keeps the schema strict about enums', () => {
    expect(problemsOf(() => load({ LOG_LEVEL: 'loud' }))[0]).toMatch(/^LOG_LEVEL: /);
  });

  it('namespaces the transport by the database name unless TALLY_TRANSPORT_PREFIX says otherwise', () => {
    expect(load({}).TALLY_TRANSPORT_PREFIX).toBe('tally');
    expect(
      load({ DATABASE_URL: 'postgresql://u:p@db.internal:5432/tally_staging?sslmode=require' })
        .TALLY_TRANSPORT_PREFIX,
    ).toBe('tally_staging');
    // A database name may hold what a channel prefix may not.
    expect(load({ DATABASE_URL: 'postgresql://db/t%C3%A4lly%20eu' }).TALLY_TRANSPORT_PREFIX).toBe(
      't_lly_eu',
    );
    expect(load({ TALLY_TRANSPORT_PREFIX: 'prod-eu.1' }).TALLY_TRANSPORT_PREFIX).toBe('prod-eu.1');
    expect(problemsOf(() => load({ TALLY_TRANSPORT_PREFIX: 'a b' }))).toEqual([
      'TALLY_TRANSPORT_PREFIX: must be 1 to 64 letters, digits, _, . or - (got "a b")',
    ]);
  });
});
