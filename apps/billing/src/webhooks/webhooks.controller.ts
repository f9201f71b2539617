import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { CreateWebhookEndpoint } from './create-webhook-endpoint';
import { WebhookEndpoints } from './webhook-endpoints';

@Controller()
export class WebhooksController {
  constructor(
    private readonly createEndpoint: CreateWebhookEndpoint,
    private readonly endpoints: WebhookEndpoints,
  ) {}

  @MessagePattern('billing.webhooks.create')
  create(@RpcData() request: RpcRequest<'billing.webhooks.create'>) {
    return this.createEndpoint.execute(request);
  }

  @MessagePattern('billing.webhooks.delete')
  delete(@RpcData() request: RpcRequest<'billing.webhooks.delete'>) {
    return this.endpoints.delete(request);
  }

  @MessagePattern('billing.webhooks.byTenant')
  byTenant(@RpcData() request: RpcRequest<'billing.webhooks.byTenant'>) {
    return this.endpoints.byTenant(request);
  }

  @MessagePattern('billing.webhooks.deliveries')
  deliveries(@RpcData() request: RpcRequest<'billing.webhooks.deliveries'>) {
    return this.endpoints.deliveries(request);
  }
}
