import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { AccountLoadersFactory } from '../accounts/account-loaders';
import { DebtState, Tenant, Wallet } from '../accounts/account.models';
import { toTenant, toWallet } from '../accounts/account.views';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall, servicePage } from '../graphql/query-cost';
import { DebtBoardConnection, DebtBoardEntry } from './finance.models';
import { toDebtBoardConnection } from './finance.views';

@Resolver(() => DebtBoardEntry)
export class DebtBoardResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly loaders: AccountLoadersFactory,
  ) {}

  @Query(() => DebtBoardConnection, {
    description:
      'Finance or platform admin only. The wallets in one debt state (LOW_BALANCE, CRITICAL, SUSPENDED or RECLAIMED; NORMAL is BAD_STATE), longest in it first. first: 1 to 200; after: a cursor of this query (BAD_CURSOR otherwise).',
    complexity: servicePage(50),
  })
  async debtBoard(
    @Args('state', { type: () => DebtState }) state: DebtState,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DebtBoardConnection> {
    const page = await this.rpc.send('metering.debt.board', {
      principal,
      input: { state, first: first ?? 50, after: after ?? null },
    });
    return toDebtBoardConnection(page);
  }

  @ResolveField(() => Wallet, {
    description: 'With its live figures: availableBalance, runsOutAt, …',
    complexity: serviceCall(),
  })
  async wallet(
    @Parent() entry: DebtBoardEntry,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Wallet> {
    return toWallet((await this.loaders.for(req, principal).wallets.load(entry.walletId))!);
  }

  @ResolveField(() => Tenant, { complexity: serviceCall() })
  async tenant(
    @Parent() entry: DebtBoardEntry,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Tenant> {
    return toTenant((await this.loaders.for(req, principal).tenants.load(entry.tenantId))!);
  }
}
