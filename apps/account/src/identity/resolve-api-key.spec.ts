import { Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tally/errors';
import { FakeApiKeyRepository } from '@tally/testing';
import type { ApiKeyView } from '@tally/transport';
import { hashApiKeySecret, mintApiKey } from './api-key-secret';
import { ResolveApiKey } from './resolve-api-key';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('ResolveApiKey', () => {
  let keys: FakeApiKeyRepository;
  let touch: jest.SpyInstance;
  let resolve: ResolveApiKey;
  const touched = () => touch.mock.calls.map(([id]) => id as string);

  function store(overrides: Partial<ApiKeyView> = {}): string {
    const { secret } = mintApiKey();
    const view: ApiKeyView = {
      id: 'k1',
      tenantId: 't1',
      name: 'ci',
      prefix: secret.slice(0, 12),
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      ...overrides,
    };
    keys.store(view, hashApiKeySecret(secret));
    return secret;
  }

  const failureOf = (secret: string) =>
    resolve.execute({ secret }, NOW).then(
      () => undefined,
      (error: unknown) => (error instanceof DomainError ? error : undefined),
    );

  beforeEach(() => {
    keys = new FakeApiKeyRepository();
    touch = jest.spyOn(keys, 'touch');
    resolve = new ResolveApiKey(keys);
  });

  it('turns a live key into an api_key principal of its tenant', async () => {
    const secret = store();
    await expect(resolve.execute({ secret }, NOW)).resolves.toEqual({
      kind: 'api_key',
      apiKeyId: 'k1',
      tenantId: 't1',
    });
  });

  it('answers unknown, revoked and malformed keys alike with UNAUTHENTICATED', async () => {
    const revoked = store({ revokedAt: '2026-02-01T00:00:00.000Z' });
    const failures = await Promise.all(
      [revoked, mintApiKey().secret, 'tly_short', 'Bearer'].map(failureOf),
    );
    expect(failures.map((f) => f?.code)).toEqual(Array(4).fill(ErrorCode.UNAUTHENTICATED));
    expect(new Set(failures.map((f) => f?.message)).size).toBe(1);
  });

  it('records use at most once a minute', async () => {
    const fresh = store({ lastUsedAt: new Date(NOW.getTime() - 59_000).toISOString() });
    await resolve.execute({ secret: fresh }, NOW);
    expect(touched()).toEqual([]);

    const stale = store({ id: 'k2', lastUsedAt: new Date(NOW.getTime() - 61_000).toISOString() });
    await resolve.execute({ secret: stale }, NOW);
    const never = store({ id: 'k3', lastUsedAt: null });
    await resolve.execute({ secret: never }, NOW);
    expect(touched()).toEqual(['k2', 'k3']);
  });

  it('still authenticates when recording the use fails', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    touch.mockRejectedValue(new Error('database away'));
    const secret = store();
    await expect(resolve.execute({ secret }, NOW)).resolves.toMatchObject({ apiKeyId: 'k1' });
    await new Promise((r) => setImmediate(r));
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ apiKeyId: 'k1' }),
      'could not record API key use',
    );
    warn.mockRestore();
  });
});
