import { Injectable } from '@nestjs/common';
import {
  RpcClient,
  type Authenticated,
  type RpcRequest,
  type WorkspaceView,
} from '@tally/transport';
import { manualEvents, ManualTopic } from './manual-hold-events';
import { ManualHoldRepository } from './manual-hold.repository';
import { namespaceActedOn } from './manual-workspace';

type ResumeInput = RpcRequest<'metering.namespaces.resumeByHand'>['input'];

/**
 * Finance or a platform admin lifts a manual suspension, with a reason: the release, the
 * resume job and the audit record in one transaction. Only MANUAL goes: a namespace its debt or
 * a spending cap holds stays suspended (the suspension processor checks). Lifting no hold
 * changes nothing and is not audited.
 */
@Injectable()
export class ResumeByHand {
  constructor(
    private readonly rpc: RpcClient,
    private readonly holds: ManualHoldRepository,
  ) {}

  async execute(request: Authenticated<ResumeInput>): Promise<WorkspaceView> {
    const { workspace, by } = await namespaceActedOn(this.rpc, 'resume', request);
    const hold = await this.holds.of(workspace.namespace);
    if (hold === null) return workspace;
    await this.holds.release(hold, manualEvents(ManualTopic.Resume, hold, by));
    return workspace;
  }
}
