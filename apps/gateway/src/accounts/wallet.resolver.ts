import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput } from '@tally/errors';
import type { Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall, servicePage } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { AccountLoadersFactory } from './account-loaders';
import { CreditGrant, LedgerEntryConnection, Wallet } from './account.models';
import { toConnection, toCreditGrant, toEntriesFilter, toWallet } from './account.views';
import { LedgerEntryFilter } from './dto/account.inputs';

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
    @Args('filter', { type: () => LedgerEntryFilter, nullable: true })
    filter: LedgerEntryFilter | null,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<LedgerEntryConnection> {
    const page = await this.reads.for(req, principal).send('account.wallets.entries', {
      walletId: wallet.id,
      first: publicPageSize(first ?? 50),
      after: after ?? null,
      filter: toEntriesFilter(filter),
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

/** The public API's pages of entries: 1 to 200 (exports read the ledger by larger pages). */
const MAX_PUBLIC_PAGE_SIZE = 200;

function publicPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PUBLIC_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PUBLIC_PAGE_SIZE}`, {
      reason: 'BAD_PAGE_SIZE',
    });
  }
  return first;
}
