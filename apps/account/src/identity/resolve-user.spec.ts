import { FakeUserRepository } from '@tally/testing';
import { ResolveUser } from './resolve-user';

describe('ResolveUser', () => {
  let users: FakeUserRepository;
  let setEmail: jest.SpyInstance;
  let resolve: ResolveUser;

  beforeEach(() => {
    users = new FakeUserRepository();
    setEmail = jest.spyOn(users, 'setEmail');
    resolve = new ResolveUser(users);
  });

  it('creates the user on first sight and returns the same one afterwards', async () => {
    const first = await resolve.execute({ externalId: 'auth0|1', email: 'a@x.test' });
    const again = await resolve.execute({ externalId: 'auth0|1' });
    expect(first).toEqual({ kind: 'user', userId: 'user-auth0|1', platformRole: null });
    expect(again).toEqual(first);
    expect(users.users.size).toBe(1);
  });

  it('carries the platform role', async () => {
    users.add({ id: 's', externalId: 'staff', email: null, platformRole: 'FINANCE' });
    await expect(resolve.execute({ externalId: 'staff' })).resolves.toMatchObject({
      platformRole: 'FINANCE',
    });
  });

  it('copies a changed e-mail claim, and only then writes', async () => {
    await resolve.execute({ externalId: 'p', email: 'old@x.test' });
    await resolve.execute({ externalId: 'p', email: 'old@x.test' });
    expect(setEmail).not.toHaveBeenCalled();
    await resolve.execute({ externalId: 'p', email: 'new@x.test' });
    expect((await users.byExternalId('p'))?.email).toBe('new@x.test');
    expect(setEmail).toHaveBeenCalledTimes(1);
  });

  it('ignores a malformed e-mail claim rather than locking its owner out', async () => {
    await expect(
      resolve.execute({ externalId: 'q', email: 'not an address' }),
    ).resolves.toMatchObject({
      kind: 'user',
    });
    expect((await users.byExternalId('q'))?.email).toBeNull();
  });
});
