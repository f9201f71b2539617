import { OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

export interface PrismaOptions {
  readonly databaseUrl: string;
  /** Most connections this process opens. */
  readonly poolMax?: number;
}

/**
 * Prisma's engine-free client on node-postgres. Only repositories use it; services and
 * resolvers never import it.
 */
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(options: PrismaOptions) {
    super({
      adapter: new PrismaPg({ connectionString: options.databaseUrl, max: options.poolMax ?? 10 }),
    });
  }

  /** Resolves once Postgres answers `SELECT 1`; rejects after `timeoutMs`. */
  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`postgres did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.$queryRaw`SELECT 1`, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
