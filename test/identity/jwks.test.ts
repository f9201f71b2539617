import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppCluster } from '../support/app-processes';
import { RedisServer } from '../support/redis-server';
import { gql, nowSeconds, outcome, signJwt } from './identity-fixtures';

const JWT_SECRET = 'test-jwt-secret-0123456789abcdef';
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'tally';

/** The identity provider's key set, served over HTTP as production would. */
class JwksServer {
  private constructor(
    private readonly server: Server,
    private readonly requests: { count: number },
    readonly url: string,
  ) {}

  /** How many times the key set was fetched. */
  get hits(): number {
    return this.requests.count;
  }

  static async start(keys: readonly object[]): Promise<JwksServer> {
    const requests = { count: 0 };
    const server = createServer((_, response) => {
      requests.count++;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new JwksServer(server, requests, `http://127.0.0.1:${port}/.well-known/jwks.json`);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function publicJwk(key: KeyObject, kid: string, alg: string): object {
  return { ...key.export({ format: 'jwk' }), kid, alg, use: 'sig' };
}

describe('JWTs verified against a JWKS URL', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: JwksServer;
  let redis: RedisServer;
  let cluster: AppCluster;

  const claims = (extra: Record<string, unknown> = {}) => ({
    sub: `idp-${randomUUID()}`,
    iss: ISSUER,
    aud: AUDIENCE,
    exp: nowSeconds() + 300,
    ...extra,
  });

  beforeAll(async () => {
    jwks = await JwksServer.start([
      publicJwk(rsa.publicKey, 'rsa-1', 'RS256'),
      publicJwk(ec.publicKey, 'ec-1', 'ES256'),
    ]);
    redis = await RedisServer.start();
    cluster = await AppCluster.start(['gateway', 'account'], {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: redis.url,
      TALLY_JWT_SECRET: JWT_SECRET,
      TALLY_JWT_JWKS_URL: jwks.url,
      TALLY_JWT_ISSUER: ISSUER,
      TALLY_JWT_AUDIENCE: AUDIENCE,
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    await redis?.stop();
    await jwks?.stop();
  });

  it.each([
    ['RS256', () => ({ alg: 'RS256' as const, privateKey: rsa.privateKey, kid: 'rsa-1' })],
    ['ES256', () => ({ alg: 'ES256' as const, privateKey: ec.privateKey, kid: 'ec-1' })],
  ])('accepts an %s token signed by a key of the set', async (_, key) => {
    const token = claims({ email: 'idp@example.test' });
    const reply = await gql<{ me: { externalId: string; email: string } }>(
      cluster,
      signJwt(token, key()),
      '{ me { externalId email } }',
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.me).toEqual({ externalId: token.sub, email: 'idp@example.test' });
  });

  it.each([
    [
      'a key outside the set, under a known kid',
      () => signJwt(claims(), { alg: 'RS256', privateKey: stranger.privateKey, kid: 'rsa-1' }),
    ],
    [
      'an unknown kid',
      () => signJwt(claims(), { alg: 'RS256', privateKey: rsa.privateKey, kid: 'rsa-9' }),
    ],
    [
      'another issuer',
      () =>
        signJwt(claims({ iss: 'https://evil.test/' }), {
          alg: 'RS256',
          privateKey: rsa.privateKey,
          kid: 'rsa-1',
        }),
    ],
    [
      'another audience',
      () =>
        signJwt(claims({ aud: ['billing'] }), {
          alg: 'RS256',
          privateKey: rsa.privateKey,
          kid: 'rsa-1',
        }),
    ],
    [
      'an expired token',
      () =>
        signJwt(claims({ exp: nowSeconds() - 600 }), {
          alg: 'RS256',
          privateKey: rsa.privateKey,
          kid: 'rsa-1',
        }),
    ],
    // With a JWKS configured the shared secret is no longer a way in.
    ['HS256 with TALLY_JWT_SECRET', () => signJwt(claims(), { alg: 'HS256', secret: JWT_SECRET })],
  ])('refuses a token signed by %s with UNAUTHENTICATED', async (_, token) => {
    expect(outcome(await gql(cluster, token(), '{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('fetched the key set once and served every token above from its cache', () => {
    expect(jwks.hits).toBe(1);
  });
});
