import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tally/errors';
import { Failpoints } from '../failpoints';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { LedgerClient } from '../peers/ledger.client';
import { WalletPendingPublisher } from '../peers/wallet-pending.publisher';
import { chargeKey, usagePosting } from './charge-posting';
import { FrozenCharge, SettlementRepository } from './settlement.repository';

/**
 * Batches in flight at once. The charges come sorted by wallet, so two neighbouring batches
 * share at most one wallet and do not queue on each other's wallet locks; two keep both the
 * account service and Postgres busy.
 */
const LANES = 2;

export interface PostedCharges {
  /** Namespace-hours this call charged; replays of earlier posts are not counted. */
  readonly namespaces: number;
  readonly chargedMicros: bigint;
}

/**
 * Posts an hour's frozen charges, a batch at a time. The ledger is what makes this exactly
 * once: each charge's key is `charge:<namespace>:<hour>` and its content is frozen, so a rerun
 * after a crash posts the same charges again and the ledger answers "replayed" for every key
 * it already has, changing nothing. Only the run that created a charge counts it.
 */
@Injectable()
export class PostCharges {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly settlements: SettlementRepository,
    private readonly ledger: LedgerClient,
    private readonly failpoints: Failpoints,
    private readonly publisher: WalletPendingPublisher,
  ) {}

  async execute(hour: Date): Promise<PostedCharges> {
    const charges = await this.settlements.chargesToPost(hour);
    // Before any charge is posted, the hour's estimates beside the balances give way to the
    // charges, so each one counts as pending until the ledger has it (a rerun finds it done).
    await this.publisher.frozenHour(hour, charges);
    const size = this.config.TALLY_SETTLEMENT_BATCH_SIZE;
    const batches: FrozenCharge[][] = [];
    for (let i = 0; i < charges.length; i += size) batches.push(charges.slice(i, i + size));

    let next = 0;
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async () => {
        let namespaces = 0;
        let chargedMicros = 0n;
        while (next < batches.length) {
          const posted = await this.postBatch(hour, batches[next++]);
          namespaces += posted.namespaces;
          chargedMicros += posted.chargedMicros;
        }
        return { namespaces, chargedMicros };
      }),
    );
    return lanes.reduce((a, b) => ({
      namespaces: a.namespaces + b.namespaces,
      chargedMicros: a.chargedMicros + b.chargedMicros,
    }));
  }

  private async postBatch(hour: Date, batch: readonly FrozenCharge[]): Promise<PostedCharges> {
    const byKey = new Map(batch.map((charge) => [chargeKey(charge.namespace, hour), charge]));
    const results = await this.ledger.postBatch(
      batch.map((c) =>
        usagePosting('usage', chargeKey(c.namespace, hour), hour, c.walletId, c.lines),
      ),
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
    let namespaces = 0;
    let chargedMicros = 0n;
    for (const result of results) {
      if (result.outcome !== 'created') continue;
      namespaces += 1;
      chargedMicros += byKey.get(result.idempotencyKey)!.totalMicros;
    }
    return { namespaces, chargedMicros };
  }
}
