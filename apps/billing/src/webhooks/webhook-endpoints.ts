import { Injectable } from '@nestjs/common';
import { badInput, DomainError, ErrorCode, notFound } from '@tally/errors';
import type {
  Authenticated,
  Principal,
  WebhookDeliveriesPage,
  WebhookEndpointView,
} from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { isUuid } from '../access/uuid';
import { WebhookRepository } from './webhook.repository';

const MAX_PAGE_SIZE = 100;

/**
 * Listing, deleting and reading the delivery log of endpoints. Endpoints and their logs are
 * for the tenant's owners and admins; another tenant's endpoint is NOT_FOUND, as a missing one.
 */
@Injectable()
export class WebhookEndpoints {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly access: TenantAccessClient,
  ) {}

  async byTenant({
    principal,
    input,
  }: Authenticated<{ tenantId: string }>): Promise<WebhookEndpointView[]> {
    if (!isUuid(input.tenantId)) throw notFound('Tenant', input.tenantId);
    await this.access.assert(principal, input.tenantId, 'manage');
    return this.webhooks.byTenant(input.tenantId);
  }

  async delete({ principal, input }: Authenticated<{ id: string }>): Promise<WebhookEndpointView> {
    const endpoint = await this.managed(principal, input.id);
    await this.webhooks.markDeleted(endpoint.id);
    return endpoint;
  }

  async deliveries({
    principal,
    input,
  }: Authenticated<{
    endpointId: string;
    first: number;
    after: string | null;
  }>): Promise<WebhookDeliveriesPage> {
    const endpoint = await this.managed(principal, input.endpointId);
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_PAGE_SIZE) {
      throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { reason: 'BAD_PAGE_SIZE' });
    }
    if (input.after !== null && !/^\d{1,19}$/.test(input.after)) {
      throw badInput('after is not a cursor this API returned', { reason: 'BAD_CURSOR' });
    }
    return this.webhooks.deliveriesPage(
      endpoint.id,
      input.first,
      input.after === null ? null : BigInt(input.after),
    );
  }

  private async managed(principal: Principal, id: string): Promise<WebhookEndpointView> {
    const endpoint = isUuid(id) ? await this.webhooks.byId(id) : null;
    if (endpoint === null) throw notFound('WebhookEndpoint', id);
    try {
      await this.access.assert(principal, endpoint.tenantId, 'manage');
    } catch (error) {
      // Someone without standing in the tenant must not learn the endpoint exists.
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
        throw notFound('WebhookEndpoint', id);
      }
      throw error;
    }
    return endpoint;
  }
}
