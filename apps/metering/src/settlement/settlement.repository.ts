import { Injectable } from '@nestjs/common';
import { toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import type { Resource, RunStatus, SettlementRunView, SettlementTrigger } from '@tally/transport';
import { LockSpace, withAdvisoryLock } from '../advisory-lock';

const FREEZE_CHUNK = 10_000;
import type { SampleSource } from '../usage/usage-sample';

/** A namespace-hour's charge as frozen: exactly what `charge:<namespace>:<hour>` posts. */
export interface FrozenCharge {
  readonly namespace: string;
  readonly walletId: string;
  /** The wallet's currency; the lines are priced with its book. */
  readonly currency: string;
  readonly lines: readonly FrozenLine[];
  readonly totalMicros: bigint;
  readonly shortHour: boolean;
}

export interface FrozenLine {
  readonly resource: Resource;
  readonly quantity: bigint;
  readonly amountMicros: bigint;
}

/** Usage of a wallet whose currency had no price book in force at the hour. */
export interface UnpricedUsage {
  readonly namespace: string;
  readonly walletId: string;
  readonly currency: string;
}

export interface SettlementProgress {
  readonly settlingSince: Date | null;
  readonly hoursOwed: number;
  readonly unsettledHours: number;
  readonly firstUnsettledHour: Date | null;
  readonly lastPostedAt: Date | null;
}

export interface HourPricing {
  readonly source: SampleSource;
  /** The book each currency was priced with. */
  readonly priceBooks: readonly { currency: string; id: string; version: number }[];
  readonly unpriced: readonly UnpricedUsage[];
}

@Injectable()
export class SettlementRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Runs `work` holding the hour's lock, so two workers (or a scheduled run and an admin's
   * settleHour) never settle one hour at once: the second waits, then finds it done.
   */
  withHourLock<T>(hour: Date, work: () => Promise<T>): Promise<T> {
    return withAdvisoryLock(
      this.prisma.pool,
      [LockSpace.Settlement, hour.getTime() / 3_600_000],
      work,
    );
  }

  /**
   * Records a new run of the hour. Called under the hour's lock, so a run of the same hour
   * still RUNNING belongs to a worker that died mid-run: it is closed as FAILED.
   */
  async startRun(hour: Date, trigger: SettlementTrigger, requestedBy: string | null) {
    const [, run] = await this.prisma.$transaction([
      this.prisma.settlementRun.updateMany({
        where: { hour, status: 'RUNNING' },
        data: {
          status: 'FAILED',
          error: 'abandoned: the worker stopped mid-run',
          finishedAt: new Date(),
        },
      }),
      this.prisma.settlementRun.create({ data: { hour, trigger, status: 'RUNNING', requestedBy } }),
    ]);
    return toRunView(run);
  }

  async finishRun(
    id: string,
    status: RunStatus,
    outcome: { namespaces: number; chargedMicros: bigint; error?: string },
  ): Promise<SettlementRunView> {
    return toRunView(
      await this.prisma.settlementRun.update({
        where: { id },
        data: { status, ...outcome, finishedAt: new Date() },
      }),
    );
  }

  async isFrozen(hour: Date): Promise<boolean> {
    return (await this.prisma.settledHour.count({ where: { hour } })) > 0;
  }

  /** Hours in [from, to) whose charges are not all posted yet (never frozen, or half posted). */
  async unsettledHours(from: Date, to: Date): Promise<Date[]> {
    const { rows } = await this.prisma.pool.query<{ hour: Date }>(
      `SELECT h AS hour FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 hour',
                                             interval '1 hour') h
        WHERE NOT EXISTS (SELECT 1 FROM metering.settled_hours s
                           WHERE s.hour = h AND s.posted_at IS NOT NULL)
        ORDER BY h`,
      [from, to],
    );
    return rows.map((row) => row.hour);
  }

  async latestPostedHour(): Promise<Date | null> {
    const row = await this.prisma.settledHour.findFirst({
      where: { postedAt: { not: null } },
      orderBy: { hour: 'desc' },
    });
    return row?.hour ?? null;
  }

  /** Frozen hours a crash left half posted, however old. */
  async halfPostedHours(): Promise<Date[]> {
    const rows = await this.prisma.settledHour.findMany({
      where: { postedAt: null },
      orderBy: { hour: 'asc' },
      select: { hour: true },
    });
    return rows.map((row) => row.hour);
  }

  /**
   * Writes the hour's charges, then the hour itself: the `settled_hours` row is what makes the
   * hour frozen, so charges written by a freeze that crashed before it are leftovers, cleared
   * first. (Callers hold the hour's lock, so no one else writes this hour's charges.) Chunks
   * go in over two connections at once: parsing the JSON is most of the work, on both sides.
   */
  async freeze(hour: Date, pricing: HourPricing, charges: readonly FrozenCharge[]): Promise<void> {
    await this.prisma.pool.query('DELETE FROM metering.usage_charges WHERE hour = $1', [hour]);
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < charges.length) {
          const chunk = charges.slice(next, (next += FREEZE_CHUNK));
          await this.insertCharges(hour, chunk);
        }
      }),
    );
    await this.prisma.pool.query(
      `INSERT INTO metering.settled_hours (hour, source, price_books, unpriced)
       VALUES ($1, $2, $3, $4)`,
      [hour, pricing.source, JSON.stringify(pricing.priceBooks), JSON.stringify(pricing.unpriced)],
    );
  }

  /** What the freeze of `hour` could not price (nothing for an hour not frozen). */
  async unpricedOf(hour: Date): Promise<UnpricedUsage[]> {
    const { rows } = await this.prisma.pool.query<{ unpriced: UnpricedUsage[] }>(
      'SELECT unpriced FROM metering.settled_hours WHERE hour = $1',
      [hour],
    );
    return rows[0]?.unpriced ?? [];
  }

  // One JSON document rather than five array parameters: Postgres parses it in a fraction of
  // the time node-postgres takes to escape a jsonb[] literal.
  private async insertCharges(hour: Date, charges: readonly FrozenCharge[]): Promise<void> {
    await this.prisma.pool.query(
      `INSERT INTO metering.usage_charges
              (hour, namespace, wallet_id, currency, lines, total_micros, short_hour)
       SELECT $1, c.namespace, c.wallet_id, c.currency, c.lines, c.total, c.short_hour
         FROM jsonb_to_recordset($2::jsonb)
                AS c (namespace text, wallet_id uuid, currency text, lines jsonb, total bigint,
                      short_hour boolean)`,
      [
        hour,
        JSON.stringify(
          charges.map((c) => ({
            namespace: c.namespace,
            wallet_id: c.walletId,
            currency: c.currency,
            lines: c.lines.map(lineJson),
            total: c.totalMicros.toString(),
            short_hour: c.shortHour,
          })),
        ),
      ],
    );
  }

  /**
   * Every charge of the hour that costs something, grouped by wallet (posting lanes split on
   * wallets). Charges are not marked one by one as they are posted: a rerun posts them all
   * again and the ledger answers "replayed" for those it has.
   */
  async chargesToPost(hour: Date): Promise<FrozenCharge[]> {
    const { rows } = await this.prisma.pool.query<ChargeRow>({
      name: 'charges_to_post',
      text: `SELECT namespace, wallet_id, currency, lines, total_micros::text, short_hour
               FROM metering.usage_charges
              WHERE hour = $1 AND total_micros > 0
              ORDER BY wallet_id, namespace`,
      values: [hour],
    });
    return rows.map(toFrozenCharge);
  }

  /**
   * On the database's clock, the one ledger postings are timed by: billing closes a month at
   * its last hour's `posted_at`, and every charge of the hour must have been posted before it.
   */
  async markHourPosted(hour: Date): Promise<void> {
    await this.prisma.pool.query(
      `UPDATE metering.settled_hours SET posted_at = now() WHERE hour = $1 AND posted_at IS NULL`,
      [hour],
    );
  }

  /**
   * How far settlement has got over [from, to): of the hours owed (those from the first hour
   * metering ever settled on; before it there was no metering, so nothing to settle), how
   * many are not posted yet, the first of them, and when the last posted one was posted.
   */
  async progress(from: Date, to: Date): Promise<SettlementProgress> {
    const { rows } = await this.prisma.pool.query<{
      settling_since: Date | null;
      hours_owed: number;
      unsettled_hours: number;
      first_unsettled_hour: Date | null;
      last_posted_at: Date | null;
    }>(
      `WITH since AS (SELECT min(hour) AS hour FROM metering.settled_hours)
       SELECT since.hour AS settling_since,
              count(h.hour)::int AS hours_owed,
              count(h.hour) FILTER (WHERE s.posted_at IS NULL)::int AS unsettled_hours,
              min(h.hour) FILTER (WHERE s.posted_at IS NULL) AS first_unsettled_hour,
              max(s.posted_at) AS last_posted_at
         FROM since
         LEFT JOIN generate_series($1::timestamptz, $2::timestamptz - interval '1 hour',
                                   interval '1 hour') AS h(hour) ON h.hour >= since.hour
         LEFT JOIN metering.settled_hours s ON s.hour = h.hour
        GROUP BY since.hour`,
      [from, to],
    );
    const row = rows[0];
    return {
      settlingSince: row.settling_since,
      hoursOwed: row.hours_owed,
      unsettledHours: row.unsettled_hours,
      firstUnsettledHour: row.first_unsettled_hour,
      lastPostedAt: row.last_posted_at,
    };
  }

  /** Frozen charges of one namespace over [from, to), oldest first. */
  async chargesOf(
    namespace: string,
    from: Date,
    to: Date,
  ): Promise<(FrozenCharge & { hour: Date })[]> {
    const { rows } = await this.prisma.pool.query<ChargeRow & { hour: Date }>({
      name: 'charges_of_namespace',
      text: `SELECT c.hour, c.namespace, c.wallet_id, c.currency, c.lines, c.total_micros::text,
                    c.short_hour
               FROM metering.usage_charges c
               JOIN metering.settled_hours s ON s.hour = c.hour
              WHERE c.namespace = $1 AND c.hour >= $2 AND c.hour < $3
              ORDER BY c.hour`,
      values: [namespace, from, to],
    });
    return rows.map((row) => ({ hour: row.hour, ...toFrozenCharge(row) }));
  }
}

interface ChargeRow {
  namespace: string;
  wallet_id: string;
  currency: string;
  lines: { resource: Resource; quantity: string; amountMicros: string }[];
  total_micros: string;
  short_hour: boolean;
}

function lineJson(line: FrozenLine) {
  return {
    resource: line.resource,
    quantity: line.quantity.toString(),
    amountMicros: line.amountMicros.toString(),
  };
}

function toFrozenCharge(row: ChargeRow): FrozenCharge {
  return {
    namespace: row.namespace,
    walletId: row.wallet_id,
    currency: row.currency,
    lines: row.lines.map((line) => ({
      resource: line.resource,
      quantity: BigInt(line.quantity),
      amountMicros: BigInt(line.amountMicros),
    })),
    totalMicros: BigInt(row.total_micros),
    shortHour: row.short_hour,
  };
}

function toRunView(run: {
  id: string;
  hour: Date;
  namespaces: number;
  chargedMicros: bigint;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}): SettlementRunView {
  return {
    id: run.id,
    hour: run.hour.toISOString(),
    namespaces: run.namespaces,
    chargedMicros: toWireMicros(run.chargedMicros),
    status: run.status as RunStatus,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
  };
}
