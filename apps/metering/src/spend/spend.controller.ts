import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { DailySpend } from './daily-spend';

@Controller()
export class SpendController {
  constructor(private readonly dailySpend: DailySpend) {}

  @MessagePattern('metering.spend.daily')
  daily(
    @RpcData() request: RpcRequest<'metering.spend.daily'>,
  ): Promise<RpcResponse<'metering.spend.daily'>> {
    return this.dailySpend.execute(request);
  }
}
