import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { CreateTenant } from './create-tenant';
import { SearchTenants } from './search-tenants';
import { TenantRepository } from './tenant.repository';

@Controller()
export class TenantsController {
  constructor(
    private readonly createTenant: CreateTenant,
    private readonly searchTenants: SearchTenants,
    private readonly tenants: TenantRepository,
    private readonly access: TenantAccess,
  ) {}

  @MessagePattern('account.tenants.create')
  create(@RpcData() request: RpcRequest<'account.tenants.create'>) {
    return this.createTenant.execute(request);
  }

  @MessagePattern('account.tenants.search')
  search(@RpcData() request: RpcRequest<'account.tenants.search'>) {
    return this.searchTenants.execute(request);
  }

  @MessagePattern('account.tenants.contacts')
  async contacts(
    @RpcData() { principal, input }: RpcRequest<'account.tenants.contacts'>,
  ): Promise<RpcResponse<'account.tenants.contacts'>> {
    this.access.assertService(principal);
    return { emails: await this.tenants.contacts(input.tenantId) };
  }

  @MessagePattern('account.tenants.byIds')
  async byIds(
    @RpcData() { principal, input }: RpcRequest<'account.tenants.byIds'>,
  ): Promise<RpcResponse<'account.tenants.byIds'>> {
    return this.access.readable(principal, await this.tenants.byIds(input.ids), (t) => t.id);
  }
}
