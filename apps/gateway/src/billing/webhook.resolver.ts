import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal, type WebhookEndpointView } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall, servicePage } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import {
  CreateWebhookEndpointInput,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from './webhook.models';

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly reads: RequestReadsFactory,
  ) {}

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'Owners and admins. Events are POSTed signed (see README, "Outbound webhooks").',
    complexity: serviceCall(),
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

  @Mutation(() => WebhookEndpoint, {
    description: 'Stops deliveries; the log is kept.',
    complexity: serviceCall(),
  })
  async deleteWebhookEndpoint(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookEndpoint> {
    return toEndpoint(await this.rpc.send('billing.webhooks.delete', { principal, input: { id } }));
  }

  // Billing asks account whether the caller may manage the tenant: two calls.
  @Query(() => [WebhookEndpoint], { complexity: serviceCall(2) })
  async webhookEndpoints(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<WebhookEndpoint[]> {
    const views = await this.reads.for(req, principal).send('billing.webhooks.byTenant', {
      tenantId,
    });
    return views.map(toEndpoint);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: 'Newest first, every attempt included.',
    complexity: servicePage(20),
  })
  async webhookDeliveries(
    @Args('endpointId', { type: () => ID }) endpointId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<WebhookDeliveryConnection> {
    const page = await this.reads
      .for(req, principal)
      .send('billing.webhooks.deliveries', { endpointId, first, after: after ?? null });
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
