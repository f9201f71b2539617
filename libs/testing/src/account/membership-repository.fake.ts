import type {
  AddMembershipOutcome,
  IMembershipRepository,
} from '@tally/account/access/membership.repository';
import type { MemberRole, MembershipView } from '@tally/transport';

/**
 * Memberships in memory, ordered as the repository orders them. `add` answers as the
 * database would: 'unknown_tenant' for a tenant not in `tenants`, never overwriting a role.
 */
export class FakeMembershipRepository implements IMembershipRepository {
  readonly tenants = new Set<string>();
  readonly memberships: MembershipView[] = [];

  /** Seeds a membership, and its tenant. */
  grant(tenantId: string, userId: string, role: MemberRole): this {
    this.tenants.add(tenantId);
    this.memberships.push({ tenantId, userId, role });
    return this;
  }

  async roleOf(userId: string, tenantId: string): Promise<MemberRole | null> {
    return this.find(tenantId, userId)?.role ?? null;
  }

  async add(tenantId: string, userId: string, role: MemberRole): Promise<AddMembershipOutcome> {
    if (!this.tenants.has(tenantId)) return 'unknown_tenant';
    if (this.find(tenantId, userId) !== undefined) return 'already_member';
    this.memberships.push({ tenantId, userId, role });
    return 'added';
  }

  async byTenants(tenantIds: readonly string[]): Promise<MembershipView[]> {
    return this.sortedBy('tenantId', (m) => tenantIds.includes(m.tenantId));
  }

  async byUser(userId: string): Promise<MembershipView[]> {
    return this.byUsers([userId]);
  }

  async byUsers(userIds: readonly string[]): Promise<MembershipView[]> {
    return this.sortedBy('userId', (m) => userIds.includes(m.userId));
  }

  private find(tenantId: string, userId: string): MembershipView | undefined {
    return this.memberships.find((m) => m.tenantId === tenantId && m.userId === userId);
  }

  // By the key, then in the order they were added (the repository's createdAt).
  private sortedBy(key: 'tenantId' | 'userId', keep: (m: MembershipView) => boolean) {
    return this.memberships
      .filter(keep)
      .map((m, i) => ({ m, i }))
      .sort((a, b) => a.m[key].localeCompare(b.m[key]) || a.i - b.i)
      .map(({ m }) => ({ ...m }));
  }
}
