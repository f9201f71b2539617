import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  RpcClient,
  RpcData,
  type RpcRequest,
  type RpcResponse,
  type SuspensionReason,
} from '@tally/transport';
import { isSuspended } from '../debt/debt-policy';
import { DebtRepository } from '../debt/debt.repository';
import { ManualHoldRepository } from '../manual-holds/manual-hold.repository';
import { SpendingCapRepository } from './spending-cap.repository';

@Controller()
export class SpendingCapsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly debts: DebtRepository,
    private readonly caps: SpendingCapRepository,
    private readonly manualHolds: ManualHoldRepository,
  ) {}

  @MessagePattern('metering.workspaces.suspensionReasons')
  async suspensionReasons(
    @RpcData() { principal, input }: RpcRequest<'metering.workspaces.suspensionReasons'>,
  ): Promise<RpcResponse<'metering.workspaces.suspensionReasons'>> {
    // The account service decides whether the caller may see the workspace.
    const workspace = await this.rpc.send('account.workspaces.byNamespace', {
      principal,
      input: { namespace: input.namespace },
    });
    if (workspace === null) return null;
    const [debt, holds, byHand] = await Promise.all([
      this.debts.currentState(workspace.walletId),
      this.caps.holdsOn([workspace.namespace]),
      this.manualHolds.heldAmong([workspace.namespace]),
    ]);
    const reasons: SuspensionReason[] = [];
    if (isSuspended(debt)) reasons.push('DEBT');
    if (holds.length > 0) reasons.push('SPENDING_CAP');
    if (byHand.size > 0) reasons.push('MANUAL');
    return reasons;
  }
}
