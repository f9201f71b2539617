import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { assertService } from '../metering-access';
import { AccruePending } from './accrue-pending';
import { LiveBalances } from './live-balances';

@Controller()
export class PendingController {
  constructor(
    private readonly liveBalances: LiveBalances,
    private readonly accruePending: AccruePending,
  ) {}

  @MessagePattern('metering.workspaces.pending')
  async workspacePending(
    @RpcData() { principal, input }: RpcRequest<'metering.workspaces.pending'>,
  ): Promise<RpcResponse<'metering.workspaces.pending'>> {
    const figures = await this.liveBalances.ofNamespace(principal, input.namespace);
    return figures && { pendingMicros: toWireMicros(figures.pendingMicros) };
  }

  @MessagePattern('metering.pending.accrue')
  async accrue(
    @RpcData() { principal, input }: RpcRequest<'metering.pending.accrue'>,
  ): Promise<RpcResponse<'metering.pending.accrue'>> {
    assertService(principal);
    const at = new Date(input.at);
    if (Number.isNaN(at.getTime())) {
      throw badInput('at must be an instant', { reason: 'BAD_INSTANT' });
    }
    const accrual = await this.accruePending.execute(at);
    return {
      hours: accrual.hours.map((hour) => hour.toISOString()),
      unavailable: accrual.unavailable.map(({ hour, reason }) => ({
        hour: hour.toISOString(),
        reason,
      })),
      namespaces: accrual.namespaces,
    };
  }
}
