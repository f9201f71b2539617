import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { ResumeByHand } from './resume-by-hand';
import { SuspendByHand } from './suspend-by-hand';

@Controller()
export class ManualHoldsController {
  constructor(
    private readonly suspendByHand: SuspendByHand,
    private readonly resumeByHand: ResumeByHand,
  ) {}

  @MessagePattern('metering.namespaces.suspendByHand')
  suspend(@RpcData() request: RpcRequest<'metering.namespaces.suspendByHand'>) {
    return this.suspendByHand.execute(request);
  }

  @MessagePattern('metering.namespaces.resumeByHand')
  resume(@RpcData() request: RpcRequest<'metering.namespaces.resumeByHand'>) {
    return this.resumeByHand.execute(request);
  }
}
