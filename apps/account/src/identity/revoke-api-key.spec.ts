import { DomainError, ErrorCode } from '@tally/errors';
import { FakeApiKeyRepository, FakeMembershipRepository } from '@tally/testing';
import type { Principal } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { RevokeApiKey } from './revoke-api-key';

const TENANT = '00000000-0000-4000-8000-000000000001';

describe('RevokeApiKey', () => {
  const memberships = new FakeMembershipRepository()
    .grant(TENANT, 'owner', 'OWNER')
    .grant(TENANT, 'member', 'MEMBER');
  let keys: FakeApiKeyRepository;
  let revokeCalls: jest.SpyInstance;
  let revokeApiKey: RevokeApiKey;
  const owner: Principal = { kind: 'user', userId: 'owner', platformRole: null };
  const revoke = (principal: Principal, id = 'k1') =>
    revokeApiKey.execute({ principal, input: { id } });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => (error instanceof DomainError ? error : undefined),
    );

  beforeEach(() => {
    keys = new FakeApiKeyRepository(TENANT).store({
      id: 'k1',
      tenantId: TENANT,
      name: 'ci',
      prefix: 'tly_abcdefgh',
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });
    revokeCalls = jest.spyOn(keys, 'revoke');
    revokeApiKey = new RevokeApiKey(new TenantAccess(memberships), keys);
  });

  it('sets revokedAt once; revoking again returns the key as it is', async () => {
    const first = await revoke(owner);
    expect(first.revokedAt).toEqual(expect.any(String));
    const second = await revoke(owner);
    expect(second.revokedAt).toBe(first.revokedAt);
    expect(revokeCalls).toHaveBeenCalledTimes(1);
  });

  it("answers another tenant's user exactly as for a key that does not exist", async () => {
    const stranger: Principal = { kind: 'user', userId: 'stranger', platformRole: null };
    const foreign = await failureOf(revoke(stranger));
    const missing = await failureOf(revoke(owner, 'k404'));
    expect(foreign?.code).toBe(ErrorCode.NOT_FOUND);
    expect(foreign?.message).toBe('ApiKey k1 not found');
    expect(missing?.message).toBe('ApiKey k404 not found');
    expect((await keys.byId('k1'))?.revokedAt).toBeNull();
  });

  it('forbids members and API keys', async () => {
    const member: Principal = { kind: 'user', userId: 'member', platformRole: null };
    const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: TENANT };
    expect((await failureOf(revoke(member)))?.code).toBe(ErrorCode.FORBIDDEN);
    expect((await failureOf(revoke(apiKey)))?.code).toBe(ErrorCode.FORBIDDEN);
    expect(revokeCalls).not.toHaveBeenCalled();
  });
});
