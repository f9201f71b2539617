import { Injectable } from '@nestjs/common';
import { notFound } from '@tally/errors';
import type { Authenticated, RpcRequest, WorkspaceView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { NamespaceClaims } from './namespace-claims';
import { WorkspacePlacementResolver } from './workspace-placement';
import { WorkspaceRepository } from './workspace.repository';

type MoveWorkspaceInput = RpcRequest<'account.workspaces.move'>['input'];

/**
 * Points a workspace at another wallet of the same tenant; later charges draw from it. A
 * workspace naming a reserved namespace (a row from before reservations existed) cannot be
 * moved onto another wallet: it should not be billed to any.
 */
@Injectable()
export class MoveWorkspace {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly placement: WorkspacePlacementResolver,
    private readonly access: TenantAccess,
    private readonly claims: NamespaceClaims,
  ) {}

  async execute({ principal, input }: Authenticated<MoveWorkspaceInput>): Promise<WorkspaceView> {
    const workspace = await this.workspaces.byNamespace(input.namespace);
    if (workspace === null) throw notFound('Workspace', input.namespace);
    await this.access.assert(principal, workspace.tenantId, 'manage');
    this.claims.assertNotReserved(workspace.namespace);
    const target = await this.placement.resolve(workspace.tenantId, input.subAccountId);
    return this.workspaces.move(workspace.id, target.subAccountId, target.walletId);
  }
}
