import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { AccountLoadersFactory } from './account-loaders';
import { SubAccount, Tenant, Wallet, Workspace } from './account.models';
import { toSubAccount, toTenant, toWallet, toWorkspace } from './account.views';
import { CreateWorkspaceInput } from './dto/account.inputs';

@Resolver(() => Workspace)
export class WorkspaceResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly loaders: AccountLoadersFactory,
    private readonly reads: RequestReadsFactory,
  ) {}

  @Query(() => Workspace, { nullable: true, complexity: serviceCall() })
  async workspace(
    @Args('namespace') namespace: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Workspace | null> {
    const view = await this.reads
      .for(req, principal)
      .send('account.workspaces.byNamespace', { namespace });
    return view && toWorkspace(view);
  }

  @Mutation(() => Workspace, { complexity: serviceCall() })
  async createWorkspace(
    @Args('input') input: CreateWorkspaceInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Workspace> {
    const view = await this.rpc.send('account.workspaces.create', {
      principal,
      input: {
        tenantId: input.tenantId,
        subAccountId: input.subAccountId ?? null,
        namespace: input.namespace,
      },
    });
    return toWorkspace(view);
  }

  @Mutation(() => Workspace, {
    description: 'Moves a workspace to another wallet of the same tenant.',
    complexity: serviceCall(),
  })
  async moveWorkspace(
    @Args('namespace') namespace: string,
    @Args('subAccountId', { type: () => ID, nullable: true }) subAccountId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Workspace> {
    const view = await this.rpc.send('account.workspaces.move', {
      principal,
      input: { namespace, subAccountId: subAccountId ?? null },
    });
    return toWorkspace(view);
  }

  @ResolveField(() => Tenant, { complexity: serviceCall() })
  async tenant(
    @Parent() workspace: Workspace,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Tenant> {
    return toTenant((await this.loaders.for(req, principal).tenants.load(workspace.tenantId))!);
  }

  @ResolveField(() => SubAccount, { nullable: true, complexity: serviceCall() })
  async subAccount(
    @Parent() workspace: Workspace,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<SubAccount | null> {
    if (workspace.subAccountId === null) return null;
    const view = await this.loaders.for(req, principal).subAccounts.load(workspace.subAccountId);
    return view && toSubAccount(view);
  }

  @ResolveField(() => Wallet, {
    description: "The wallet this namespace's charges are drawn from.",
    complexity: serviceCall(),
  })
  async wallet(
    @Parent() workspace: Workspace,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Wallet> {
    return toWallet((await this.loaders.for(req, principal).wallets.load(workspace.walletId))!);
  }
}
