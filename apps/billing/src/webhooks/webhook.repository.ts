import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryStatus, WebhookEndpoint } from '@prisma/client';
import { PrismaService } from '@tally/prisma';
import type { EventOrder, OutboundEvent } from '@tally/queue';
import type {
  WebhookDeliveriesPage,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '@tally/transport';

export interface NewEndpoint {
  readonly tenantId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly secret: string;
  readonly createdBy: string;
}

export interface DeliveryToSend {
  readonly id: bigint;
  readonly eventId: string;
  readonly body: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly endpointId: string;
  readonly endpoint: { url: string; secret: string; deletedAt: Date | null };
  /** The event's place in its sequence (see OutboundEvent.order), if it has one. */
  readonly order: EventOrder | null;
}

export interface AttemptRecord {
  readonly attempt: number;
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

/**
 * The deliveries side, as DeliverWebhook uses it (injected as WebhookRepository), so that its
 * spec's mock, in libs/testing, is checked against it by the compiler.
 */
export interface IWebhookDeliveries {
  deliveryToSend(id: bigint): Promise<DeliveryToSend | null>;
  recordAttempt(
    deliveryId: bigint,
    attempt: AttemptRecord,
    outcome: WebhookDeliveryStatus,
  ): Promise<void>;
  markSuperseded(deliveryId: bigint): Promise<void>;
}

/** Endpoints, deliveries and their attempts. Every read takes the endpoint or tenant scope. */
@Injectable()
export class WebhookRepository implements IWebhookDeliveries {
  constructor(private readonly prisma: PrismaService) {}

  async create(endpoint: NewEndpoint): Promise<WebhookEndpointView> {
    return toEndpointView(
      await this.prisma.webhookEndpoint.create({
        data: { ...endpoint, eventTypes: [...endpoint.eventTypes] },
      }),
    );
  }

  /** A live (not deleted) endpoint. */
  async byId(id: string): Promise<WebhookEndpointView | null> {
    const row = await this.prisma.webhookEndpoint.findFirst({ where: { id, deletedAt: null } });
    return row && toEndpointView(row);
  }

  async byTenant(tenantId: string): Promise<WebhookEndpointView[]> {
    const rows = await this.prisma.webhookEndpoint.findMany({
      where: { tenantId, deletedAt: null },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toEndpointView);
  }

  /** Deleted endpoints keep their delivery log; they just receive nothing more. */
  async markDeleted(id: string): Promise<void> {
    await this.prisma.webhookEndpoint.updateMany({
      where: { id, deletedAt: null },
      data: { deletedAt: new Date() },
    });
  }

  /**
   * The live endpoints of these tenants, each with the event types it is subscribed to. Asked
   * for every batch of outbound events, so a prepared statement rather than a Prisma query
   * (whose planning costs more CPU than the query itself).
   */
  async liveEndpoints(
    tenantIds: readonly string[],
  ): Promise<Map<string, { id: string; eventTypes: string[] }[]>> {
    const { rows } = await this.prisma.pool.query<{
      id: string;
      tenantId: string;
      eventTypes: string[];
    }>({
      name: 'live_webhook_endpoints',
      text: `SELECT id, tenant_id AS "tenantId", event_types AS "eventTypes"
               FROM billing.webhook_endpoints
              WHERE tenant_id = ANY ($1::uuid[]) AND deleted_at IS NULL`,
      values: [tenantIds],
    });
    const byTenant = new Map<string, { id: string; eventTypes: string[] }[]>();
    for (const { tenantId, ...endpoint } of rows) {
      const endpoints = byTenant.get(tenantId) ?? [];
      endpoints.push(endpoint);
      byTenant.set(tenantId, endpoints);
    }
    return byTenant;
  }

  /**
   * One delivery per (endpoint, event), stored once: a re-sent event finds its deliveries
   * already there. Answers the delivery ids by endpoint.
   */
  async createDeliveries(
    event: OutboundEvent,
    endpointIds: readonly string[],
    body: string,
  ): Promise<Map<string, bigint>> {
    await this.prisma.webhookDelivery.createMany({
      data: endpointIds.map((endpointId) => ({
        endpointId,
        eventId: event.id,
        eventType: event.type,
        body,
        orderKey: event.order?.key,
        sequence: event.order?.sequence,
      })),
      skipDuplicates: true,
    });
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { eventId: event.id, endpointId: { in: [...endpointIds] } },
      select: { id: true, endpointId: true },
    });
    return new Map(rows.map((row) => [row.endpointId, row.id]));
  }

  async deliveryToSend(id: bigint): Promise<DeliveryToSend | null> {
    const row = await this.prisma.webhookDelivery.findUnique({
      where: { id },
      include: {
        endpoint: { select: { url: true, secret: true, deletedAt: true } },
        _count: { select: { attempts: true } },
      },
    });
    return (
      row && {
        id: row.id,
        eventId: row.eventId,
        body: row.body,
        status: row.status,
        attempts: row._count.attempts,
        createdAt: row.createdAt,
        endpointId: row.endpointId,
        endpoint: row.endpoint,
        order:
          row.orderKey === null || row.sequence === null
            ? null
            : { key: row.orderKey, sequence: row.sequence },
      }
    );
  }

  /** Settles a delivery without sending it: the endpoint already has a later event of its sequence. */
  async markSuperseded(deliveryId: bigint): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({
      where: { id: deliveryId, status: 'PENDING' },
      data: { status: 'SUPERSEDED', finishedAt: new Date() },
    });
  }

  /** Logs an attempt and, when it settles the delivery, its final status, together. */
  async recordAttempt(
    deliveryId: bigint,
    attempt: AttemptRecord,
    outcome: WebhookDeliveryStatus,
  ): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.webhookDeliveryAttempt.create({ data: { deliveryId, ...attempt } }),
      this.prisma.webhookDelivery.update({
        where: { id: deliveryId },
        data: { status: outcome, finishedAt: outcome === 'PENDING' ? null : new Date() },
      }),
    ]);
  }

  async deliveriesPage(
    endpointId: string,
    first: number,
    afterId: bigint | null,
  ): Promise<WebhookDeliveriesPage> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { endpointId, ...(afterId === null ? {} : { id: { lt: afterId } }) },
      orderBy: { id: 'desc' },
      take: first + 1,
      include: { attempts: { orderBy: { id: 'asc' } } },
    });
    const page = rows.slice(0, first);
    return {
      deliveries: page.map((row): WebhookDeliveryView => ({
        id: row.id.toString(),
        eventId: row.eventId,
        eventType: row.eventType,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
        finishedAt: row.finishedAt?.toISOString() ?? null,
        attempts: row.attempts.map((a) => ({
          attempt: a.attempt,
          statusCode: a.statusCode,
          durationMs: a.durationMs,
          error: a.error,
          createdAt: a.createdAt.toISOString(),
        })),
      })),
      hasNextPage: rows.length > first,
      endCursor: page.length > 0 ? page[page.length - 1].id.toString() : null,
    };
  }
}

function toEndpointView(row: WebhookEndpoint): WebhookEndpointView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    url: row.url,
    eventTypes: row.eventTypes,
    createdAt: row.createdAt.toISOString(),
  };
}
