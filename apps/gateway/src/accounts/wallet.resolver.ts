import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall, servicePage } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { AccountLoadersFactory } from './account-loaders';
import { CreditGrant, LedgerEntryConnection, Wallet } from './account.models';
import { toConnection, toCreditGrant, toWallet } from './account.views';

@Resolver(() => Wallet)
export class WalletResolver {
  constructor(
    private readonly loaders: AccountLoadersFactory,
    private readonly reads: RequestReadsFactory,
  ) {}

  @Query(() => Wallet, { nullable: true, complexity: serviceCall() })
  async wallet(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Wallet | null> {
    const view = await this.loaders.for(req, principal).wallets.load(id);
    return view && toWallet(view);
  }

  @ResolveField(() => LedgerEntryConnection, { complexity: servicePage(50) })
  async entries(
    @Parent() wallet: Wallet,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<LedgerEntryConnection> {
    const page = await this.reads.for(req, principal).send('account.wallets.entries', {
      walletId: wallet.id,
      first: first ?? 50,
      after: after ?? null,
    });
    return toConnection(page);
  }

  @ResolveField(() => [CreditGrant], {
    description: 'Promotional credit grants, soonest expiry first, with what is left of each.',
    complexity: serviceCall(),
  })
  async credits(
    @Parent() wallet: Wallet,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<CreditGrant[]> {
    const views = await this.loaders.for(req, principal).creditsOfWallet.load(wallet.id);
    return views.map(toCreditGrant);
  }
}
