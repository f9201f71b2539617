import { createHmac } from 'node:crypto';
import { DomainError, ErrorCode } from '@tally/errors';
import { FakeRpcClient } from '@tally/testing';
import type { Principal } from '@tally/transport';
import { BearerStrategy } from './bearer.strategy';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'a-shared-secret-of-some-length';
const ADMIN_KEY = 'tly_admin_0123456789abcdef0123';

function hs256(claims: object): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${b64({ alg: 'HS256' })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

describe('BearerStrategy', () => {
  const user: Principal = { kind: 'user', userId: 'u1', platformRole: null };
  const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: 't1' };
  let calls: FakeRpcClient['calls'];

  function strategy(adminApiKey: string | undefined): BearerStrategy {
    const rpc = new FakeRpcClient()
      .answer('account.auth.resolveApiKey', () => apiKey)
      .answer('account.auth.resolveUser', () => user);
    calls = rpc.calls;
    return new BearerStrategy(
      { adminApiKey },
      new JwtVerifier({ keys: { kind: 'secret', secret: SECRET } }),
      rpc,
    );
  }

  it('recognises the admin key without asking anyone', async () => {
    await expect(strategy(ADMIN_KEY).validate(ADMIN_KEY)).resolves.toEqual({ kind: 'admin_key' });
    expect(calls).toEqual([]);
  });

  it('sends tly_ keys to the account service, including a near-miss of the admin key', async () => {
    const s = strategy(ADMIN_KEY);
    await expect(s.validate(`${ADMIN_KEY}x`)).resolves.toBe(apiKey);
    expect(calls).toEqual([['account.auth.resolveApiKey', { secret: `${ADMIN_KEY}x` }]]);
  });

  it('treats the admin key as an ordinary key when none is configured', async () => {
    const s = strategy(undefined);
    await s.validate(ADMIN_KEY);
    expect(calls[0][0]).toBe('account.auth.resolveApiKey');
  });

  it('verifies a JWT, then resolves its sub and e-mail to a user', async () => {
    const s = strategy(ADMIN_KEY);
    await expect(s.validate(hs256({ sub: 'auth0|1', email: 'a@x.test' }))).resolves.toBe(user);
    expect(calls).toEqual([
      ['account.auth.resolveUser', { externalId: 'auth0|1', email: 'a@x.test' }],
    ]);
  });

  it('refuses a bad JWT before any call', async () => {
    const s = strategy(ADMIN_KEY);
    const error: unknown = await s.validate(`${hs256({ sub: 'a' })}x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(calls).toEqual([]);
  });
});
