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

/**
 * Where billing's events go: received Stripe events to their processor, outbound events
 * (recharges, invoices) to its own fan-out, actions by a person to account's audit trail.
 */
export const billingOutboxRoutes: OutboxRoutes = {
  'stripe.event': [QueueName.StripeEvents],
  [AUDIT_RECORD_TOPIC]: [QueueName.AuditTrail],
  ...outboundEventRoutes,
};

export const billingOutboxRelay: FactoryProvider<OutboxRelay> = {
  provide: OutboxRelay,
  useFactory: (
    prisma: PrismaService,
    outboundEvents: Queue,
    stripeEvents: Queue,
    auditTrail: Queue,
  ) =>
    new OutboxRelay(prisma, {
      schema: 'billing',
      routes: billingOutboxRoutes,
      queues: new Map([
        [QueueName.OutboundEvents, outboundEvents],
        [QueueName.StripeEvents, stripeEvents],
        [QueueName.AuditTrail, auditTrail],
      ]),
    }),
  inject: [
    PrismaService,
    getQueueToken(QueueName.OutboundEvents),
    getQueueToken(QueueName.StripeEvents),
    getQueueToken(QueueName.AuditTrail),
  ],
};
