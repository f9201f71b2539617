import { DomainError, ErrorCode } from '@tally/errors';
import type { ApiKeyView, Principal } from '@tally/transport';
import type { MembershipRepository } from '../access/membership.repository';
import { TenantAccess } from '../access/tenant-access';
import type { ApiKeyRepository } from './api-key.repository';
import { RevokeApiKey } from './revoke-api-key';

const TENANT = '00000000-0000-4000-8000-000000000001';

class FakeKeys {
  revokeCalls = 0;
  readonly keys = new Map<string, ApiKeyView>([
    [
      'k1',
      {
        id: 'k1',
        tenantId: TENANT,
        name: 'ci',
        prefix: 'tly_abcdefgh',
        createdAt: '2026-01-01T00:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      },
    ],
  ]);

  async byId(id: string): Promise<ApiKeyView | null> {
    return this.keys.get(id) ?? null;
  }

  async revoke(id: string, at: Date): Promise<void> {
    this.revokeCalls++;
    const key = this.keys.get(id);
    if (key && key.revokedAt === null) this.keys.set(id, { ...key, revokedAt: at.toISOString() });
  }
}

describe('RevokeApiKey', () => {
  const memberships = {
    roleOf: async (userId: string, tenantId: string) =>
      tenantId === TENANT
        ? (({ owner: 'OWNER', member: 'MEMBER' } as const)[userId] ?? null)
        : null,
  };
  let keys: FakeKeys;
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
    keys = new FakeKeys();
    revokeApiKey = new RevokeApiKey(
      new TenantAccess(memberships as unknown as MembershipRepository),
      keys as unknown as ApiKeyRepository,
    );
  });

  it('sets revokedAt once; revoking again returns the key as it is', async () => {
    const first = await revoke(owner);
    expect(first.revokedAt).toEqual(expect.any(String));
    const second = await revoke(owner);
    expect(second.revokedAt).toBe(first.revokedAt);
    expect(keys.revokeCalls).toBe(1);
  });

  it("answers another tenant's user exactly as for a key that does not exist", async () => {
    const stranger: Principal = { kind: 'user', userId: 'stranger', platformRole: null };
    const foreign = await failureOf(revoke(stranger));
    const missing = await failureOf(revoke(owner, 'k404'));
    expect(foreign?.code).toBe(ErrorCode.NOT_FOUND);
    expect(foreign?.message).toBe('ApiKey k1 not found');
    expect(missing?.message).toBe('ApiKey k404 not found');
    expect(keys.keys.get('k1')?.revokedAt).toBeNull();
  });

  it('forbids members and API keys', async () => {
    const member: Principal = { kind: 'user', userId: 'member', platformRole: null };
    const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: TENANT };
    expect((await failureOf(revoke(member)))?.code).toBe(ErrorCode.FORBIDDEN);
    expect((await failureOf(revoke(apiKey)))?.code).toBe(ErrorCode.FORBIDDEN);
    expect(keys.revokeCalls).toBe(0);
  });
});
