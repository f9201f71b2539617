import { Args, Query, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { FinanceOverview } from './finance.models';
import { toFinanceOverview } from './finance.views';

@Resolver(() => FinanceOverview)
export class FinanceOverviewResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => FinanceOverview, {
    description:
      'Finance or platform admin only. The money of every wallet in `currency` now, and its charges and recharges per UTC day of [from, to): from and to are UTC midnights, 1 to 92 days apart (else BAD_USER_INPUT, reason BAD_DAY or BAD_PERIOD; a currency that is not an ISO 4217 code: BAD_CURRENCY). The last reconciliation run is `reconciliationReports(first: 1)`.',
    complexity: serviceCall(),
  })
  async financeOverview(
    @Args('currency') currency: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FinanceOverview> {
    const view = await this.rpc.send('account.finance.overview', {
      principal,
      input: { currency, from: from.toISOString(), to: to.toISOString() },
    });
    return toFinanceOverview(view);
  }
}
