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
 * from Prometheus (duplicates count once, so only the missing minutes land), reprice it with
 * the book of its hour, and where that differs from what was charged so far, post the
 * difference as `recon:<namespace>:<hour>:<seq>` with the reason. Like settlement, each
 * adjustment is stored before it is posted, so a crash reposts the same one.
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
    const findings: ReconciliationFinding[] = [];
    let adjustedMicros = 0n;
    for (const charges of byHour.values()) {
      const hour = charges[0].hour;
      const refilled = await this.refill(hour);
      refilledSamples += refilled;
      // Each charge is repriced in its own currency: the book that priced it is still in force
      // at its hour (books are append-only).
      const books = await this.priceBooks.inForceAt(
        charges.map((charge) => charge.currency),
        hour,
      );
      const usage = await this.usage.hourly(this.config.TALLY_BILLING_SOURCE, hour);
      for (const charge of charges) {
        const book = books.get(charge.currency);
        if (book === undefined)
          throw new Error(`no ${charge.currency} price book at ${hour.toISOString()}`);
        const lines = differences(
          charge,
          usage.filter((row) => row.namespace === charge.namespace),
          pricesByResource(book),
        );
        if (lines.length === 0) continue;
        const adjustment: PendingAdjustment = {
          namespace: charge.namespace,
          hour,
          seq: charge.nextSeq,
          walletId: charge.walletId,
          lines,
          totalMicros: lines.reduce((sum, line) => sum + line.amountMicros, 0n),
          reason: `reconciliation: ${refilled} minute samples refilled for the hour; ${lines
            .map(
              (l) =>
                `${l.resource} ${l.amountMicros > 0n ? '+' : ''}${formatMicros(l.amountMicros)}`,
            )
            .join(', ')}`,
        };
        await this.reconciliations.freezeAdjustment(adjustment, reportId);
        await this.post(adjustment);
        adjustedMicros += adjustment.totalMicros;
        findings.push({
          kind: 'adjustment',
          namespace: charge.namespace,
          hour: hour.toISOString(),
          detail: adjustment.reason,
        });
      }
      await this.reconciliations.markReconciled(charges);
    }
    return {
      flaggedHours: flagged.length,
      refilledSamples,
      adjustments: findings.length,
      adjustedMicros,
      findings,
    };
  }

  private async refill(hour: Date): Promise<number> {
    if (this.config.TALLY_BILLING_SOURCE !== 'prometheus' || this.sampler === undefined) return 0;
    const samples = await this.sampler.sampleHour(hour);
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
