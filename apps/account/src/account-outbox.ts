import { FactoryProvider } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { getQueueToken } from '@nestjs/bullmq';
import { OutboxRelay, OutboxRoutes, QueueName } from '@tally/queue';
import type { Queue } from 'bullmq';

/**
 * Where the account service's events go: `ledger.changed` (wallet id, new balance) wakes the
 * debt controller in metering, which re-evaluates the wallet.
 */
export const accountOutboxRoutes: OutboxRoutes = {
  'ledger.changed': [QueueName.DebtEvaluation],
};

export const accountOutboxRelay: FactoryProvider<OutboxRelay> = {
  provide: OutboxRelay,
  useFactory: (prisma: PrismaService, debtEvaluation: Queue) =>
    new OutboxRelay(prisma, {
      schema: 'account',
      routes: accountOutboxRoutes,
      queues: new Map([[QueueName.DebtEvaluation, debtEvaluation]]),
    }),
  inject: [PrismaService, getQueueToken(QueueName.DebtEvaluation)],
};
