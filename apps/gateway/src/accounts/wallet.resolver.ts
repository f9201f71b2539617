import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { AccountLoadersFactory } from './account-loaders';
import { LedgerEntryConnection, Wallet } from './account.models';
import { toConnection, toWallet } from './account.views';

@Resolver(() => Wallet)
export class WalletResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly loaders: AccountLoadersFactory,
  ) {}

  @Query(() => Wallet, { nullable: true })
  async wallet(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Wallet | null> {
    const view = await this.loaders.for(req, principal).wallets.load(id);
    return view && toWallet(view);
  }

  // A page costs as many points as the entries it may return (query cost limits).
  @ResolveField(() => LedgerEntryConnection, {
    complexity: ({ args, childComplexity }) => Number(args.first ?? 50) * childComplexity,
  })
  async entries(
    @Parent() wallet: Wallet,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LedgerEntryConnection> {
    const page = await this.rpc.send('account.wallets.entries', {
      principal,
      input: { walletId: wallet.id, first: first ?? 50, after: after ?? null },
    });
    return toConnection(page);
  }
}
