import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@tally/transport';
import { Tenant } from '../accounts/account.models';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { ApiKey } from './identity.models';
import { toApiKey } from './identity.views';

@Resolver(() => Tenant)
export class TenantApiKeysResolver {
  constructor(private readonly reads: RequestReadsFactory) {}

  @ResolveField(() => [ApiKey], {
    description:
      "Owners, admins, the tenant's API keys and platform admins (FORBIDDEN otherwise): the tenant's keys, revoked ones too, newest first. Only a prefix of each secret is kept.",
    complexity: serviceCall(),
  })
  async apiKeys(
    @Parent() tenant: Tenant,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<ApiKey[]> {
    const keys = await this.reads
      .for(req, principal)
      .send('account.apiKeys.byTenant', { tenantId: tenant.id });
    return keys.map(toApiKey);
  }
}
