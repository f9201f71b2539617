import { Inject, Injectable } from '@nestjs/common';
import type { ApiKeyView, Authenticated, RpcRequest } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { ApiKeyRepository, type IApiKeyRepository } from './api-key.repository';

type TenantApiKeysInput = RpcRequest<'account.apiKeys.byTenant'>['input'];

/**
 * Tenant.apiKeys: the keys of a tenant, for whoever may manage it (owners, admins, its API
 * keys, platform admins); a MEMBER is FORBIDDEN, another tenant NOT_FOUND. Only the prefix of a
 * secret was ever kept, so nothing here authenticates anyone.
 */
@Injectable()
export class TenantApiKeys {
  constructor(
    private readonly access: TenantAccess,
    @Inject(ApiKeyRepository) private readonly keys: IApiKeyRepository,
  ) {}

  async execute({ principal, input }: Authenticated<TenantApiKeysInput>): Promise<ApiKeyView[]> {
    await this.access.assert(principal, input.tenantId, 'manage');
    return this.keys.ofTenant(input.tenantId);
  }
}
