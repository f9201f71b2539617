import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QueueName, SequenceGate, type OutboundEvent } from '@tally/queue';
import type { Queue } from 'bullmq';
import { sequenceKey } from './deliver-webhook';
import { WebhookRepository } from './webhook.repository';
import { WEBHOOK_BACKOFF, type WebhookDeliveryJob } from './webhook-deliveries.worker';
import { WebhookSettings } from './webhook-settings';

/**
 * Outbound events to every endpoint of their tenant subscribed to their type: one stored
 * delivery and one job each. The job id is event id + endpoint id, so an event the outbox
 * relay sends twice is delivered once.
 */
@Injectable()
export class FanOutEvent {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly settings: WebhookSettings,
    @InjectQueue(QueueName.WebhookDeliveries)
    private readonly deliveries: Queue<WebhookDeliveryJob>,
    private readonly gate: SequenceGate,
  ) {}

  /** Answers how many deliveries it made. */
  async execute(events: readonly OutboundEvent[]): Promise<number> {
    const endpoints = await this.webhooks.liveEndpoints([
      ...new Set(events.map((e) => e.tenantId)),
    ]);
    let deliveries = 0;
    for (const event of events) {
      const subscribed = (endpoints.get(event.tenantId) ?? []).filter((endpoint) =>
        endpoint.eventTypes.includes(event.type),
      );
      if (subscribed.length > 0) deliveries += await this.deliver(event, subscribed);
    }
    return deliveries;
  }

  private async deliver(
    event: OutboundEvent,
    endpoints: readonly { id: string }[],
  ): Promise<number> {
    // The exact bytes every endpoint receives and every attempt signs.
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      tenantId: event.tenantId,
      occurredAt: event.occurredAt,
      data: event.data,
    });
    const ids = await this.webhooks.createDeliveries(
      event,
      endpoints.map((e) => e.id),
      body,
    );
    const { order } = event;
    if (order !== undefined) {
      // An endpoint's first event of a sequence starts it there: the ones before were never
      // its to receive (it subscribed later), so nothing waits for them.
      await this.gate.begin(
        endpoints.map((endpoint) => sequenceKey(endpoint.id, order.key)),
        endpoints.map(() => order.sequence),
      );
    }
    await this.deliveries.addBulk(
      [...ids].map(([endpointId, deliveryId]) => ({
        name: event.type,
        data: { deliveryId: deliveryId.toString() },
        opts: {
          jobId: `${event.id}_${endpointId}`,
          attempts: this.settings.attempts,
          backoff: { type: WEBHOOK_BACKOFF },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      })),
    );
    return ids.size;
  }
}
