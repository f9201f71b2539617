import { DomainError, ErrorCode } from '@tally/errors';
import { FakeApiKeyRepository, FakeMembershipRepository } from '@tally/testing';
import type { Principal } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { hashApiKeySecret } from './api-key-secret';
import { CreateApiKey } from './create-api-key';

const TENANT = '00000000-0000-4000-8000-000000000001';

describe('CreateApiKey', () => {
  const memberships = new FakeMembershipRepository()
    .grant(TENANT, 'owner', 'OWNER')
    .grant(TENANT, 'admin', 'ADMIN')
    .grant(TENANT, 'member', 'MEMBER');
  let keys: FakeApiKeyRepository;
  let createApiKey: CreateApiKey;

  const user = (userId: string): Principal => ({ kind: 'user', userId, platformRole: null });
  const create = (principal: Principal, tenantId = TENANT, name = 'ci') =>
    createApiKey.execute({ principal, input: { tenantId, name } });
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: unknown) => (error instanceof DomainError ? error.code : 'thrown'),
    );

  beforeEach(() => {
    keys = new FakeApiKeyRepository(TENANT);
    createApiKey = new CreateApiKey(new TenantAccess(memberships), keys);
  });

  it('returns the secret once and stores only its hash and prefix', async () => {
    const { apiKey, secret } = await create(user('owner'), TENANT, '  deploy bot ');
    expect(secret).toMatch(/^tly_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.prefix).toBe(secret.slice(0, 12));
    expect(keys.created).toEqual([
      {
        tenantId: TENANT,
        name: 'deploy bot',
        prefix: secret.slice(0, 12),
        secretHash: hashApiKeySecret(secret),
        createdBy: 'owner',
      },
    ]);
    expect(JSON.stringify(keys.created)).not.toContain(secret);
  });

  it('forbids API keys to create keys, even for their own tenant', async () => {
    const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: TENANT };
    expect(await codeOf(create(apiKey))).toBe(ErrorCode.FORBIDDEN);
    expect(keys.created).toHaveLength(0);
  });

  it.each<[string, Principal, string]>([
    ['an ADMIN', user('admin'), 'ok'],
    ['a MEMBER', user('member'), ErrorCode.FORBIDDEN],
    ['an outsider', user('stranger'), ErrorCode.NOT_FOUND],
    ['finance staff', { kind: 'user', userId: 'f', platformRole: 'FINANCE' }, ErrorCode.FORBIDDEN],
    ['the admin key', { kind: 'admin_key' }, 'ok'],
  ])('answers %s with %s', async (_, principal, expected) => {
    expect(await codeOf(create(principal))).toBe(expected);
  });

  it('answers NOT_FOUND to a platform admin naming a tenant that does not exist', async () => {
    expect(await codeOf(create({ kind: 'admin_key' }, 'no-such-tenant'))).toBe(ErrorCode.NOT_FOUND);
  });
});
