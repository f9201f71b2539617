import type { IUserRepository } from '@tally/account/identity/user.repository';
import type { UserView } from '@tally/transport';

/** People in memory. A person created by `findOrCreate` gets the id `user-<external id>`. */
export class FakeUserRepository implements IUserRepository {
  /** By id. */
  readonly users = new Map<string, UserView>();

  add(...users: UserView[]): this {
    for (const user of users) this.users.set(user.id, user);
    return this;
  }

  async byExternalId(externalId: string): Promise<UserView | null> {
    return [...this.users.values()].find((u) => u.externalId === externalId) ?? null;
  }

  async findOrCreate(externalId: string, email: string | null): Promise<UserView> {
    const existing = await this.byExternalId(externalId);
    if (existing !== null) return existing;
    const user: UserView = { id: `user-${externalId}`, externalId, email, platformRole: null };
    this.users.set(user.id, user);
    return user;
  }

  async setEmail(id: string, email: string): Promise<UserView> {
    const user = this.users.get(id);
    if (user === undefined) throw new Error(`no user ${id}`);
    const updated = { ...user, email };
    this.users.set(id, updated);
    return updated;
  }

  async byIds(ids: readonly string[]): Promise<UserView[]> {
    return ids.flatMap((id) => this.users.get(id) ?? []);
  }

  async byId(id: string): Promise<UserView | null> {
    return this.users.get(id) ?? null;
  }
}
