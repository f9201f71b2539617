import { AppCluster } from '../support/app-processes';
import { waitFor } from '../support/ports';
import { RedisServer } from '../support/redis-server';
import { gql, IdentityFixtures, nowSeconds, outcome, signJwt } from './identity-fixtures';

const JWT_SECRET = 'test-jwt-secret-0123456789abcdef';
const PER_CALLER = 3;
const PER_IP = 6;

// A Redis of its own: the per-IP counter of 127.0.0.1 must not be shared with other suites.
describe('rate limits', () => {
  let redis: RedisServer;
  let cluster: AppCluster;
  let fixtures: IdentityFixtures;

  beforeAll(async () => {
    redis = await RedisServer.start();
    fixtures = await IdentityFixtures.connect();
    cluster = await AppCluster.start(['gateway', 'account'], {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: redis.url,
      TALLY_JWT_SECRET: JWT_SECRET,
      TALLY_RATE_LIMIT_PER_MINUTE: String(PER_CALLER),
      TALLY_RATE_LIMIT_PER_IP_PER_MINUTE: String(PER_IP),
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    await redis?.stop();
    await fixtures?.close();
  });

  // The steps share the counters of one minute, so they run in order in one test.
  it('limits each caller, then each client IP, and fails open without Redis', async () => {
    const user = await fixtures.newUser();
    const token = signJwt(
      { sub: user.externalId, exp: nowSeconds() + 300 },
      { alg: 'HS256', secret: JWT_SECRET },
    );

    // One HTTP request counts once, however many fields it asks for.
    const twoFields = await gql(cluster, token, '{ a: me { id } b: me { id } }');
    expect(outcome(twoFields)).toBe('OK');
    for (let i = 2; i <= PER_CALLER; i++) {
      expect(outcome(await gql(cluster, token, '{ me { id } }'))).toBe('OK');
    }
    const limited = await gql(cluster, token, '{ me { id } }');
    expect(outcome(limited)).toBe('RATE_LIMITED');
    const { retryAfterSeconds } = limited.errors![0].extensions!;
    expect(retryAfterSeconds).toEqual(expect.any(Number));
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);

    // Another person from the same IP still gets in until the IP's own limit (4 requests so far).
    const other = await fixtures.newUser();
    const otherToken = signJwt(
      { sub: other.externalId, exp: nowSeconds() + 300 },
      { alg: 'HS256', secret: JWT_SECRET },
    );
    expect(outcome(await gql(cluster, otherToken, '{ me { id } }'))).toBe('OK');
    expect(outcome(await gql(cluster, undefined, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    // The IP limit comes before authentication: guessing tokens is limited too.
    expect(outcome(await gql(cluster, undefined, '{ me { id } }'))).toBe('RATE_LIMITED');
    expect(outcome(await gql(cluster, otherToken, '{ me { id } }'))).toBe('RATE_LIMITED');

    // Without Redis nothing can be counted: requests go through (here to the JWT check, which
    // needs no other service) instead of being refused, and a warning is logged.
    await redis.stop();
    const started = Date.now();
    expect(outcome(await gql(cluster, 'not-a-token', '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(Date.now() - started).toBeLessThan(1000);
    // Log lines reach us through a pipe, a little after the response.
    await waitFor('the fail-open warning', async () =>
      cluster.apps
        .get('gateway')!
        .output()
        .includes('rate limiting is off while Redis does not answer')
        ? true
        : undefined,
    );

    // Once Redis is back (empty: it keeps nothing on disk), counting resumes by itself.
    const connected = () =>
      cluster.apps.get('account')!.output().split('Connected to Redis').length - 1;
    const connectedBefore = connected();
    await redis.restart();
    await waitFor(
      'rate limiting after Redis came back',
      async () =>
        outcome(await gql(cluster, 'not-a-token', '{ me { id } }')) === 'RATE_LIMITED'
          ? true
          : undefined,
      20_000,
      50,
    );
    // The account service stops slowly while its transport reconnects: let it reconnect first.
    await waitFor('the account service back on Redis', async () =>
      connected() > connectedBefore ? true : undefined,
    );
  });
});
