import { getQueueToken } from '@nestjs/bullmq';
import { FactoryProvider } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { outboundEventRoutes, OutboxRelay, OutboxRoutes, QueueName } from '@tally/queue';
import type { Queue } from 'bullmq';

/** Where billing's events go: outbound events (recharges, invoices) to its own fan-out. */
export const billingOutboxRoutes: OutboxRoutes = { ...outboundEventRoutes };

export const billingOutboxRelay: FactoryProvider<OutboxRelay> = {
  provide: OutboxRelay,
  useFactory: (prisma: PrismaService, outboundEvents: Queue) =>
    new OutboxRelay(prisma, {
      schema: 'billing',
      routes: billingOutboxRoutes,
      queues: new Map([[QueueName.OutboundEvents, outboundEvents]]),
    }),
  inject: [PrismaService, getQueueToken(QueueName.OutboundEvents)],
};
