import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { isOutboundEventType, QueueName, type OutboundEvent, type OutboxEvent } from '@tally/queue';
import type { Job } from 'bullmq';
import { isUuid } from '../access/uuid';
import { FanOutEvent } from './fan-out-event';

/** Outbound events from every service's outbox (topic `outbound.event`), fanned out. */
@Processor(QueueName.OutboundEvents)
export class OutboundEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(OutboundEventsProcessor.name);

  constructor(private readonly fanOut: FanOutEvent) {
    super();
  }

  async process(job: Job<OutboxEvent<OutboundEvent>>): Promise<number> {
    const event = job.data.payload;
    if (!isOutboundEvent(event)) {
      // Retrying cannot fix a malformed event: log it and let the job complete.
      this.logger.error({ outboxEventId: job.data.eventId }, 'malformed outbound event dropped');
      return 0;
    }
    return this.fanOut.execute(event);
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
    event.data !== null
  );
}
