import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { SuspensionReason, Workspace } from '../accounts/account.models';

@Resolver(() => Workspace)
export class WorkspaceSuspensionResolver {
  constructor(private readonly reads: RequestReadsFactory) {}

  @ResolveField(() => [SuspensionReason], {
    description:
      'Why the namespace is suspended; empty when it is not. Held for both, it resumes only once both clear.',
    complexity: serviceCall(),
  })
  async suspensionReasons(
    @Parent() workspace: Workspace,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<SuspensionReason[]> {
    const reasons = await this.reads
      .for(req, principal)
      .send('metering.workspaces.suspensionReasons', { namespace: workspace.namespace });
    // The workspace was read with this principal already; metering's own check agrees.
    return (reasons ?? []).map((reason) => SuspensionReason[reason]);
  }
}
