import { Injectable } from '@nestjs/common';
import {
  RpcClient,
  type Authenticated,
  type RpcRequest,
  type WorkspaceView,
} from '@tally/transport';
import { manualEvents, ManualTopic, type ManualHold } from './manual-hold-events';
import { ManualHoldRepository } from './manual-hold.repository';
import { namespaceActedOn } from './manual-workspace';

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

  async execute(request: Authenticated<SuspendInput>): Promise<WorkspaceView> {
    const { workspace, by } = await namespaceActedOn(this.rpc, 'suspend', request);
    const hold: ManualHold = {
      namespace: workspace.namespace,
      tenantId: workspace.tenantId,
      walletId: workspace.walletId,
      reason: by.reason,
      actor: by.actor,
      since: new Date(),
    };
    await this.holds.hold(hold, manualEvents(ManualTopic.Suspend, hold, by));
    return workspace;
  }
}
