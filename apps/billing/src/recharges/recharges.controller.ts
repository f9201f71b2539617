import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { ReceiveStripeEvent } from './receive-stripe-event';
import { RechargeById } from './recharge-by-id';
import { StartRecharge } from './start-recharge';

@Controller()
export class RechargesController {
  constructor(
    private readonly startRecharge: StartRecharge,
    private readonly rechargeById: RechargeById,
    private readonly receiveEvent: ReceiveStripeEvent,
  ) {}

  @MessagePattern('billing.recharges.start')
  start(@RpcData() request: RpcRequest<'billing.recharges.start'>) {
    return this.startRecharge.execute(request);
  }

  @MessagePattern('billing.recharges.byId')
  byId(@RpcData() request: RpcRequest<'billing.recharges.byId'>) {
    return this.rechargeById.execute(request);
  }

  @MessagePattern('billing.stripe.receive')
  receive(@RpcData() request: RpcRequest<'billing.stripe.receive'>) {
    return this.receiveEvent.execute(request.event);
  }
}
