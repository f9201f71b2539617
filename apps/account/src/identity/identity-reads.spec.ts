import { DomainError, ErrorCode } from '@tally/errors';
import { FakeMembershipRepository, FakeUserRepository } from '@tally/testing';
import type { Principal, UserView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { IdentityReads } from './identity-reads';

const userView = (id: string): UserView => ({
  id,
  externalId: `ext-${id}`,
  email: null,
  platformRole: null,
});

// Two tenants: alice owns A, bob is a member of A and B, carol owns B.
const memberships = new FakeMembershipRepository()
  .grant('A', 'alice', 'OWNER')
  .grant('A', 'bob', 'MEMBER')
  .grant('B', 'bob', 'MEMBER')
  .grant('B', 'carol', 'OWNER');
const users = new FakeUserRepository().add(...['alice', 'bob', 'carol'].map(userView));

describe('IdentityReads', () => {
  const reads = new IdentityReads(users, memberships, new TenantAccess(memberships));
  const user = (userId: string): Principal => ({ kind: 'user', userId, platformRole: null });
  const ids = async (principal: Principal) =>
    (await reads.usersByIds(principal, ['alice', 'bob', 'carol'])).map((u) => u.id);

  it('answers me for people only', async () => {
    await expect(reads.me(user('alice'))).resolves.toMatchObject({ id: 'alice' });
    const error: unknown = await reads.me({ kind: 'admin_key' }).catch((e: unknown) => e);
    expect(error instanceof DomainError && error.code).toBe(ErrorCode.FORBIDDEN);
  });

  it("shows a person's memberships only in tenants the caller may read", async () => {
    expect((await reads.membershipsOfUser(user('bob'), 'bob')).map((m) => m.tenantId)).toEqual([
      'A',
      'B',
    ]);
    expect((await reads.membershipsOfUser(user('alice'), 'bob')).map((m) => m.tenantId)).toEqual([
      'A',
    ]);
    const apiKeyOfB: Principal = { kind: 'api_key', apiKeyId: 'k', tenantId: 'B' };
    expect((await reads.membersOfTenants(apiKeyOfB, ['A', 'B'])).map((m) => m.userId)).toEqual([
      'bob',
      'carol',
    ]);
  });

  it('shows oneself and the people of tenants one may read; staff see everyone', async () => {
    expect(await ids(user('alice'))).toEqual(['alice', 'bob']);
    expect(await ids(user('carol'))).toEqual(['bob', 'carol']);
    expect(await ids(user('nobody'))).toEqual([]);
    expect(await ids({ kind: 'user', userId: 'f', platformRole: 'FINANCE' })).toEqual([
      'alice',
      'bob',
      'carol',
    ]);
  });
});
