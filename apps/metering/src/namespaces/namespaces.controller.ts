import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput } from '@tally/errors';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { assertService } from '../metering-access';
import { NamespaceInspector } from './namespace-inspector';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

@Controller()
export class NamespacesController {
  constructor(private readonly inspector: NamespaceInspector) {}

  @MessagePattern('metering.namespaces.inspect')
  inspect(
    @RpcData() { principal, input }: RpcRequest<'metering.namespaces.inspect'>,
  ): Promise<RpcResponse<'metering.namespaces.inspect'>> {
    assertService(principal);
    if (!DNS1123_LABEL.test(input.namespace)) {
      throw badInput('namespace must be a DNS-1123 label', { reason: 'BAD_NAMESPACE' });
    }
    return this.inspector.inspect(input.namespace);
  }
}
