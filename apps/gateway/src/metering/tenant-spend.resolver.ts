import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@tally/transport';
import { Tenant } from '../accounts/account.models';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { DailySpend, SpendGrouping } from './metering.models';
import { toDailySpend } from './metering.views';

@Resolver(() => Tenant)
export class TenantSpendResolver {
  constructor(private readonly reads: RequestReadsFactory) {}

  @ResolveField(() => [DailySpend], {
    description:
      'Settled spending per UTC day of [from, to) (UTC midnights, at most 92 days), split by `groupBy`: the charges of hours whose charges are all in the ledger, and the corrections reconciliation posted; pending usage (Wallet.pendingCharges) is not in it. Only wallets the caller may read count. Days and groups without spending are left out; oldest day first.',
    complexity: serviceCall(),
  })
  async dailySpend(
    @Parent() tenant: Tenant,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('groupBy', { type: () => SpendGrouping }) groupBy: SpendGrouping,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<DailySpend[]> {
    const days = await this.reads.for(req, principal).send('metering.spend.daily', {
      tenantId: tenant.id,
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy,
    });
    return days.map(toDailySpend);
  }
}
