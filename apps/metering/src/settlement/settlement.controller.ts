import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { assertPlatformAdmin } from '../metering-access';
import { SettleHour } from './settle-hour';

@Controller()
export class SettlementController {
  constructor(private readonly settleHour: SettleHour) {}

  @MessagePattern('metering.settlement.settleHour')
  settle(
    @RpcData() { principal, input }: RpcRequest<'metering.settlement.settleHour'>,
  ): Promise<RpcResponse<'metering.settlement.settleHour'>> {
    const admin = assertPlatformAdmin(principal);
    return this.settleHour.execute(new Date(input.hour), 'admin', admin);
  }
}
