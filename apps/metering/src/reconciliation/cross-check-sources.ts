import { Inject, Injectable } from '@nestjs/common';
import type { ReconciliationFinding } from '@tally/transport';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { ReconciliationRepository } from './reconciliation.repository';

/** How many namespace-hours one run compares; a sample, not a census. */
const SAMPLE_SIZE = 500;

/**
 * Compares the source that is billed with the other one (the cgroup agent against Prometheus,
 * or the reverse) over a random sample of namespace-hours both measured, and reports every
 * difference larger than the configured share of the larger of the two.
 */
@Injectable()
export class CrossCheckSources {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly reconciliations: ReconciliationRepository,
  ) {}

  async execute(from: Date, to: Date): Promise<ReconciliationFinding[]> {
    const billed = this.config.TALLY_BILLING_SOURCE;
    const other = billed === 'prometheus' ? 'agent' : 'prometheus';
    // Percent as basis points, so the comparison stays in integers.
    const thresholdBps = BigInt(
      Math.round(this.config.TALLY_RECONCILIATION_THRESHOLD_PERCENT * 100),
    );
    const pairs = await this.reconciliations.sourcePairs(from, to, billed, other, SAMPLE_SIZE);
    return pairs.flatMap((pair) => {
      const difference =
        pair.billed > pair.other ? pair.billed - pair.other : pair.other - pair.billed;
      const larger = pair.billed > pair.other ? pair.billed : pair.other;
      if (difference * 10_000n <= thresholdBps * larger) return [];
      return [
        {
          kind: 'source_mismatch' as const,
          namespace: pair.namespace,
          hour: pair.hour.toISOString(),
          detail: `${pair.resource}: ${billed} measured ${pair.billed}, ${other} ${pair.other} (base units)`,
        },
      ];
    });
  }
}
