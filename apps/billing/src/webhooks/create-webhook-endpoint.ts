import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import { isOutboundEventType } from '@tally/queue';
import {
  principalName,
  type Authenticated,
  type RpcRequest,
  type RpcResponse,
} from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { isUuid } from '../access/uuid';
import { assertResolvesPublic } from './resolve-target';
import { WebhookRepository } from './webhook.repository';
import { WebhookSettings } from './webhook-settings';
import { parseWebhookUrl } from './webhook-target';

type CreateInput = RpcRequest<'billing.webhooks.create'>['input'];

const SECRET = /^[\x21-\x7e]{24,200}$/;

/**
 * Registers an integrator's endpoint for a tenant (owners and admins). The URL must reach a
 * public address now (and is checked again at every delivery). The signing secret is the
 * caller's or a new random one, and is answered this once.
 */
@Injectable()
export class CreateWebhookEndpoint {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly access: TenantAccessClient,
    private readonly settings: WebhookSettings,
  ) {}

  async execute({
    principal,
    input,
  }: Authenticated<CreateInput>): Promise<RpcResponse<'billing.webhooks.create'>> {
    if (!isUuid(input.tenantId)) throw notFound('Tenant', input.tenantId);
    await this.access.assert(principal, input.tenantId, 'manage');

    const eventTypes = [...new Set(input.eventTypes)];
    if (eventTypes.length === 0 || !eventTypes.every(isOutboundEventType)) {
      throw badInput('eventTypes must name at least one known event type', {
        reason: 'BAD_EVENT_TYPES',
      });
    }
    if (input.secret !== undefined && !SECRET.test(input.secret)) {
      throw badInput('secret must be 24 to 200 printable characters', { reason: 'BAD_SECRET' });
    }
    const url = parseWebhookUrl(input.url.trim(), this.settings.allow);
    await assertResolvesPublic(url, this.settings.allow);

    const secret = input.secret ?? `whsec_${randomBytes(32).toString('hex')}`;
    const endpoint = await this.webhooks.create({
      tenantId: input.tenantId,
      url: url.toString(),
      eventTypes,
      secret,
      createdBy: principalName(principal),
    });
    return { endpoint, secret };
  }
}
