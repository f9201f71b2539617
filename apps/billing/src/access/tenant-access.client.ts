import { Injectable } from '@nestjs/common';
import { forbidden } from '@tally/errors';
import {
  isFinanceStaff,
  isPlatformAdmin,
  isService,
  RpcClient,
  type Principal,
  type TenantPermission,
} from '@tally/transport';

/** Tally's own jobs, when billing acts on its own behalf. */
export const BILLING_SERVICE: Principal = { kind: 'service', service: 'billing' };

/**
 * Who may do what with a tenant is decided by the account service (it owns memberships):
 * NOT_FOUND for a tenant the caller has no standing in, FORBIDDEN for a role too weak.
 */
@Injectable()
export class TenantAccessClient {
  constructor(private readonly rpc: RpcClient) {}

  async assert(principal: Principal, tenantId: string, permission: TenantPermission) {
    await this.rpc.send('account.access.check', { principal, input: { tenantId, permission } });
  }

  assertFinanceOrAdmin(principal: Principal): void {
    if (!isFinanceStaff(principal))
      throw forbidden('Only finance staff and platform admins may do this');
  }

  assertPlatformAdminOrService(principal: Principal): void {
    if (!isPlatformAdmin(principal) && !isService(principal))
      throw forbidden('Only platform admins may do this');
  }
}
