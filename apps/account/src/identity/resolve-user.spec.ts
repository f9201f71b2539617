import type { UserView } from '@tally/transport';
import { ResolveUser } from './resolve-user';
import type { UserRepository } from './user.repository';

class FakeUsers {
  readonly users = new Map<string, UserView>();
  emailUpdates = 0;

  async findOrCreate(externalId: string, email: string | null): Promise<UserView> {
    const user = this.users.get(externalId) ?? {
      id: `u-${this.users.size + 1}`,
      externalId,
      email,
      platformRole: null,
    };
    this.users.set(externalId, user);
    return user;
  }

  async setEmail(id: string, email: string): Promise<UserView> {
    this.emailUpdates++;
    const user = [...this.users.values()].find((u) => u.id === id)!;
    const updated = { ...user, email };
    this.users.set(user.externalId, updated);
    return updated;
  }
}

describe('ResolveUser', () => {
  let users: FakeUsers;
  let resolve: ResolveUser;

  beforeEach(() => {
    users = new FakeUsers();
    resolve = new ResolveUser(users as unknown as UserRepository);
  });

  it('creates the user on first sight and returns the same one afterwards', async () => {
    const first = await resolve.execute({ externalId: 'auth0|1', email: 'a@x.test' });
    const again = await resolve.execute({ externalId: 'auth0|1' });
    expect(first).toEqual({ kind: 'user', userId: 'u-1', platformRole: null });
    expect(again).toEqual(first);
    expect(users.users.size).toBe(1);
  });

  it('carries the platform role', async () => {
    users.users.set('staff', {
      id: 's',
      externalId: 'staff',
      email: null,
      platformRole: 'FINANCE',
    });
    await expect(resolve.execute({ externalId: 'staff' })).resolves.toMatchObject({
      platformRole: 'FINANCE',
    });
  });

  it('copies a changed e-mail claim, and only then writes', async () => {
    await resolve.execute({ externalId: 'p', email: 'old@x.test' });
    await resolve.execute({ externalId: 'p', email: 'old@x.test' });
    expect(users.emailUpdates).toBe(0);
    await resolve.execute({ externalId: 'p', email: 'new@x.test' });
    expect(users.users.get('p')?.email).toBe('new@x.test');
    expect(users.emailUpdates).toBe(1);
  });

  it('ignores a malformed e-mail claim rather than locking its owner out', async () => {
    await expect(
      resolve.execute({ externalId: 'q', email: 'not an address' }),
    ).resolves.toMatchObject({
      kind: 'user',
    });
    expect(users.users.get('q')?.email).toBeNull();
  });
});
