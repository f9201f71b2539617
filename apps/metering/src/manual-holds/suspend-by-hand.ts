import { Injectable } from '@nestjs/common';
import { forbidden } from '@tally/errors';
import { currentRequestId } from '@tally/observability';
import {
  actorOf,
  isFinanceStaff,
  personReason,
  RpcClient,
  type Authenticated,
  type RpcRequest,
  type WorkspaceView,
} from '@tally/transport';
import { manualEvents, ManualTopic, type ManualHold } from './manual-hold-events';
import { ManualHoldRepository } from './manual-hold.repository';
import { workspaceNamed } from './manual-workspace';

type SuspendInput = RpcRequest<'metering.namespaces.suspendByHand'>['input'];

/**
 * Finance or a platform admin stops a namespace by hand (MANUAL), with a reason: the hold, the
 * suspension job and the audit record are written in one transaction, so none goes without the
 * others. The suspension queue carries it out; a namespace held already changes nothing, and
 * its second request is not audited.
 */
@Injectable()
export class SuspendByHand {
  constructor(
    private readonly rpc: RpcClient,
    private readonly holds: ManualHoldRepository,
  ) {}

  async execute({ principal, input }: Authenticated<SuspendInput>): Promise<WorkspaceView> {
    if (!isFinanceStaff(principal)) {
      throw forbidden('Only finance staff and platform admins may suspend a namespace by hand');
    }
    const reason = personReason(input.reason);
    const workspace = await workspaceNamed(this.rpc, input.namespace);
    const actor = actorOf(principal);
    const hold: ManualHold = {
      namespace: workspace.namespace,
      tenantId: workspace.tenantId,
      walletId: workspace.walletId,
      reason,
      actor,
      since: new Date(),
    };
    const requestId = currentRequestId() ?? null;
    await this.holds.hold(
      hold,
      manualEvents(ManualTopic.Suspend, hold, { actor, reason, requestId }),
    );
    return workspace;
  }
}
