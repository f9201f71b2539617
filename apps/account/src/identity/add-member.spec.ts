import { DomainError, ErrorCode } from '@tally/errors';
import { FakeMembershipRepository, FakeUserRepository } from '@tally/testing';
import type { MemberRole, Principal } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { AddMember } from './add-member';

const TENANT = '00000000-0000-4000-8000-000000000001';

describe('AddMember', () => {
  let memberships: FakeMembershipRepository;
  let users: FakeUserRepository;
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
    memberships = new FakeMembershipRepository()
      .grant(TENANT, 'owner', 'OWNER')
      .grant(TENANT, 'admin', 'ADMIN')
      .grant(TENANT, 'member', 'MEMBER');
    users = new FakeUserRepository();
    addMember = new AddMember(new TenantAccess(memberships), memberships, users);
  });

  it('lets an OWNER grant any role, and creates the person on the way', async () => {
    await expect(add(user('owner'), 'OWNER')).resolves.toEqual({
      tenantId: TENANT,
      userId: 'user-new-person',
      role: 'OWNER',
    });
    expect((await users.byExternalId('new-person'))?.email).toBe('new@example.test');
  });

  it('refuses OWNER to an ADMIN, and to an API key (which acts as an ADMIN)', async () => {
    const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: TENANT };
    expect(await codeOf(add(user('admin'), 'OWNER'))).toBe(ErrorCode.FORBIDDEN);
    expect(await codeOf(add(apiKey, 'OWNER'))).toBe(ErrorCode.FORBIDDEN);
    expect(await memberships.roleOf('user-new-person', TENANT)).toBeNull();
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
    expect(await memberships.roleOf('user-new-person', TENANT)).toBe('MEMBER');
  });

  it("never changes an existing person's e-mail", async () => {
    users.add({ id: 'u9', externalId: 'known', email: 'mine@x.test', platformRole: null });
    await add(user('owner'), 'MEMBER', 'known');
    expect((await users.byExternalId('known'))?.email).toBe('mine@x.test');
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
