import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tally/errors';
import { Failpoints } from '../failpoints';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { LedgerClient } from '../peers/ledger.client';
import { chargeKey, usagePosting } from './charge-posting';
import { SettlementRepository } from './settlement.repository';

export interface PostedCharges {
  /** Namespace-hours this call charged; replays of earlier posts are not counted. */
  readonly namespaces: number;
  readonly chargedMicros: bigint;
}

/**
 * Posts an hour's frozen charges that are not marked posted yet, a batch at a time, and marks
 * them. A crash between the post and the mark reposts the batch on the next run: the ledger
 * answers "replayed" for keys it already has (same frozen content, same hash), and nothing is
 * charged twice.
 */
@Injectable()
export class PostCharges {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly settlements: SettlementRepository,
    private readonly ledger: LedgerClient,
    private readonly failpoints: Failpoints,
  ) {}

  async execute(hour: Date): Promise<PostedCharges> {
    let namespaces = 0;
    let chargedMicros = 0n;
    for (;;) {
      const batch = await this.settlements.unposted(hour, this.config.TALLY_SETTLEMENT_BATCH_SIZE);
      if (batch.length === 0) break;
      const totals = new Map(batch.map((charge) => [chargeKey(charge.namespace, hour), charge]));
      const results = await this.ledger.postBatch(
        batch.map((c) => usagePosting('usage', chargeKey(c.namespace, hour), c.walletId, c.lines)),
      );
      this.failpoints.hit('settlement.after-post');
      const conflicts = results.filter((result) => result.outcome === 'conflict');
      if (conflicts.length > 0) {
        // A key already in the ledger with other content: never overwrite money; stop loudly.
        throw new DomainError(ErrorCode.INTERNAL, 'Charges conflict with the ledger', {
          reason: 'CHARGE_CONFLICT',
          keys: conflicts.slice(0, 10).map((c) => c.idempotencyKey),
        });
      }
      for (const result of results) {
        if (result.outcome !== 'created') continue;
        namespaces += 1;
        chargedMicros += totals.get(result.idempotencyKey)!.totalMicros;
      }
      await this.settlements.markPosted(
        hour,
        results.map((result) => ({
          namespace: totals.get(result.idempotencyKey)!.namespace,
          transactionId: result.transactionId,
        })),
      );
      this.failpoints.hit('settlement.after-mark');
    }
    return { namespaces, chargedMicros };
  }
}
