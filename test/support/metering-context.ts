import { randomInt, randomUUID } from 'node:crypto';
import { PrismaService } from '@tally/prisma';
import type { Resource } from '@tally/transport';
import type { MinuteSample, SampleSource } from '@tally/metering/usage/usage-sample';
import { UsageRepository } from '@tally/metering/usage/usage.repository';

const HOUR_MS = 3_600_000;

/**
 * Metering's ingest path wired by hand against the test database, with factories for the
 * samples and hours a test needs.
 */
export class MeteringContext {
  readonly usage: UsageRepository;

  private constructor(readonly prisma: PrismaService) {
    this.usage = new UsageRepository(prisma);
  }

  static create(databaseUrl = process.env.DATABASE_URL!): MeteringContext {
    return new MeteringContext(new PrismaService({ databaseUrl, poolMax: 4 }));
  }

  async close(): Promise<void> {
    await this.prisma.onApplicationShutdown();
  }

  record(samples: readonly MinuteSample[], source: SampleSource = 'prometheus') {
    return this.usage.record(source, samples);
  }

  /**
   * Marks an hour in the far future posted: the workers' own schedule then finds no hour due,
   * so a suite on a database of its own settles exactly the hours it asks for (and a hour it
   * delivers late stays unsettled, as if it had arrived in time).
   */
  async parkSettlementSchedule(): Promise<void> {
    await this.prisma.pool.query(
      `INSERT INTO metering.settled_hours (hour, source, price_books, posted_at)
       VALUES ('2999-01-01T00:00:00Z', 'prometheus', '[]', now()) ON CONFLICT DO NOTHING`,
    );
  }
}

/** A unique namespace name for one test. */
export function newNamespace(prefix = 'ns'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * A whole hour between 100 and 10,000 days ago, different for every call in practice: suites
 * share one database, and settlement state is per hour, so each test settles hours of its own
 * (and far outside the workers' catch-up window).
 */
export function pastHour(): Date {
  const hoursAgo = 2_400 + randomInt(240_000);
  return new Date((Math.floor(Date.now() / HOUR_MS) - hoursAgo) * HOUR_MS);
}

/** `quantity` in every one of `minutes` minutes of `hour`, from its first minute on. */
export function everyMinute(
  namespace: string,
  resource: Resource,
  hour: Date,
  quantity: bigint,
  minutes = 60,
): MinuteSample[] {
  return Array.from({ length: minutes }, (_, i) => ({
    namespace,
    resource,
    minute: new Date(hour.getTime() + i * 60_000),
    quantity,
  }));
}
