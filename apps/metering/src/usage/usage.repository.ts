import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { Pool, PoolClient } from 'pg';
import type { Resource } from '@tally/transport';
import type { MinuteSample, SampleGap, SampleSource, UsageGap } from './usage-sample';

/** Samples per statement inside one resource's transaction: parameters stay a few MB. */
const SAMPLED_CHUNK = 10_000;

/** One (namespace, resource) of one hour, as settlement reads it. */
export interface HourlyUsage {
  readonly namespace: string;
  readonly resource: Resource;
  /** Σ of the minute quantities, base units. */
  readonly quantity: bigint;
  readonly sampleCount: number;
}

@Injectable()
export class UsageRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores new minute samples and folds them into their hours in one statement: only the rows
   * the INSERT really added (not the duplicates it skipped) reach `usage_hourly`, so a sample
   * delivered twice, or by two racing deliveries, counts once. Aggregates are upserted in key
   * order so concurrent ingests lock rows in the same order and never deadlock.
   * Returns how many samples were new.
   */
  async record(source: SampleSource, samples: readonly MinuteSample[]): Promise<number> {
    return insertSamples(this.prisma.pool, source, samples);
  }

  /**
   * Stores one resource's minute samples of one hour, as sampled from `source`, and marks the
   * resource sampled, all in one transaction: a crash part-way leaves neither samples nor the
   * mark, so the resource is sampled again in full. Chunks keep each statement's parameters
   * small; `afterChunk` runs inside the transaction after each one (the crash suite's failpoint).
   */
  async recordSampledResource(
    source: SampleSource,
    hour: Date,
    resource: Resource,
    samples: readonly MinuteSample[],
    afterChunk: () => void = () => {},
  ): Promise<void> {
    await inTransaction(this.prisma.pool, async (client) => {
      for (let i = 0; i < samples.length; i += SAMPLED_CHUNK) {
        await insertSamples(client, source, samples.slice(i, i + SAMPLED_CHUNK));
        afterChunk();
      }
      await client.query(
        `INSERT INTO metering.sampled_resources (source, hour, resource, samples)
         VALUES ($1, $2, $3, $4)`,
        [source, hour, resource, samples.length],
      );
    });
  }

  /** The resources of `hour` already sampled from `source` in full. */
  async sampledResources(source: SampleSource, hour: Date): Promise<Set<Resource>> {
    const rows = await this.prisma.sampledResource.findMany({
      where: { source, hour },
      select: { resource: true },
    });
    return new Set(rows.map((row) => row.resource as Resource));
  }

  async recordGap(gap: SampleGap): Promise<void> {
    await this.prisma.sampleGap.create({
      data: { source: gap.source, fromTime: gap.from, toTime: gap.to, reason: gap.reason },
    });
  }

  /**
   * The hour's gaps for these resources become exactly `gaps`: a later reading that has the
   * minutes clears them. Recorded before the samples, so a crash between the two never leaves
   * an hour with samples whose gaps are lost.
   */
  async replaceGaps(
    source: SampleSource,
    hour: Date,
    resources: readonly Resource[],
    gaps: readonly UsageGap[],
  ): Promise<void> {
    // Two statements: the parts of one statement's WITH run in no set order, so an INSERT
    // beside the DELETE would collide with the very rows it replaces.
    await inTransaction(this.prisma.pool, async (client) => {
      await client.query(
        `DELETE FROM metering.usage_gaps
          WHERE source = $1 AND hour = $2 AND resource = ANY ($3::text[])`,
        [source, hour, resources],
      );
      await client.query(
        `INSERT INTO metering.usage_gaps
                (source, hour, namespace, resource, from_minute, to_minute, proven)
         SELECT $1, $2, namespace, resource, from_minute, to_minute, proven
           FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::boolean[])
                  AS g (namespace, resource, from_minute, to_minute, proven)`,
        [
          source,
          hour,
          gaps.map((g) => g.namespace),
          gaps.map((g) => g.resource),
          gaps.map((g) => g.from),
          gaps.map((g) => g.to),
          gaps.map((g) => g.proven),
        ],
      );
    });
  }

  /** Namespaces of the hour with minutes no reading had and nothing proves: flagged. */
  async namespacesWithUnprovenGaps(source: SampleSource, hour: Date): Promise<Set<string>> {
    const { rows } = await this.prisma.pool.query<{ namespace: string }>(
      `SELECT DISTINCT namespace FROM metering.usage_gaps
        WHERE source = $1 AND hour = $2 AND NOT proven`,
      [source, hour],
    );
    return new Set(rows.map((row) => row.namespace));
  }

  async hasSamples(source: SampleSource, hour: Date): Promise<boolean> {
    const row = await this.prisma.usageHourly.findFirst({
      where: { source, hour },
      select: { namespace: true },
    });
    return row !== null;
  }

  /**
   * The hour's sums in one word (rows, samples, quantity): it changes with every sample that
   * arrives late or is refilled, so an unchanged version means an unchanged hour.
   */
  async hourVersion(source: SampleSource, hour: Date): Promise<string> {
    const { rows } = await this.prisma.pool.query<{ version: string }>({
      name: 'usage_hourly_version',
      text: `SELECT count(*) || '/' || coalesce(sum(sample_count), 0) || '/' || coalesce(sum(quantity), 0)
                    AS version
               FROM metering.usage_hourly WHERE source = $1 AND hour = $2`,
      values: [source, hour],
    });
    return rows[0].version;
  }

  async hourly(source: SampleSource, hour: Date): Promise<HourlyUsage[]> {
    const { rows } = await this.prisma.pool.query<{
      namespace: string;
      resource: Resource;
      quantity: string;
      sample_count: number;
    }>({
      name: 'usage_hourly_of_hour',
      text: `SELECT namespace, resource, quantity::text, sample_count
               FROM metering.usage_hourly WHERE source = $1 AND hour = $2
              ORDER BY namespace, resource`,
      values: [source, hour],
    });
    return rows.map((row) => ({
      namespace: row.namespace,
      resource: row.resource,
      quantity: BigInt(row.quantity),
      sampleCount: row.sample_count,
    }));
  }

  /** Hours a gap of any source touches, within [from, to). */
  async hoursWithGaps(from: Date, to: Date): Promise<Date[]> {
    const { rows } = await this.prisma.pool.query<{ hour: Date }>(
      `SELECT DISTINCT h AS hour
         FROM metering.sample_gaps g,
              generate_series(date_trunc('hour', g.from_time, 'UTC'), g.to_time, interval '1 hour') h
        WHERE g.to_time > $1 AND g.from_time < $2 AND h >= $1 AND h < $2 AND h < g.to_time
        ORDER BY 1`,
      [from, to],
    );
    return rows.map((row) => row.hour);
  }
}

/** The statement of `UsageRepository.record`, on the pool or inside a transaction's client. */
async function insertSamples(
  db: Pool | PoolClient,
  source: SampleSource,
  samples: readonly MinuteSample[],
): Promise<number> {
  if (samples.length === 0) return 0;
  const { rows } = await db.query<{ added: string }>({
    name: 'record_usage_samples',
    text: `WITH added AS (
             INSERT INTO metering.usage_samples AS s (source, minute, namespace, resource, quantity)
             SELECT $1, minute, namespace, resource, quantity
               FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::bigint[])
                      AS incoming (minute, namespace, resource, quantity)
             ON CONFLICT DO NOTHING
             RETURNING minute, namespace, resource, quantity
           ), folded AS (
             INSERT INTO metering.usage_hourly AS h
                    (source, hour, namespace, resource, quantity, sample_count, min_quantity, max_quantity)
             SELECT $1, date_trunc('hour', minute, 'UTC'), namespace, resource,
                    SUM(quantity), COUNT(*), MIN(quantity), MAX(quantity)
               FROM added
              GROUP BY 2, 3, 4
              ORDER BY 2, 3, 4
             ON CONFLICT (source, hour, namespace, resource) DO UPDATE
                SET quantity = h.quantity + excluded.quantity,
                    sample_count = h.sample_count + excluded.sample_count,
                    min_quantity = LEAST(h.min_quantity, excluded.min_quantity),
                    max_quantity = GREATEST(h.max_quantity, excluded.max_quantity)
             RETURNING 1
           )
           SELECT (SELECT COUNT(*) FROM added)::text AS added, (SELECT COUNT(*) FROM folded)`,
    values: [
      source,
      samples.map((s) => s.minute),
      samples.map((s) => s.namespace),
      samples.map((s) => s.resource),
      samples.map((s) => s.quantity.toString()),
    ],
  });
  return Number(rows[0].added);
}

/** Runs `work` on one pooled connection inside BEGIN … COMMIT (ROLLBACK when it throws). */
async function inTransaction(
  pool: Pool,
  work: (client: PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
