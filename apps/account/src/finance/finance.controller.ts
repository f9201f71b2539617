import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { GetFinanceOverview } from './get-finance-overview';

@Controller()
export class FinanceController {
  constructor(private readonly getOverview: GetFinanceOverview) {}

  @MessagePattern('account.finance.overview')
  overview(@RpcData() request: RpcRequest<'account.finance.overview'>) {
    return this.getOverview.execute(request);
  }
}
