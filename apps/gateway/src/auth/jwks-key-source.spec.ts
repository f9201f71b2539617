import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tally/errors';
import { JwksKeySource } from './jwks-key-source';

const rsa1 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa2 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = (pair: { publicKey: KeyObject }, kid: string, extra: object = {}) => ({
  ...pair.publicKey.export({ format: 'jwk' }),
  kid,
  ...extra,
});

/** A fake identity provider whose key set and availability the test changes. */
class Provider {
  keys: object[] = [jwk(rsa1, 'k1')];
  down = false;
  calls = 0;

  readonly fetch = async (): Promise<Response> => {
    this.calls++;
    // Let concurrent callers pile up on one fetch.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.down) throw new TypeError('fetch failed');
    return Response.json({ keys: this.keys });
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : 'thrown'),
  );
}

describe('JwksKeySource', () => {
  let provider: Provider;
  let clock: number;
  let source: JwksKeySource;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    provider = new Provider();
    clock = 0;
    source = new JwksKeySource({
      url: 'https://id.example.test/jwks',
      fetch: provider.fetch,
      now: () => clock,
      cacheTtlMs: 600_000,
      minRefreshIntervalMs: 30_000,
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('fetches once and serves from the cache, also to concurrent callers', async () => {
    const keys = await Promise.all([1, 2, 3].map(() => source.keyFor('RS256', 'k1')));
    expect(keys.every((key) => key.equals(rsa1.publicKey))).toBe(true);
    clock += 599_000;
    await source.keyFor('RS256', 'k1');
    expect(provider.calls).toBe(1);
    clock += 2_000;
    await source.keyFor('RS256', 'k1');
    expect(provider.calls).toBe(2);
  });

  it('fetches again for an unknown kid (rotation), but not more than every 30 s', async () => {
    await source.keyFor('RS256', 'k1');
    provider.keys = [jwk(rsa1, 'k1'), jwk(rsa2, 'k2')];
    expect(await codeOf(source.keyFor('RS256', 'k2'))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(await codeOf(source.keyFor('RS256', 'k9'))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(provider.calls).toBe(1);
    clock += 30_000;
    const key = await source.keyFor('RS256', 'k2');
    expect(key.equals(rsa2.publicKey)).toBe(true);
    expect(provider.calls).toBe(2);
  });

  it('keeps the known keys while the provider is down', async () => {
    await source.keyFor('RS256', 'k1');
    provider.down = true;
    clock += 700_000;
    const key = await source.keyFor('RS256', 'k1');
    expect(key.equals(rsa1.publicKey)).toBe(true);
    expect(provider.calls).toBe(2);
  });

  it('answers INTERNAL while it has never obtained any key', async () => {
    provider.down = true;
    expect(await codeOf(source.keyFor('RS256', 'k1'))).toBe(ErrorCode.INTERNAL);
    provider.down = false;
    clock += 30_000;
    expect(await codeOf(source.keyFor('RS256', 'k1'))).toBe('ok');
  });

  it('matches the algorithm to the key type and skips keys not meant for signatures', async () => {
    provider.keys = [
      jwk(rsa1, 'k1', { alg: 'RS256' }),
      jwk(ec, 'k2'),
      jwk(rsa2, 'k3', { use: 'enc' }),
    ];
    expect(await codeOf(source.keyFor('ES256', 'k1'))).toBe(ErrorCode.UNAUTHENTICATED);
    expect((await source.keyFor('ES256', 'k2')).equals(ec.publicKey)).toBe(true);
    expect(await codeOf(source.keyFor('RS256', 'k3'))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('uses a token without kid only when the set leaves no choice', async () => {
    expect((await source.keyFor('RS256', undefined)).equals(rsa1.publicKey)).toBe(true);
    provider.keys = [jwk(rsa1, 'k1'), jwk(rsa2, 'k2')];
    clock += 600_000;
    expect(await codeOf(source.keyFor('RS256', undefined))).toBe(ErrorCode.UNAUTHENTICATED);
  });
});
