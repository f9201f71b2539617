import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MoneyScalar, parseWireMicros } from '@tally/money';
import type { Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { Workspace } from '../accounts/account.models';
import { UsageLine } from './metering.models';
import { toUsageLine } from './metering.views';

@Resolver(() => Workspace)
export class WorkspaceUsageResolver {
  constructor(private readonly reads: RequestReadsFactory) {}

  @ResolveField(() => [UsageLine], {
    description: 'Settled hourly lines of [from, to), at most 31 days, oldest first.',
    complexity: serviceCall(),
  })
  async usage(
    @Parent() workspace: Workspace,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<UsageLine[]> {
    const lines = await this.reads.for(req, principal).send('metering.usage.lines', {
      namespace: workspace.namespace,
      from: from.toISOString(),
      to: to.toISOString(),
    });
    return lines.map(toUsageLine);
  }

  @ResolveField(() => MoneyScalar, {
    description:
      "This namespace's usage of the hours not settled yet, priced; updated every minute.",
    complexity: serviceCall(),
  })
  async pendingCharges(
    @Parent() workspace: Workspace,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<bigint> {
    const pending = await this.reads
      .for(req, principal)
      .send('metering.workspaces.pending', { namespace: workspace.namespace });
    // The workspace was read with this principal already; metering's own check agrees.
    return pending === null ? 0n : parseWireMicros(pending.pendingMicros);
  }
}
