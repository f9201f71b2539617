import { Inject, Injectable, Optional } from '@nestjs/common';
import { formatMicros } from '@tally/money';
import type { PriceView, ReconciliationFinding, Resource } from '@tally/transport';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { LedgerClient } from '../peers/ledger.client';
import { PriceBooks } from '../peers/price-books';
import { usagePosting } from '../settlement/charge-posting';
import { pricesByResource } from '../settlement/hourly-charges';
import { priceLine } from '../settlement/pricing';
import type { FrozenLine } from '../settlement/settlement.repository';
import type { HourlyUsageSource } from '../sources/usage-source';
import { HOURLY_SOURCE } from '../usage/hour-sampler';
import { UsageRepository } from '../usage/usage.repository';
import {
  ChargeUnderReview,
  PendingAdjustment,
  ReconciliationRepository,
} from './reconciliation.repository';

const INGEST_CHUNK = 10_000;

export interface Corrections {
  readonly flaggedHours: number;
  readonly refilledSamples: number;
  readonly adjustments: number;
  readonly adjustedMicros: bigint;
  readonly findings: ReconciliationFinding[];
}

/**
 * Second look at flagged namespace-hours (short hours, hours a gap touched): refill the hour
 * from Prometheus (duplicates count once, so only the missing minutes land; a counter's
 * increase across a gap is spread over the gap's minutes), reprice it with the book of its
 * hour, and where that differs from what was charged so far, post the difference as
 * `recon:<namespace>:<hour>:<seq>` with the reason. Like settlement, each adjustment is stored
 * before it is posted, so a crash reposts the same one.
 *
 * A namespace-hour whose minutes are still not known after the refill (a gauge's gap: what was
 * used in it is not measured anywhere) stays flagged, so the next run looks again; every
 * flagged namespace-hour gets one finding saying what was done with it.
 */
@Injectable()
export class CorrectCharges {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly reconciliations: ReconciliationRepository,
    private readonly usage: UsageRepository,
    private readonly priceBooks: PriceBooks,
    private readonly ledger: LedgerClient,
    @Optional() @Inject(HOURLY_SOURCE) private readonly sampler?: HourlyUsageSource,
  ) {}

  async execute(reportId: string, from: Date, to: Date): Promise<Corrections> {
    await this.postPending();
    const gapHours = await this.usage.hoursWithGaps(from, to);
    const flagged = await this.reconciliations.flaggedCharges(from, to, gapHours);
    const byHour = new Map<number, ChargeUnderReview[]>();
    for (const charge of flagged) {
      byHour.set(charge.hour.getTime(), [...(byHour.get(charge.hour.getTime()) ?? []), charge]);
    }
    let refilledSamples = 0;
    let adjustments = 0;
    let adjustedMicros = 0n;
    const findings: ReconciliationFinding[] = [];
    for (const charges of byHour.values()) {
      const hour = charges[0].hour;
      const refilled = await this.refill(hour);
      refilledSamples += refilled;
      const unknown = await this.usage.namespacesWithUnprovenGaps(
        this.config.TALLY_BILLING_SOURCE,
        hour,
      );
      const reviewed = await this.reviewHour(reportId, hour, charges, refilled);
      for (const { charge, adjustment } of reviewed) {
        if (adjustment !== undefined) {
          adjustments += 1;
          adjustedMicros += adjustment.totalMicros;
        }
        findings.push(finding(charge, adjustment, unknown.has(charge.namespace)));
      }
      await this.reconciliations.markReconciled(
        charges.filter((charge) => !unknown.has(charge.namespace)),
      );
    }
    return { flaggedHours: flagged.length, refilledSamples, adjustments, adjustedMicros, findings };
  }

  /** Reprices the hour's flagged charges and posts what differs from what was charged. */
  private async reviewHour(
    reportId: string,
    hour: Date,
    charges: readonly ChargeUnderReview[],
    refilled: number,
  ): Promise<{ charge: ChargeUnderReview; adjustment?: PendingAdjustment }[]> {
    // Each charge is repriced in its own currency: the book that priced it is still in force
    // at its hour (books are append-only).
    const books = await this.priceBooks.inForceAt(
      charges.map((charge) => charge.currency),
      hour,
    );
    const usage = await this.usage.hourly(this.config.TALLY_BILLING_SOURCE, hour);
    const reviewed: { charge: ChargeUnderReview; adjustment?: PendingAdjustment }[] = [];
    for (const charge of charges) {
      const book = books.get(charge.currency);
      if (book === undefined)
        throw new Error(`no ${charge.currency} price book at ${hour.toISOString()}`);
      const lines = differences(
        charge,
        usage.filter((row) => row.namespace === charge.namespace),
        pricesByResource(book),
      );
      if (lines.length === 0) {
        reviewed.push({ charge });
        continue;
      }
      const adjustment = newAdjustment(charge, lines, refilled);
      await this.reconciliations.freezeAdjustment(adjustment, reportId);
      await this.post(adjustment);
      reviewed.push({ charge, adjustment });
    }
    return reviewed;
  }

  /**
   * Reads the hour from Prometheus again: its samples (only the missing minutes land) and its
   * gaps, which replace the ones settlement recorded, so minutes the new reading has are no
   * longer flagged.
   */
  private async refill(hour: Date): Promise<number> {
    if (this.config.TALLY_BILLING_SOURCE !== 'prometheus' || this.sampler === undefined) return 0;
    const { samples, gaps } = await this.sampler.readHour(hour);
    await this.usage.replaceGaps('prometheus', hour, this.sampler.resources, gaps);
    let added = 0;
    for (let i = 0; i < samples.length; i += INGEST_CHUNK) {
      added += await this.usage.record('prometheus', samples.slice(i, i + INGEST_CHUNK));
    }
    return added;
  }

  private async postPending(): Promise<void> {
    for (const adjustment of await this.reconciliations.unpostedAdjustments()) {
      await this.post(adjustment);
    }
  }

  private async post(adjustment: PendingAdjustment): Promise<void> {
    const key = `recon:${adjustment.namespace}:${adjustment.hour.toISOString()}:${adjustment.seq}`;
    const [result] = await this.ledger.postBatch([
      usagePosting(
        'usage_adjustment',
        key,
        adjustment.hour,
        adjustment.walletId,
        adjustment.lines,
        adjustment.reason,
      ),
    ]);
    await this.reconciliations.markAdjustmentPosted(adjustment, result.transactionId);
  }
}

function newAdjustment(
  charge: ChargeUnderReview,
  lines: FrozenLine[],
  refilled: number,
): PendingAdjustment {
  const changes = lines
    .map((l) => `${l.resource} ${l.amountMicros > 0n ? '+' : ''}${formatMicros(l.amountMicros)}`)
    .join(', ');
  return {
    namespace: charge.namespace,
    hour: charge.hour,
    seq: charge.nextSeq,
    walletId: charge.walletId,
    lines,
    totalMicros: lines.reduce((sum, line) => sum + line.amountMicros, 0n),
    reason: `reconciliation: ${refilled} minute samples refilled for the hour; ${changes}`,
  };
}

const STILL_UNKNOWN =
  "minutes without data remain (a gauge's gap is charged on what was seen): still flagged";

/** What was done with one flagged namespace-hour. */
function finding(
  charge: ChargeUnderReview,
  adjustment: PendingAdjustment | undefined,
  stillUnknown: boolean,
): ReconciliationFinding {
  const kind = adjustment ? 'adjustment' : 'flagged_hour';
  const where = { kind, namespace: charge.namespace, hour: charge.hour.toISOString() } as const;
  if (stillUnknown) {
    const detail = adjustment ? `${adjustment.reason}; ${STILL_UNKNOWN}` : STILL_UNKNOWN;
    return { ...where, action: 'kept_flagged', detail };
  }
  return adjustment
    ? { ...where, action: 'adjusted', detail: adjustment.reason }
    : { ...where, action: 'nothing_owed', detail: 'refilled and repriced: the charge stands' };
}

/** Per resource, what the usage now costs minus what was charged for it so far. */
function differences(
  charge: ChargeUnderReview,
  usage: readonly { resource: Resource; quantity: bigint }[],
  prices: ReadonlyMap<Resource, PriceView>,
): FrozenLine[] {
  const recomputed = new Map<Resource, FrozenLine>();
  for (const row of usage) {
    const price = prices.get(row.resource);
    if (price !== undefined)
      recomputed.set(row.resource, priceLine(row.resource, row.quantity, price));
  }
  const resources = new Set<Resource>([...recomputed.keys(), ...charge.charged.keys()]);
  return [...resources].flatMap((resource) => {
    const line = recomputed.get(resource);
    const delta = (line?.amountMicros ?? 0n) - (charge.charged.get(resource) ?? 0n);
    return delta === 0n ? [] : [{ resource, quantity: line?.quantity ?? 0n, amountMicros: delta }];
  });
}
