import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Workspace } from '../accounts/account.models';
import { UsageLine } from './metering.models';
import { toUsageLine } from './metering.views';

@Resolver(() => Workspace)
export class WorkspaceUsageResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => [UsageLine], {
    description: 'Settled hourly lines of [from, to), at most 31 days, oldest first.',
  })
  async usage(
    @Parent() workspace: Workspace,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UsageLine[]> {
    const lines = await this.rpc.send('metering.usage.lines', {
      principal,
      input: { namespace: workspace.namespace, from: from.toISOString(), to: to.toISOString() },
    });
    return lines.map(toUsageLine);
  }
}
