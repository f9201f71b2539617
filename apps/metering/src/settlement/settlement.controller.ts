import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput } from '@tally/errors';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { assertPlatformAdmin, assertService } from '../metering-access';
import { SettleHour } from './settle-hour';
import { SettlementRepository } from './settlement.repository';

const HOUR_MS = 3_600_000;
const MAX_PROGRESS_HOURS = 31 * 24;

@Controller()
export class SettlementController {
  constructor(
    private readonly settleHour: SettleHour,
    private readonly settlements: SettlementRepository,
  ) {}

  @MessagePattern('metering.settlement.settleHour')
  settle(
    @RpcData() { principal, input }: RpcRequest<'metering.settlement.settleHour'>,
  ): Promise<RpcResponse<'metering.settlement.settleHour'>> {
    const admin = assertPlatformAdmin(principal);
    return this.settleHour.execute(new Date(input.hour), 'admin', admin);
  }

  @MessagePattern('metering.settlement.progress')
  async progress(
    @RpcData() { principal, input }: RpcRequest<'metering.settlement.progress'>,
  ): Promise<RpcResponse<'metering.settlement.progress'>> {
    assertService(principal);
    const from = new Date(input.from);
    const to = new Date(input.to);
    const hours = (to.getTime() - from.getTime()) / HOUR_MS;
    if (
      from.getTime() % HOUR_MS !== 0 ||
      to.getTime() % HOUR_MS !== 0 ||
      !(hours >= 1 && hours <= MAX_PROGRESS_HOURS)
    ) {
      throw badInput('from and to must be whole UTC hours, from 1 hour to 31 days apart', {
        reason: 'BAD_RANGE',
      });
    }
    const progress = await this.settlements.progress(from, to);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      settlingSince: progress.settlingSince?.toISOString() ?? null,
      hoursOwed: progress.hoursOwed,
      unsettledHours: progress.unsettledHours,
      firstUnsettledHour: progress.firstUnsettledHour?.toISOString() ?? null,
      lastPostedAt: progress.lastPostedAt?.toISOString() ?? null,
    };
  }
}
