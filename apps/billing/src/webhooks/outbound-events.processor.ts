import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  eventsOf,
  isOutboundEventType,
  QueueName,
  type OutboundEvent,
  type OutboxBatch,
  type OutboxEvent,
} from '@tally/queue';
import type { Job } from 'bullmq';
import { isUuid } from '../access/uuid';
import { FanOutEvent } from './fan-out-event';

/**
 * Outbound events from every service's outbox (topic `outbound.event`), a relay batch per
 * job, fanned out together. Fanning out again is harmless (deliveries are stored once, and
 * their job ids are the event's and the endpoint's), so a failed batch is simply retried.
 */
@Processor(QueueName.OutboundEvents)
export class OutboundEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(OutboundEventsProcessor.name);

  constructor(private readonly fanOut: FanOutEvent) {
    super();
  }

  /** Answers how many deliveries the batch made. */
  async process(
    job: Job<OutboxBatch<OutboundEvent> | OutboxEvent<OutboundEvent>>,
  ): Promise<number> {
    const events: OutboundEvent[] = [];
    for (const { eventId, payload } of eventsOf(job.data)) {
      // Retrying cannot fix a malformed event: log it and go on with the others.
      if (isOutboundEvent(payload)) events.push(payload);
      else this.logger.error({ outboxEventId: eventId }, 'malformed outbound event dropped');
    }
    return this.fanOut.execute(events);
  }
}

function isOutboundEvent(value: unknown): value is OutboundEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    typeof event.id === 'string' &&
    isUuid(event.id) &&
    typeof event.tenantId === 'string' &&
    isUuid(event.tenantId) &&
    isOutboundEventType(event.type) &&
    typeof event.occurredAt === 'string' &&
    typeof event.data === 'object' &&
    event.data !== null &&
    (event.order === undefined || isOrder(event.order))
  );
}

function isOrder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const order = value as Record<string, unknown>;
  return (
    typeof order.key === 'string' &&
    typeof order.sequence === 'number' &&
    Number.isSafeInteger(order.sequence) &&
    order.sequence > 0
  );
}
