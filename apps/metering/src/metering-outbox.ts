import { getQueueToken } from '@nestjs/bullmq';
import { FactoryProvider } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import {
  AUDIT_RECORD_TOPIC,
  outboundEventRoutes,
  OutboxRelay,
  OutboxRoutes,
  QueueName,
} from '@tally/queue';
import type { Queue } from 'bullmq';
import { AlertTopic } from './alerts/alert-events';
import { DebtTopic } from './debt/debt-events';
import { ManualTopic } from './manual-holds/manual-hold-events';
import { SpendingCapTopic } from './spending-caps/spending-cap-events';

/** Where metering's events go. */
export const meteringOutboxRoutes: OutboxRoutes = {
  [DebtTopic.SuspendWallet]: [QueueName.Suspension],
  [DebtTopic.ResumeWallet]: [QueueName.Suspension],
  [DebtTopic.ReclaimWallet]: [QueueName.Suspension],
  [DebtTopic.Notify]: [QueueName.Notifications],
  [AlertTopic.Notify]: [QueueName.Notifications],
  [SpendingCapTopic.Suspend]: [QueueName.Suspension],
  [SpendingCapTopic.Resume]: [QueueName.Suspension],
  [SpendingCapTopic.Notify]: [QueueName.Notifications],
  [ManualTopic.Suspend]: [QueueName.Suspension],
  [ManualTopic.Resume]: [QueueName.Suspension],
  [AUDIT_RECORD_TOPIC]: [QueueName.AuditTrail],
  ...outboundEventRoutes,
};

export const meteringOutboxRelay: FactoryProvider<OutboxRelay> = {
  provide: OutboxRelay,
  useFactory: (
    prisma: PrismaService,
    suspension: Queue,
    notifications: Queue,
    outbound: Queue,
    auditTrail: Queue,
  ) =>
    new OutboxRelay(prisma, {
      schema: 'metering',
      routes: meteringOutboxRoutes,
      queues: new Map([
        [QueueName.Suspension, suspension],
        [QueueName.Notifications, notifications],
        [QueueName.OutboundEvents, outbound],
        [QueueName.AuditTrail, auditTrail],
      ]),
    }),
  inject: [
    PrismaService,
    getQueueToken(QueueName.Suspension),
    getQueueToken(QueueName.Notifications),
    getQueueToken(QueueName.OutboundEvents),
    getQueueToken(QueueName.AuditTrail),
  ],
};
