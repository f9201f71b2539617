import { DomainError } from '@tally/errors';
import { FakeApiKeyRepository, FakeMembershipRepository } from '@tally/testing';
import type { ApiKeyView, Principal } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { TenantApiKeys } from './tenant-api-keys';

const TENANT = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const key = (id: string, tenantId = TENANT): ApiKeyView => ({
  id,
  tenantId,
  name: id,
  prefix: 'tly_abcdefgh',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
});
const user = (userId: string): Principal => ({ kind: 'user', userId, platformRole: null });

describe('TenantApiKeys', () => {
  const memberships = new FakeMembershipRepository()
    .grant(TENANT, 'owner', 'OWNER')
    .grant(TENANT, 'member', 'MEMBER');
  const keys = new FakeApiKeyRepository(TENANT, OTHER)
    .store(key('old'))
    .store(key('elsewhere', OTHER))
    .store(key('new'));
  const list = new TenantApiKeys(new TenantAccess(memberships), keys);
  const codeOf = (principal: Principal) =>
    list.execute({ principal, input: { tenantId: TENANT } }).then(
      () => 'OK',
      (error: unknown) => (error instanceof DomainError ? error.code : error),
    );

  it("answers an owner the tenant's keys only, newest first", async () => {
    const answer = await list.execute({ principal: user('owner'), input: { tenantId: TENANT } });
    expect(answer.map((k) => k.id)).toEqual(['new', 'old']);
  });

  it('refuses a MEMBER, and answers a stranger as for a tenant that does not exist', async () => {
    expect(await codeOf(user('member'))).toBe('FORBIDDEN');
    expect(await codeOf(user('stranger'))).toBe('NOT_FOUND');
  });
});
