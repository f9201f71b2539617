import { FactoryProvider } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { OutboxRelay, OutboxRoutes } from '@tally/queue';

/**
 * Where the account service's events go. `ledger.changed` (wallet id, new balance) is to
 * feed the debt controller's queue once metering consumes it; until then it has no route,
 * so the relay marks it published and it stays in `account.outbox` only as history.
 */
export const accountOutboxRoutes: OutboxRoutes = {
  'ledger.changed': [],
};

export const accountOutboxRelay: FactoryProvider<OutboxRelay> = {
  provide: OutboxRelay,
  useFactory: (prisma: PrismaService) =>
    new OutboxRelay(prisma, { schema: 'account', routes: accountOutboxRoutes, queues: new Map() }),
  inject: [PrismaService],
};
