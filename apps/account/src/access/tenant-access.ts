import { Inject, Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@tally/errors';
import {
  isFinanceStaff,
  isPlatformAdmin,
  isService,
  type MemberRole,
  type Principal,
  type TenantPermission,
} from '@tally/transport';
import { MembershipRepository, type IMembershipRepository } from './membership.repository';

/**
 * What a caller wants to do with a tenant's data (TenantPermission):
 * - `read`: see it (any member, the tenant's API keys, finance, platform admins);
 * - `manage`: change it (owners, admins, the tenant's API keys, platform admins);
 * - `adjust`: correct balances by hand (finance and platform admins only);
 * - `alert`: set threshold alerts on its wallets (owners, admins, the tenant's API keys,
 *   finance, platform admins): watching money, not changing it, so finance may too.
 * - `limit`: cap what a tenant may spend (owners, admins, the tenant's API keys, finance and
 *   platform admins): finance stops a runaway scope without being able to change the tenant.
 */
export type { TenantPermission };

const memberRolesFor: Record<TenantPermission, readonly MemberRole[]> = {
  read: ['OWNER', 'ADMIN', 'MEMBER'],
  manage: ['OWNER', 'ADMIN'],
  adjust: [],
  alert: ['OWNER', 'ADMIN'],
  limit: ['OWNER', 'ADMIN'],
};

/** What finance staff may do in any tenant: look, correct balances, watch, cap spending. */
const financePermissions: ReadonlySet<TenantPermission> = new Set([
  'read',
  'adjust',
  'alert',
  'limit',
]);

const deniedAction: Record<TenantPermission, string> = {
  read: 'read this tenant',
  manage: 'change this tenant',
  adjust: 'adjust balances',
  alert: "set alerts on this tenant's wallets",
  limit: "cap this tenant's spending",
};

/**
 * The one place that decides whether a principal may act on a tenant. A caller with no
 * standing in the tenant gets NOT_FOUND, exactly as for a tenant that does not exist, so
 * ids cannot be probed; a member without the needed role gets FORBIDDEN.
 */
@Injectable()
export class TenantAccess {
  constructor(@Inject(MembershipRepository) private readonly memberships: IMembershipRepository) {}

  async assert(
    principal: Principal,
    tenantId: string,
    permission: TenantPermission,
  ): Promise<void> {
    if (isPlatformAdmin(principal) || isService(principal)) return;
    if (isFinanceStaff(principal)) {
      if (financePermissions.has(permission)) return;
      throw forbidden('Finance staff may read tenants and adjust balances, not change tenants');
    }
    const role = await this.roleIn(principal, tenantId);
    if (role === null) throw notFound('Tenant');
    if (!memberRolesFor[permission].includes(role)) {
      throw forbidden(`The ${role} role may not ${deniedAction[permission]}`);
    }
  }

  /** Whether `assert` would pass; for filtering batch reads item by item. */
  async allows(
    principal: Principal,
    tenantId: string,
    permission: TenantPermission,
  ): Promise<boolean> {
    try {
      await this.assert(principal, tenantId, permission);
      return true;
    } catch {
      return false;
    }
  }

  /** Keeps the items whose tenant the principal may read. */
  async readable<T>(
    principal: Principal,
    items: readonly T[],
    tenantOf: (item: T) => string,
  ): Promise<T[]> {
    const tenants = [...new Set(items.map(tenantOf))];
    const allowed = new Set<string>();
    await Promise.all(
      tenants.map(async (tenantId) => {
        if (await this.allows(principal, tenantId, 'read')) allowed.add(tenantId);
      }),
    );
    return items.filter((item) => allowed.has(tenantOf(item)));
  }

  /** Platform-wide operations (creating tenants, settling hours). */
  assertPlatformAdmin(principal: Principal): void {
    if (!isPlatformAdmin(principal)) throw forbidden('Only platform admins may do this');
  }

  /** Operations only Tally's own services perform (posting charges). */
  assertService(principal: Principal): void {
    if (!isService(principal)) throw forbidden('Only Tally services may do this');
  }

  private async roleIn(principal: Principal, tenantId: string): Promise<MemberRole | null> {
    switch (principal.kind) {
      case 'api_key':
        return principal.tenantId === tenantId ? 'ADMIN' : null;
      case 'user':
        return this.memberships.roleOf(principal.userId, tenantId);
      case 'admin_key':
      case 'service':
        return 'OWNER';
    }
  }
}
