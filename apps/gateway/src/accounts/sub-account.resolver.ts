import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { toWireMicros } from '@tally/money';
import { MoneyScalar } from '@tally/money';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { AccountLoadersFactory } from './account-loaders';
import { SubAccount, Wallet, Workspace } from './account.models';
import { toSubAccount, toWallet, toWorkspace } from './account.views';
import { CreateSubAccountInput } from './dto/account.inputs';

@Resolver(() => SubAccount)
export class SubAccountResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly loaders: AccountLoadersFactory,
  ) {}

  @Mutation(() => SubAccount, { complexity: serviceCall() })
  async createSubAccount(
    @Args('input') input: CreateSubAccountInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubAccount> {
    const view = await this.rpc.send('account.subAccounts.create', {
      principal,
      input: {
        tenantId: input.tenantId,
        name: input.name,
        monthlyBudgetMicros: input.monthlyBudget == null ? null : toWireMicros(input.monthlyBudget),
      },
    });
    return toSubAccount(view);
  }

  @Mutation(() => SubAccount, { complexity: serviceCall() })
  async setMonthlyBudget(
    @Args('subAccountId', { type: () => ID }) subAccountId: string,
    @Args('amount', { type: () => MoneyScalar, nullable: true }) amount: bigint | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubAccount> {
    const view = await this.rpc.send('account.subAccounts.setBudget', {
      principal,
      input: { subAccountId, monthlyBudgetMicros: amount == null ? null : toWireMicros(amount) },
    });
    return toSubAccount(view);
  }

  @ResolveField(() => Wallet, { complexity: serviceCall() })
  async wallet(
    @Parent() subAccount: SubAccount,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Wallet> {
    return toWallet((await this.loaders.for(req, principal).wallets.load(subAccount.walletId))!);
  }

  @ResolveField(() => [Workspace], { complexity: serviceCall() })
  async workspaces(
    @Parent() subAccount: SubAccount,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Workspace[]> {
    const views = await this.loaders.for(req, principal).workspacesOfSubAccount.load(subAccount.id);
    return views.map(toWorkspace);
  }
}
