import { Injectable } from '@nestjs/common';
import { notFound } from '@tally/errors';
import { SubAccountRepository } from '../sub-accounts/sub-account.repository';
import { TenantRepository } from '../tenants/tenant.repository';
import { WorkspacePlacement } from './workspace.repository';

/** Which wallet a workspace draws on: its sub-account's, or else the tenant's own. */
@Injectable()
export class WorkspacePlacementResolver {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly subAccounts: SubAccountRepository,
  ) {}

  async resolve(tenantId: string, subAccountId: string | null): Promise<WorkspacePlacement> {
    if (subAccountId === null) {
      const [tenant] = await this.tenants.byIds([tenantId]);
      if (tenant === undefined) throw notFound('Tenant', tenantId);
      return { tenantId, subAccountId: null, walletId: tenant.walletId };
    }
    const [subAccount] = await this.subAccounts.byIds([subAccountId]);
    // A sub-account of another tenant is reported exactly like a missing one.
    if (subAccount === undefined || subAccount.tenantId !== tenantId) {
      throw notFound('SubAccount', subAccountId);
    }
    return { tenantId, subAccountId, walletId: subAccount.walletId };
  }
}
