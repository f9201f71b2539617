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
import { manualEvents, ManualTopic } from './manual-hold-events';
import { ManualHoldRepository } from './manual-hold.repository';
import { workspaceNamed } from './manual-workspace';

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

  async execute({ principal, input }: Authenticated<ResumeInput>): Promise<WorkspaceView> {
    if (!isFinanceStaff(principal)) {
      throw forbidden('Only finance staff and platform admins may resume a namespace by hand');
    }
    const reason = personReason(input.reason);
    const workspace = await workspaceNamed(this.rpc, input.namespace);
    const hold = await this.holds.of(workspace.namespace);
    if (hold === null) return workspace;
    const by = { actor: actorOf(principal), reason, requestId: currentRequestId() ?? null };
    await this.holds.release(hold, manualEvents(ManualTopic.Resume, hold, by));
    return workspace;
  }
}
