import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { ListDebtBoard } from './list-debt-board';

@Controller()
export class DebtBoardController {
  constructor(private readonly listDebtBoard: ListDebtBoard) {}

  @MessagePattern('metering.debt.board')
  board(@RpcData() request: RpcRequest<'metering.debt.board'>) {
    return this.listDebtBoard.execute(request);
  }
}
