import { Processor, WorkerHost } from '@nestjs/bullmq';
import { parseWireMicros } from '@tally/money';
import { QueueName, type OutboxEvent } from '@tally/queue';
import type { AuditRecordMessage } from '@tally/transport';
import type { Job } from 'bullmq';
import { AuditRepository } from './audit.repository';

/**
 * Writes the audit records of actions other services took (billing's refunds and invoices,
 * metering's manual suspensions), which reach here through their outbox: at least once, so
 * the record's actionKey makes a redelivery write nothing more.
 */
@Processor(QueueName.AuditTrail)
export class AuditTrailProcessor extends WorkerHost {
  constructor(private readonly audit: AuditRepository) {
    super();
  }

  async process(job: Job<OutboxEvent<AuditRecordMessage>>): Promise<void> {
    const message = job.data.payload;
    await this.audit.record({
      actionKey: message.actionKey,
      kind: message.kind,
      actor: { type: message.actorType, id: message.actorId ?? undefined },
      requestId: message.requestId,
      tenantId: message.tenantId,
      target: { type: message.targetType, id: message.targetId },
      reason: message.reason,
      amount:
        message.amountMicros === null || message.currency === null
          ? null
          : { micros: parseWireMicros(message.amountMicros), currency: message.currency },
      transactionId: message.transactionId,
    });
  }
}
