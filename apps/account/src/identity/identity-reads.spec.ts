import { DomainError, ErrorCode } from '@tally/errors';
import type { MemberRole, MembershipView, Principal, UserView } from '@tally/transport';
import type { MembershipRepository } from '../access/membership.repository';
import { TenantAccess } from '../access/tenant-access';
import { IdentityReads } from './identity-reads';
import type { UserRepository } from './user.repository';

// Two tenants: alice owns A, bob is a member of A and B, carol owns B.
const rows: MembershipView[] = [
  { tenantId: 'A', userId: 'alice', role: 'OWNER' },
  { tenantId: 'A', userId: 'bob', role: 'MEMBER' },
  { tenantId: 'B', userId: 'bob', role: 'MEMBER' },
  { tenantId: 'B', userId: 'carol', role: 'OWNER' },
];
const userView = (id: string): UserView => ({
  id,
  externalId: `ext-${id}`,
  email: null,
  platformRole: null,
});

const memberships = {
  roleOf: async (userId: string, tenantId: string): Promise<MemberRole | null> =>
    rows.find((m) => m.userId === userId && m.tenantId === tenantId)?.role ?? null,
  byTenants: async (ids: readonly string[]) => rows.filter((m) => ids.includes(m.tenantId)),
  byUser: async (userId: string) => rows.filter((m) => m.userId === userId),
  byUsers: async (ids: readonly string[]) => rows.filter((m) => ids.includes(m.userId)),
};
const users = {
  byId: async (id: string) => (['alice', 'bob', 'carol'].includes(id) ? userView(id) : null),
  byIds: async (ids: readonly string[]) =>
    ids.filter((id) => ['alice', 'bob', 'carol'].includes(id)).map(userView),
};

describe('IdentityReads', () => {
  const reads = new IdentityReads(
    users as unknown as UserRepository,
    memberships as unknown as MembershipRepository,
    new TenantAccess(memberships as unknown as MembershipRepository),
  );
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
