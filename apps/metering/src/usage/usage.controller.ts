import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { assertService } from '../metering-access';
import { RecordSamples } from './record-samples';
import { UsageLines } from './usage-lines';

@Controller()
export class UsageController {
  constructor(
    private readonly recordSamples: RecordSamples,
    private readonly usageLines: UsageLines,
  ) {}

  @MessagePattern('metering.samples.record')
  async record(
    @RpcData() { principal, input }: RpcRequest<'metering.samples.record'>,
  ): Promise<RpcResponse<'metering.samples.record'>> {
    assertService(principal);
    return { received: await this.recordSamples.fromWire(input.source, input.samples) };
  }

  @MessagePattern('metering.samples.recordGap')
  async recordGap(
    @RpcData() { principal, input }: RpcRequest<'metering.samples.recordGap'>,
  ): Promise<RpcResponse<'metering.samples.recordGap'>> {
    assertService(principal);
    await this.recordSamples.gapFromWire(input);
    return { recorded: true };
  }

  @MessagePattern('metering.usage.lines')
  lines(@RpcData() request: RpcRequest<'metering.usage.lines'>) {
    return this.usageLines.execute(request);
  }
}
