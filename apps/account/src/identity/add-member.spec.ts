import { DomainError, ErrorCode } from '@tally/errors';
import type { MemberRole, Principal, UserView } from '@tally/transport';
import type { AddMembershipOutcome, MembershipRepository } from '../access/membership.repository';
import { TenantAccess } from '../access/tenant-access';
import { AddMember } from './add-member';
import type { UserRepository } from './user.repository';

const TENANT = '00000000-0000-4000-8000-000000000001';

class FakeMemberships {
  readonly tenants = new Set([TENANT]);
  readonly roles = new Map<string, MemberRole>();

  async roleOf(userId: string, tenantId: string): Promise<MemberRole | null> {
    return this.roles.get(`${tenantId}/${userId}`) ?? null;
  }

  async add(tenantId: string, userId: string, role: MemberRole): Promise<AddMembershipOutcome> {
    if (!this.tenants.has(tenantId)) return 'unknown_tenant';
    if (this.roles.has(`${tenantId}/${userId}`)) return 'already_member';
    this.roles.set(`${tenantId}/${userId}`, role);
    return 'added';
  }
}

class FakeUsers {
  readonly byExternalId = new Map<string, UserView>();

  async findOrCreate(externalId: string, email: string | null): Promise<UserView> {
    const user = this.byExternalId.get(externalId) ?? {
      id: `user-${externalId}`,
      externalId,
      email,
      platformRole: null,
    };
    this.byExternalId.set(externalId, user);
    return user;
  }
}

describe('AddMember', () => {
  let memberships: FakeMemberships;
  let users: FakeUsers;
  let addMember: AddMember;

  const user = (userId: string): Principal => ({ kind: 'user', userId, platformRole: null });
  const add = (
    principal: Principal,
    role: MemberRole,
    externalId = 'new-person',
    tenantId = TENANT,
  ) =>
    addMember.execute({
      principal,
      input: { tenantId, externalId, role, email: 'new@example.test' },
    });
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: unknown) => (error instanceof DomainError ? error.code : 'thrown'),
    );

  beforeEach(() => {
    memberships = new FakeMemberships();
    users = new FakeUsers();
    // The fakes stand in for the repositories' public methods.
    const repository = memberships as unknown as MembershipRepository;
    addMember = new AddMember(
      new TenantAccess(repository),
      repository,
      users as unknown as UserRepository,
    );
    memberships.roles.set(`${TENANT}/owner`, 'OWNER');
    memberships.roles.set(`${TENANT}/admin`, 'ADMIN');
    memberships.roles.set(`${TENANT}/member`, 'MEMBER');
  });

  it('lets an OWNER grant any role, and creates the person on the way', async () => {
    await expect(add(user('owner'), 'OWNER')).resolves.toEqual({
      tenantId: TENANT,
      userId: 'user-new-person',
      role: 'OWNER',
    });
    expect(users.byExternalId.get('new-person')?.email).toBe('new@example.test');
  });

  it('refuses OWNER to an ADMIN, and to an API key (which acts as an ADMIN)', async () => {
    const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: TENANT };
    expect(await codeOf(add(user('admin'), 'OWNER'))).toBe(ErrorCode.FORBIDDEN);
    expect(await codeOf(add(apiKey, 'OWNER'))).toBe(ErrorCode.FORBIDDEN);
    expect(memberships.roles.has(`${TENANT}/user-new-person`)).toBe(false);
    expect(await codeOf(add(user('admin'), 'ADMIN'))).toBe('ok');
    expect(await codeOf(add(apiKey, 'MEMBER', 'another'))).toBe('ok');
  });

  it('refuses a MEMBER with FORBIDDEN and an outsider with NOT_FOUND', async () => {
    expect(await codeOf(add(user('member'), 'MEMBER'))).toBe(ErrorCode.FORBIDDEN);
    expect(await codeOf(add(user('stranger'), 'MEMBER'))).toBe(ErrorCode.NOT_FOUND);
    const otherKey: Principal = { kind: 'api_key', apiKeyId: 'k2', tenantId: 'elsewhere' };
    expect(await codeOf(add(otherKey, 'MEMBER'))).toBe(ErrorCode.NOT_FOUND);
  });

  it('lets platform admins grant OWNER and answers NOT_FOUND for a tenant that does not exist', async () => {
    const platformAdmin: Principal = { kind: 'user', userId: 'pa', platformRole: 'PLATFORM_ADMIN' };
    expect(await codeOf(add(platformAdmin, 'OWNER'))).toBe('ok');
    expect(await codeOf(add({ kind: 'admin_key' }, 'OWNER', 'x', 'no-such-tenant'))).toBe(
      ErrorCode.NOT_FOUND,
    );
  });

  it('answers CONFLICT for an existing member and keeps their role', async () => {
    await add(user('owner'), 'MEMBER');
    expect(await codeOf(add(user('owner'), 'ADMIN'))).toBe(ErrorCode.CONFLICT);
    expect(memberships.roles.get(`${TENANT}/user-new-person`)).toBe('MEMBER');
  });

  it("never changes an existing person's e-mail", async () => {
    users.byExternalId.set('known', {
      id: 'u9',
      externalId: 'known',
      email: 'mine@x.test',
      platformRole: null,
    });
    await add(user('owner'), 'MEMBER', 'known');
    expect(users.byExternalId.get('known')?.email).toBe('mine@x.test');
  });

  it('checks the role and the external id it is given', async () => {
    expect(
      await codeOf(
        addMember.execute({
          principal: user('owner'),
          input: { tenantId: TENANT, externalId: ' ', role: 'MEMBER' },
        }),
      ),
    ).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
