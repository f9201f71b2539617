import { Injectable } from '@nestjs/common';
import type { Authenticated, RpcRequest, WorkspaceView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { assertNamespaceName } from './namespace-name';
import { WorkspacePlacementResolver } from './workspace-placement';
import { WorkspaceRepository } from './workspace.repository';

type CreateWorkspaceInput = RpcRequest<'account.workspaces.create'>['input'];

/** Registers a Kubernetes namespace as the tenant's (or one sub-account's) workspace. */
@Injectable()
export class CreateWorkspace {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly placement: WorkspacePlacementResolver,
    private readonly access: TenantAccess,
  ) {}

  async execute({ principal, input }: Authenticated<CreateWorkspaceInput>): Promise<WorkspaceView> {
    await this.access.assert(principal, input.tenantId, 'manage');
    assertNamespaceName(input.namespace);
    const placement = await this.placement.resolve(input.tenantId, input.subAccountId);
    return this.workspaces.create(input.namespace, placement);
  }
}
