import { Inject, Injectable, Logger } from '@nestjs/common';
import { RpcClient } from '@tally/transport';
import { METERING } from '../peers/metering-principal';
import { capEvents } from './spending-cap-events';
import { assessCaps, monthStart } from './spending-cap-policy';
import { SpendingCapRepository } from './spending-cap.repository';

/**
 * Holds and releases the spending caps of the workspaces and sub-accounts drawing on a chunk of
 * wallets, beside the debt ladder's evaluation of the same wallets: one account round trip for
 * the caps and two queries (holds, month spend) per chunk, then a transaction only per change.
 * Each hold and release is recorded once with its events (a concurrent evaluation finds the row
 * already there, or gone, and queues nothing).
 */
@Injectable()
export class EvaluateSpendingCaps {
  private readonly logger = new Logger(EvaluateSpendingCaps.name);

  constructor(
    @Inject(RpcClient) private readonly rpc: Pick<RpcClient, 'send'>,
    @Inject(SpendingCapRepository)
    private readonly caps: Pick<
      SpendingCapRepository,
      'holdsOf' | 'monthSpend' | 'hold' | 'extend' | 'release'
    >,
  ) {}

  async execute(walletIds: readonly string[], now = new Date()): Promise<number> {
    const [caps, holds] = await Promise.all([
      this.rpc.send('account.spendingCaps.byWallets', {
        principal: METERING,
        input: { ids: walletIds },
      }),
      this.caps.holdsOf(walletIds),
    ]);
    if (caps.length === 0 && holds.size === 0) return 0;
    const spent = await this.caps.monthSpend(
      [...new Set(caps.flatMap((cap) => cap.namespaces))],
      monthStart(now),
    );
    let changes = 0;
    for (const decision of assessCaps(caps, spent, holds, now)) {
      const events = capEvents(decision, now);
      const done =
        decision.kind === 'reach'
          ? await this.caps.hold(decision.hold, events)
          : decision.kind === 'extend'
            ? await this.caps.extend(decision.hold, events)
            : await this.caps.release(decision.hold, events);
      if (!done) continue;
      changes++;
      this.logger.log(
        {
          scopeId: decision.hold.scopeId,
          walletId: decision.hold.walletId,
          decision: decision.kind,
        },
        'spending cap changed',
      );
    }
    return changes;
  }
}
