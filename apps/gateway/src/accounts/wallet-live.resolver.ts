import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MoneyScalar, parseWireMicros } from '@tally/money';
import type { LiveWalletView, Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { Wallet } from './account.models';
import { serviceCall } from '../graphql/query-cost';
import { AccountLoadersFactory } from './account-loaders';

/**
 * The fields of Wallet that are live to the minute: what is pending between settlements, and
 * what that leaves. They come with the wallet itself (AccountLoaders.liveWallets).
 */
@Resolver(() => Wallet)
export class WalletLiveResolver {
  constructor(private readonly loaders: AccountLoadersFactory) {}

  @ResolveField(() => MoneyScalar, {
    description:
      'Usage of the hours not settled yet, priced with the price book in force; updated every minute. Not yet in the balance.',
    complexity: serviceCall(),
  })
  async pendingCharges(
    @Parent() wallet: Wallet,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<bigint> {
    return parseWireMicros((await this.live(wallet, principal, req)).pendingMicros);
  }

  @ResolveField(() => MoneyScalar, {
    description: 'balance − pendingCharges: what the debt ladder reads.',
    complexity: serviceCall(),
  })
  async availableBalance(
    @Parent() wallet: Wallet,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<bigint> {
    return parseWireMicros((await this.live(wallet, principal, req)).availableMicros);
  }

  @ResolveField(() => MoneyScalar, {
    description: "What the wallet's namespaces cost per hour, over the last hour of minutes.",
    complexity: serviceCall(),
  })
  async spendRate(
    @Parent() wallet: Wallet,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<bigint> {
    return parseWireMicros((await this.live(wallet, principal, req)).spendRateMicros);
  }

  @ResolveField(() => Date, {
    nullable: true,
    description:
      'When availableBalance reaches zero at the current spendRate; null when not spending.',
    complexity: serviceCall(),
  })
  async runsOutAt(
    @Parent() wallet: Wallet,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Date | null> {
    const { runsOutAt } = await this.live(wallet, principal, req);
    return runsOutAt === null ? null : new Date(runsOutAt);
  }

  @ResolveField(() => Date, {
    nullable: true,
    description:
      'The end of the last minute of usage pendingCharges counts; null when nothing is pending. Falling behind the clock means samples stopped arriving: pending usage is never extrapolated.',
    complexity: serviceCall(),
  })
  async pendingThrough(
    @Parent() wallet: Wallet,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Date | null> {
    const { pendingThrough } = await this.live(wallet, principal, req);
    return pendingThrough === null ? null : new Date(pendingThrough);
  }

  /** The wallet was read with this principal already, so its live figures are answered too. */
  private async live(wallet: Wallet, principal: Principal, req: object): Promise<LiveWalletView> {
    const view = await this.loaders.for(req, principal).liveWallets.load(wallet.id);
    if (view === null) throw new Error(`no live figures for wallet ${wallet.id}`);
    return view;
  }
}
