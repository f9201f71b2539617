import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal, type WebhookEndpointView } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import {
  CreateWebhookEndpointInput,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from './webhook.models';

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'Owners and admins. Events are POSTed signed (see README, "Outbound webhooks").',
  })
  async createWebhookEndpoint(
    @Args('input') input: CreateWebhookEndpointInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookEndpointWithSecret> {
    const created = await this.rpc.send('billing.webhooks.create', {
      principal,
      input: {
        tenantId: input.tenantId,
        url: input.url,
        eventTypes: input.eventTypes,
        ...(input.secret == null ? {} : { secret: input.secret }),
      },
    });
    return { endpoint: toEndpoint(created.endpoint), secret: created.secret };
  }

  @Mutation(() => WebhookEndpoint, { description: 'Stops deliveries; the log is kept.' })
  async deleteWebhookEndpoint(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookEndpoint> {
    return toEndpoint(await this.rpc.send('billing.webhooks.delete', { principal, input: { id } }));
  }

  @Query(() => [WebhookEndpoint])
  async webhookEndpoints(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookEndpoint[]> {
    const views = await this.rpc.send('billing.webhooks.byTenant', {
      principal,
      input: { tenantId },
    });
    return views.map(toEndpoint);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'Newest first, every attempt included.' })
  async webhookDeliveries(
    @Args('endpointId', { type: () => ID }) endpointId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookDeliveryConnection> {
    const page = await this.rpc.send('billing.webhooks.deliveries', {
      principal,
      input: { endpointId, first, after: after ?? null },
    });
    return {
      edges: page.deliveries.map((d) => ({
        cursor: d.id,
        node: {
          ...d,
          createdAt: new Date(d.createdAt),
          finishedAt: d.finishedAt === null ? null : new Date(d.finishedAt),
          attempts: d.attempts.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
        },
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}

const toEndpoint = (view: WebhookEndpointView): WebhookEndpoint => ({
  ...view,
  eventTypes: [...view.eventTypes],
  createdAt: new Date(view.createdAt),
});
