import { FactoryProvider } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { getQueueToken } from '@nestjs/bullmq';
import { OutboxRelay, OutboxRoutes, QueueName } from '@tally/queue';
import type { Queue } from 'bullmq';
import { SPENDING_CAP_CHANGED } from './spending-caps/spending-cap.repository';

/**
 * Where the account service's events go: `ledger.changed` (wallet id, new balance) wakes the
 * debt controller in metering, which re-evaluates the wallet; so does `spendingCap.changed`
 * (wallet id), which also re-evaluates the wallet's spending caps.
 */
export const accountOutboxRoutes: OutboxRoutes = {
  'ledger.changed': [QueueName.DebtEvaluation],
  [SPENDING_CAP_CHANGED]: [QueueName.DebtEvaluation],
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
