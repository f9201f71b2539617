import { Injectable } from '@nestjs/common';
import { toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import type {
  ReconciliationFinding,
  ReconciliationReportView,
  Resource,
  RunStatus,
} from '@tally/transport';
import type { FrozenLine } from '../settlement/settlement.repository';
import type { SampleSource } from '../usage/usage-sample';

/** A frozen charge reconciliation looks at, with every correction already made to it. */
export interface ChargeUnderReview {
  readonly namespace: string;
  readonly hour: Date;
  readonly walletId: string;
  /** The currency the charge was priced in. */
  readonly currency: string;
  /** What was charged per resource so far: the frozen lines plus earlier adjustments. */
  readonly charged: ReadonlyMap<Resource, bigint>;
  readonly nextSeq: number;
}

export interface PendingAdjustment {
  readonly namespace: string;
  readonly hour: Date;
  readonly seq: number;
  readonly walletId: string;
  readonly lines: readonly FrozenLine[];
  readonly totalMicros: bigint;
  readonly reason: string;
}

export interface ReportCounts {
  readonly hoursChecked: number;
  readonly flaggedHours: number;
  readonly refilledSamples: number;
  readonly adjustments: number;
  readonly adjustedMicros: bigint;
  readonly sourceMismatches: number;
  readonly ledgerMismatches: number;
  readonly findings: readonly ReconciliationFinding[];
}

@Injectable()
export class ReconciliationRepository {
  constructor(private readonly prisma: PrismaService) {}

  async start(
    trigger: 'schedule' | 'finance',
    requestedBy: string | null,
    fromHour: Date,
    toHour: Date,
  ): Promise<string> {
    const report = await this.prisma.reconciliationReport.create({
      data: { trigger, requestedBy, fromHour, toHour, status: 'RUNNING' },
    });
    return report.id;
  }

  async finish(id: string, status: RunStatus, counts: ReportCounts, error?: string) {
    return toReportView(
      await this.prisma.reconciliationReport.update({
        where: { id },
        data: {
          status,
          ...counts,
          findings: counts.findings as object[],
          error,
          finishedAt: new Date(),
        },
      }),
    );
  }

  async list(first: number, before: Date | null): Promise<ReconciliationReportView[]> {
    const rows = await this.prisma.reconciliationReport.findMany({
      where: before === null ? {} : { startedAt: { lt: before } },
      orderBy: { startedAt: 'desc' },
      take: first,
    });
    return rows.map(toReportView);
  }

  /**
   * Posted charges of [from, to) that need a second look: short hours and hours a gap touches,
   * not reconciled yet, with what has been charged for them per resource so far.
   */
  async flaggedCharges(
    from: Date,
    to: Date,
    gapHours: readonly Date[],
  ): Promise<ChargeUnderReview[]> {
    const { rows } = await this.prisma.pool.query<{
      namespace: string;
      hour: Date;
      wallet_id: string;
      currency: string;
      lines: { resource: Resource; amountMicros: string }[];
      adjustments: { resource: Resource; amountMicros: string }[][] | null;
      next_seq: number;
    }>(
      `SELECT c.namespace, c.hour, c.wallet_id, c.currency, c.lines,
              (SELECT json_agg(a.lines) FROM metering.usage_adjustments a
                WHERE a.namespace = c.namespace AND a.hour = c.hour) AS adjustments,
              (SELECT COALESCE(MAX(a.seq), 0) + 1 FROM metering.usage_adjustments a
                WHERE a.namespace = c.namespace AND a.hour = c.hour) AS next_seq
         FROM metering.usage_charges c
         JOIN metering.settled_hours s ON s.hour = c.hour AND s.posted_at IS NOT NULL
        WHERE c.hour >= $1 AND c.hour < $2 AND c.reconciled_at IS NULL
          AND (c.short_hour OR c.hour = ANY ($3::timestamptz[]))
        ORDER BY c.hour, c.namespace`,
      [from, to, gapHours],
    );
    return rows.map((row) => {
      const charged = new Map<Resource, bigint>();
      for (const line of [...row.lines, ...(row.adjustments ?? []).flat()]) {
        charged.set(line.resource, (charged.get(line.resource) ?? 0n) + BigInt(line.amountMicros));
      }
      return {
        namespace: row.namespace,
        hour: row.hour,
        walletId: row.wallet_id,
        currency: row.currency,
        charged,
        nextSeq: row.next_seq,
      };
    });
  }

  /** Adjustment first, post second: a crash in between reposts the same one. */
  async freezeAdjustment(adjustment: PendingAdjustment, reportId: string): Promise<void> {
    await this.prisma.usageAdjustment.create({
      data: {
        namespace: adjustment.namespace,
        hour: adjustment.hour,
        seq: adjustment.seq,
        walletId: adjustment.walletId,
        lines: adjustment.lines.map((line) => ({
          resource: line.resource,
          quantity: line.quantity.toString(),
          amountMicros: line.amountMicros.toString(),
        })),
        totalMicros: adjustment.totalMicros,
        reason: adjustment.reason,
        reportId,
      },
    });
  }

  async unpostedAdjustments(): Promise<PendingAdjustment[]> {
    const rows = await this.prisma.usageAdjustment.findMany({
      where: { postedAt: null },
      orderBy: [{ hour: 'asc' }, { namespace: 'asc' }, { seq: 'asc' }],
    });
    return rows.map((row) => ({
      namespace: row.namespace,
      hour: row.hour,
      seq: row.seq,
      walletId: row.walletId,
      lines: (row.lines as { resource: Resource; quantity: string; amountMicros: string }[]).map(
        (line) => ({
          resource: line.resource,
          quantity: BigInt(line.quantity),
          amountMicros: BigInt(line.amountMicros),
        }),
      ),
      totalMicros: row.totalMicros,
      reason: row.reason,
    }));
  }

  async markAdjustmentPosted(
    adjustment: PendingAdjustment,
    transactionId: string | null,
  ): Promise<void> {
    await this.prisma.usageAdjustment.update({
      where: {
        namespace_hour_seq: {
          namespace: adjustment.namespace,
          hour: adjustment.hour,
          seq: adjustment.seq,
        },
      },
      data: { transactionId, postedAt: new Date() },
    });
  }

  async markReconciled(charges: readonly { namespace: string; hour: Date }[]): Promise<void> {
    await this.prisma.pool.query(
      `UPDATE metering.usage_charges c SET reconciled_at = now()
         FROM unnest($1::text[], $2::timestamptz[]) AS r (namespace, hour)
        WHERE c.namespace = r.namespace AND c.hour = r.hour`,
      [charges.map((c) => c.namespace), charges.map((c) => c.hour)],
    );
  }

  /** Up to `limit` random namespace-hours of [from, to) that both sources measured. */
  async sourcePairs(
    from: Date,
    to: Date,
    billing: SampleSource,
    other: SampleSource,
    limit: number,
  ): Promise<
    { namespace: string; hour: Date; resource: Resource; billed: bigint; other: bigint }[]
  > {
    const { rows } = await this.prisma.pool.query<{
      namespace: string;
      hour: Date;
      resource: Resource;
      billed: string;
      other: string;
    }>(
      `SELECT b.namespace, b.hour, b.resource, b.quantity::text AS billed, o.quantity::text AS other
         FROM metering.usage_hourly b
         JOIN metering.usage_hourly o
           ON o.source = $4 AND o.hour = b.hour AND o.namespace = b.namespace AND o.resource = b.resource
        WHERE b.source = $3 AND b.hour >= $1 AND b.hour < $2
        ORDER BY random() LIMIT $5`,
      [from, to, billing, other, limit],
    );
    return rows.map((row) => ({ ...row, billed: BigInt(row.billed), other: BigInt(row.other) }));
  }

  /** Non-zero charges of posted hours in [from, to): what the ledger must hold once each. */
  async postedCharges(
    from: Date,
    to: Date,
  ): Promise<{ namespace: string; hour: Date; walletId: string; totalMicros: bigint }[]> {
    const { rows } = await this.prisma.pool.query<{
      namespace: string;
      hour: Date;
      wallet_id: string;
      total_micros: string;
    }>(
      `SELECT c.namespace, c.hour, c.wallet_id, c.total_micros::text
         FROM metering.usage_charges c
         JOIN metering.settled_hours s ON s.hour = c.hour AND s.posted_at IS NOT NULL
        WHERE c.hour >= $1 AND c.hour < $2 AND c.total_micros > 0`,
      [from, to],
    );
    return rows.map((row) => ({
      namespace: row.namespace,
      hour: row.hour,
      walletId: row.wallet_id,
      totalMicros: BigInt(row.total_micros),
    }));
  }

  /** Namespace-hours of settled hours in [from, to) with billed usage but no frozen charge. */
  async usageWithoutCharge(
    from: Date,
    to: Date,
    source: SampleSource,
  ): Promise<{ namespace: string; hour: Date }[]> {
    const { rows } = await this.prisma.pool.query<{ namespace: string; hour: Date }>(
      `SELECT DISTINCT u.namespace, u.hour
         FROM metering.usage_hourly u
         JOIN metering.settled_hours s ON s.hour = u.hour AND s.posted_at IS NOT NULL
        WHERE u.source = $3 AND u.hour >= $1 AND u.hour < $2 AND u.quantity > 0
          AND NOT EXISTS (SELECT 1 FROM metering.usage_charges c
                           WHERE c.hour = u.hour AND c.namespace = u.namespace)`,
      [from, to, source],
    );
    return rows;
  }

  async settledHourCount(from: Date, to: Date): Promise<number> {
    return this.prisma.settledHour.count({ where: { hour: { gte: from, lt: to } } });
  }
}

function toReportView(row: {
  id: string;
  trigger: string;
  fromHour: Date;
  toHour: Date;
  status: string;
  hoursChecked: number;
  flaggedHours: number;
  refilledSamples: number;
  adjustments: number;
  adjustedMicros: bigint;
  sourceMismatches: number;
  ledgerMismatches: number;
  findings: unknown;
  startedAt: Date;
  finishedAt: Date | null;
}): ReconciliationReportView {
  return {
    id: row.id,
    trigger: row.trigger as ReconciliationReportView['trigger'],
    fromHour: row.fromHour.toISOString(),
    toHour: row.toHour.toISOString(),
    status: row.status as RunStatus,
    hoursChecked: row.hoursChecked,
    flaggedHours: row.flaggedHours,
    refilledSamples: row.refilledSamples,
    adjustments: row.adjustments,
    adjustedMicros: toWireMicros(row.adjustedMicros),
    sourceMismatches: row.sourceMismatches,
    ledgerMismatches: row.ledgerMismatches,
    findings: row.findings as ReconciliationFinding[],
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
