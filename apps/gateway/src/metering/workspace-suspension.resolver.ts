import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { SuspensionReason, Workspace } from '../accounts/account.models';
import { toWorkspace } from '../accounts/account.views';

@Resolver(() => Workspace)
export class WorkspaceSuspensionResolver {
  constructor(
    private readonly reads: RequestReadsFactory,
    private readonly rpc: RpcClient,
  ) {}

  @ResolveField(() => [SuspensionReason], {
    description:
      'Why the namespace is suspended; empty when it is not. Held for more than one reason, it resumes only once all clear.',
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

  @Mutation(() => Workspace, {
    description:
      'Finance or platform admin only. Suspends the namespace by hand (MANUAL) until resumeNamespace, whatever its wallet holds; reason (1 to 500 characters) is kept in the audit log. Answers the workspace as it is now; the suspension follows within seconds. Suspending a namespace held by hand already changes nothing.',
    complexity: serviceCall(),
  })
  async suspendNamespace(
    @Args('namespace') namespace: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Workspace> {
    const view = await this.rpc.send('metering.namespaces.suspendByHand', {
      principal,
      input: { namespace, reason },
    });
    return toWorkspace(view);
  }

  @Mutation(() => Workspace, {
    description:
      'Finance or platform admin only. Lifts a suspension by hand (MANUAL only): the namespace runs again unless DEBT or SPENDING_CAP still holds it. reason is kept in the audit log. Lifting none changes nothing.',
    complexity: serviceCall(),
  })
  async resumeNamespace(
    @Args('namespace') namespace: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Workspace> {
    const view = await this.rpc.send('metering.namespaces.resumeByHand', {
      principal,
      input: { namespace, reason },
    });
    return toWorkspace(view);
  }
}
