import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall, servicePage } from '../graphql/query-cost';
import { AccountLoadersFactory } from './account-loaders';
import { SubAccount, Tenant, TenantConnection, Wallet, Workspace } from './account.models';
import { toSubAccount, toTenant, toTenantConnection, toWallet, toWorkspace } from './account.views';
import { CreateTenantInput } from './dto/account.inputs';
import { Membership } from '../identity/identity.models';
import { toMembership } from '../identity/identity.views';

@Resolver(() => Tenant)
export class TenantResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly loaders: AccountLoadersFactory,
  ) {}

  @Query(() => Tenant, { nullable: true, complexity: serviceCall() })
  async tenant(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Tenant | null> {
    const view = await this.loaders.for(req, principal).tenants.load(id);
    return view && toTenant(view);
  }

  @Query(() => Tenant, {
    nullable: true,
    description:
      'The tenant of the API key sending this request (an API key acts inside one tenant); null for every other caller, who has me instead.',
    complexity: serviceCall(),
  })
  async apiKeyTenant(
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Tenant | null> {
    if (principal.kind !== 'api_key') return null;
    const view = await this.loaders.for(req, principal).tenants.load(principal.tenantId);
    return view && toTenant(view);
  }

  @Query(() => TenantConnection, {
    description:
      "Finance or platform admin only. Tenants in name order whose name contains `search` (any case), whose id or a member's id, e-mail or IdP subject is `search`, or with a workspace namespace starting with it; every tenant without a search. first: 1 to 200.",
    complexity: servicePage(50),
  })
  async tenants(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TenantConnection> {
    const page = await this.rpc.send('account.tenants.search', {
      principal,
      input: { search: search ?? null, first: first ?? 50, after: after ?? null },
    });
    return toTenantConnection(page);
  }

  @Mutation(() => Tenant, { description: 'Platform admin only.', complexity: serviceCall() })
  async createTenant(
    @Args('input') input: CreateTenantInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Tenant> {
    const view = await this.rpc.send('account.tenants.create', {
      principal,
      input: { ...input, ownerEmail: input.ownerEmail ?? undefined },
    });
    return toTenant(view);
  }

  @ResolveField(() => Wallet, { complexity: serviceCall() })
  async wallet(
    @Parent() tenant: Tenant,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Wallet> {
    return toWallet((await this.loaders.for(req, principal).wallets.load(tenant.walletId))!);
  }

  @ResolveField(() => [SubAccount], { complexity: serviceCall() })
  async subAccounts(
    @Parent() tenant: Tenant,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<SubAccount[]> {
    return (await this.loaders.for(req, principal).subAccountsOfTenant.load(tenant.id)).map(
      toSubAccount,
    );
  }

  @ResolveField(() => [Membership], { complexity: serviceCall() })
  async members(
    @Parent() tenant: Tenant,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Membership[]> {
    return (await this.loaders.for(req, principal).membersOfTenant.load(tenant.id)).map(
      toMembership,
    );
  }

  @ResolveField(() => [Workspace], { complexity: serviceCall() })
  async workspaces(
    @Parent() tenant: Tenant,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Workspace[]> {
    return (await this.loaders.for(req, principal).workspacesOfTenant.load(tenant.id)).map(
      toWorkspace,
    );
  }
}
