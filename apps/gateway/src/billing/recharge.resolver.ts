import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { toWireMicros } from '@tally/money';
import { notFound } from '@tally/errors';
import { RpcClient, type Principal } from '@tally/transport';
import { AccountLoadersFactory } from '../accounts/account-loaders';
import { Wallet } from '../accounts/account.models';
import { toWallet } from '../accounts/account.views';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall, servicePage } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { Recharge, RechargeConnection, StripeReconciliation } from './billing.models';
import { toRecharge, toRechargeConnection } from './billing.views';
import { StartRechargeInput } from './dto/recharge.inputs';

/** A page of recharges when the caller does not say. */
const RECHARGES_PAGE = 20;

@Resolver(() => Recharge)
export class RechargeResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly loaders: AccountLoadersFactory,
    private readonly reads: RequestReadsFactory,
  ) {}

  @Mutation(() => Recharge, {
    description: 'Opens a Stripe Checkout Session; the wallet is credited once Stripe confirms.',
    complexity: serviceCall(),
  })
  async startRecharge(
    @Args('input') input: StartRechargeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Recharge> {
    const view = await this.rpc.send('billing.recharges.start', {
      principal,
      input: {
        walletId: input.walletId,
        amountMicros: toWireMicros(input.amount),
        idempotencyKey: input.idempotencyKey,
      },
    });
    return toRecharge(view);
  }

  // Billing asks account whether the caller may see the wallet: two calls.
  @Query(() => Recharge, { nullable: true, complexity: serviceCall(2) })
  async recharge(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Recharge | null> {
    const view = await this.reads.for(req, principal).send('billing.recharges.byId', { id });
    return view && toRecharge(view);
  }

  @Query(() => RechargeConnection, {
    description:
      "A tenant's recharges, newest first, for whoever may read the tenant (NOT_FOUND otherwise). first 1 to 100 (BAD_PAGE_SIZE); after a cursor of this query (BAD_CURSOR otherwise).",
    complexity: servicePage(RECHARGES_PAGE),
  })
  async recharges(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: RECHARGES_PAGE })
    first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<RechargeConnection> {
    const page = await this.reads.for(req, principal).send('billing.recharges.byTenant', {
      tenantId,
      first: first ?? RECHARGES_PAGE,
      after: after ?? null,
    });
    return toRechargeConnection(page);
  }

  @ResolveField(() => Wallet, { complexity: serviceCall() })
  async wallet(
    @Parent() recharge: Recharge,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Wallet> {
    const view = await this.loaders.for(req, principal).wallets.load(recharge.walletId);
    if (view === null) throw notFound('Wallet', recharge.walletId);
    return toWallet(view);
  }

  @Mutation(() => StripeReconciliation, {
    description:
      'Finance or platform admin only. Credits paid Checkout Sessions of the last `hours` whose webhook never came (also runs hourly).',
    complexity: serviceCall(),
  })
  reconcileStripe(
    @Args('hours', { type: () => Int, defaultValue: 24 }) hours: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StripeReconciliation> {
    return this.rpc.send(
      'billing.stripe.reconcile',
      { principal, input: { hours } },
      { timeoutMs: 120_000 },
    );
  }
}
