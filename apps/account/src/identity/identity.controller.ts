import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { AddMember } from './add-member';
import { CreateApiKey } from './create-api-key';
import { IdentityReads } from './identity-reads';
import { ResolveApiKey } from './resolve-api-key';
import { ResolveUser } from './resolve-user';
import { RevokeApiKey } from './revoke-api-key';
import { TenantApiKeys } from './tenant-api-keys';

@Controller()
export class IdentityController {
  constructor(
    private readonly resolveUser: ResolveUser,
    private readonly resolveApiKey: ResolveApiKey,
    private readonly addMember: AddMember,
    private readonly createApiKey: CreateApiKey,
    private readonly revokeApiKey: RevokeApiKey,
    private readonly tenantApiKeys: TenantApiKeys,
    private readonly reads: IdentityReads,
  ) {}

  // The two auth.* messages carry no principal: they are how the gateway obtains one.
  @MessagePattern('account.auth.resolveUser')
  user(
    @RpcData() request: RpcRequest<'account.auth.resolveUser'>,
  ): Promise<RpcResponse<'account.auth.resolveUser'>> {
    return this.resolveUser.execute(request);
  }

  @MessagePattern('account.auth.resolveApiKey')
  apiKey(
    @RpcData() request: RpcRequest<'account.auth.resolveApiKey'>,
  ): Promise<RpcResponse<'account.auth.resolveApiKey'>> {
    return this.resolveApiKey.execute(request);
  }

  @MessagePattern('account.me')
  me(@RpcData() { principal }: RpcRequest<'account.me'>): Promise<RpcResponse<'account.me'>> {
    return this.reads.me(principal);
  }

  @MessagePattern('account.members.add')
  add(
    @RpcData() request: RpcRequest<'account.members.add'>,
  ): Promise<RpcResponse<'account.members.add'>> {
    return this.addMember.execute(request);
  }

  @MessagePattern('account.members.byTenants')
  membersByTenants(
    @RpcData() { principal, input }: RpcRequest<'account.members.byTenants'>,
  ): Promise<RpcResponse<'account.members.byTenants'>> {
    return this.reads.membersOfTenants(principal, input.ids);
  }

  @MessagePattern('account.members.byUser')
  membersByUser(
    @RpcData() { principal, input }: RpcRequest<'account.members.byUser'>,
  ): Promise<RpcResponse<'account.members.byUser'>> {
    return this.reads.membershipsOfUser(principal, input.userId);
  }

  @MessagePattern('account.users.byIds')
  usersByIds(
    @RpcData() { principal, input }: RpcRequest<'account.users.byIds'>,
  ): Promise<RpcResponse<'account.users.byIds'>> {
    return this.reads.usersByIds(principal, input.ids);
  }

  @MessagePattern('account.apiKeys.create')
  createKey(
    @RpcData() request: RpcRequest<'account.apiKeys.create'>,
  ): Promise<RpcResponse<'account.apiKeys.create'>> {
    return this.createApiKey.execute(request);
  }

  @MessagePattern('account.apiKeys.revoke')
  revokeKey(
    @RpcData() request: RpcRequest<'account.apiKeys.revoke'>,
  ): Promise<RpcResponse<'account.apiKeys.revoke'>> {
    return this.revokeApiKey.execute(request);
  }

  @MessagePattern('account.apiKeys.byTenant')
  keysOfTenant(
    @RpcData() request: RpcRequest<'account.apiKeys.byTenant'>,
  ): Promise<RpcResponse<'account.apiKeys.byTenant'>> {
    return this.tenantApiKeys.execute(request);
  }
}
