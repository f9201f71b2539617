import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput } from '@tally/errors';
import { isNamespaceName } from '@tally/kube';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { assertService } from '../metering-access';
import { NamespaceInspector } from './namespace-inspector';

@Controller()
export class NamespacesController {
  constructor(private readonly inspector: NamespaceInspector) {}

  @MessagePattern('metering.namespaces.inspect')
  inspect(
    @RpcData() { principal, input }: RpcRequest<'metering.namespaces.inspect'>,
  ): Promise<RpcResponse<'metering.namespaces.inspect'>> {
    assertService(principal);
    if (!isNamespaceName(input.namespace)) {
      throw badInput('namespace must be a DNS-1123 label', { reason: 'BAD_NAMESPACE' });
    }
    return this.inspector.inspect(input.namespace);
  }
}
