import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { CreateWorkspace } from './create-workspace';
import { MoveWorkspace } from './move-workspace';
import { WorkspaceRepository } from './workspace.repository';

@Controller()
export class WorkspacesController {
  constructor(
    private readonly createWorkspace: CreateWorkspace,
    private readonly moveWorkspace: MoveWorkspace,
    private readonly workspaces: WorkspaceRepository,
    private readonly access: TenantAccess,
  ) {}

  @MessagePattern('account.workspaces.create')
  create(@RpcData() request: RpcRequest<'account.workspaces.create'>) {
    return this.createWorkspace.execute(request);
  }

  @MessagePattern('account.workspaces.move')
  move(@RpcData() request: RpcRequest<'account.workspaces.move'>) {
    return this.moveWorkspace.execute(request);
  }

  /** Null both for a namespace nobody has and for one the caller may not see. */
  @MessagePattern('account.workspaces.byNamespace')
  async byNamespace(
    @RpcData() { principal, input }: RpcRequest<'account.workspaces.byNamespace'>,
  ): Promise<RpcResponse<'account.workspaces.byNamespace'>> {
    const workspace = await this.workspaces.byNamespace(input.namespace);
    if (workspace === null) return null;
    return (await this.access.allows(principal, workspace.tenantId, 'read')) ? workspace : null;
  }

  @MessagePattern('account.workspaces.byTenants')
  async byTenants(
    @RpcData() { principal, input }: RpcRequest<'account.workspaces.byTenants'>,
  ): Promise<RpcResponse<'account.workspaces.byTenants'>> {
    return this.access.readable(
      principal,
      await this.workspaces.byTenants(input.ids),
      (w) => w.tenantId,
    );
  }

  @MessagePattern('account.workspaces.placements')
  placements(
    @RpcData() { principal, input }: RpcRequest<'account.workspaces.placements'>,
  ): Promise<RpcResponse<'account.workspaces.placements'>> {
    this.access.assertService(principal);
    return this.workspaces.placements(input.namespaces);
  }

  @MessagePattern('account.workspaces.byWallets')
  byWallets(
    @RpcData() { principal, input }: RpcRequest<'account.workspaces.byWallets'>,
  ): Promise<RpcResponse<'account.workspaces.byWallets'>> {
    this.access.assertService(principal);
    return this.workspaces.byWallets(input.ids);
  }

  @MessagePattern('account.workspaces.setState')
  setState(
    @RpcData() { principal, input }: RpcRequest<'account.workspaces.setState'>,
  ): Promise<RpcResponse<'account.workspaces.setState'>> {
    this.access.assertService(principal);
    return this.workspaces.setState(input.namespace, input.state);
  }

  @MessagePattern('account.workspaces.bySubAccounts')
  async bySubAccounts(
    @RpcData() { principal, input }: RpcRequest<'account.workspaces.bySubAccounts'>,
  ): Promise<RpcResponse<'account.workspaces.bySubAccounts'>> {
    const rows = await this.workspaces.bySubAccounts(input.ids);
    return this.access.readable(principal, rows, (w) => w.tenantId);
  }
}
