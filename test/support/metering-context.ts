import { randomInt, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
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

  /** See markHoursSettled. */
  markHoursSettled(from: Date, to: Date, except: Date | null = null): Promise<void> {
    return markHoursSettled(this.prisma.pool, from, to, except);
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

/**
 * Marks every hour of [from, to) but `except` settled as metering does, without charging
 * anything: each posted 66 minutes after it began, never in the future (a month closes a margin
 * after its last hour was posted), so billing may close the month.
 */
export async function markHoursSettled(
  db: Pick<Pool, 'query'>,
  from: Date,
  to: Date,
  except: Date | null = null,
): Promise<void> {
  await db.query(
    `INSERT INTO metering.settled_hours
       (hour, source, price_books, posted_at)
     SELECT h, 'prometheus', jsonb_build_array(jsonb_build_object('currency', 'USD', 'id', gen_random_uuid(), 'version', 1)),
            least(h + interval '66 minutes', now() - interval '10 minutes')
       FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 hour', interval '1 hour') h
      WHERE h IS DISTINCT FROM $3::timestamptz
     ON CONFLICT DO NOTHING`,
    [from, to, except],
  );
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
