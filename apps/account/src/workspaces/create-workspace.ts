import { Injectable } from '@nestjs/common';
import type { Authenticated, RpcRequest, WorkspaceView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { NamespaceClaims } from './namespace-claims';
import { assertNamespaceName } from './namespace-name';
import { WorkspacePlacementResolver } from './workspace-placement';
import { WorkspaceRepository } from './workspace.repository';

type CreateWorkspaceInput = RpcRequest<'account.workspaces.create'>['input'];

/**
 * Registers a Kubernetes namespace as the tenant's (or one sub-account's) workspace. The
 * caller's standing is checked before anything about the namespace, so a stranger learns
 * nothing about it; the cluster is asked last, once everything local holds.
 */
@Injectable()
export class CreateWorkspace {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly placement: WorkspacePlacementResolver,
    private readonly access: TenantAccess,
    private readonly claims: NamespaceClaims,
  ) {}

  async execute({ principal, input }: Authenticated<CreateWorkspaceInput>): Promise<WorkspaceView> {
    await this.access.assert(principal, input.tenantId, 'manage');
    assertNamespaceName(input.namespace);
    this.claims.assertNotReserved(input.namespace);
    const placement = await this.placement.resolve(input.tenantId, input.subAccountId);
    await this.claims.assertClaimable(input.namespace, input.tenantId);
    return this.workspaces.create(input.namespace, placement);
  }
}
