import { Injectable } from '@nestjs/common';
import { toWireMicros } from '@tally/money';
import { RpcClient } from '@tally/transport';
import type { FrozenCharge } from '../settlement/settlement.repository';
import { HOUR_MS } from '../sources/usage-source';
import type { PendingHour } from '../pending/pending.repository';
import { METERING } from './metering-principal';

/** Posted hours are kept this long beside the balance: the spend rate looks an hour back. */
const POSTED_KEPT_MS = 2 * HOUR_MS;

/**
 * Publishes each wallet's pending usage to the account service, which reads it with the
 * balance: what metering priced this minute, an hour's charges frozen before any is posted,
 * and the hour posted. Each call is whole for its hour, so a repeat changes nothing.
 */
@Injectable()
export class WalletPendingPublisher {
  constructor(private readonly rpc: RpcClient) {}

  async openHour(hour: Date, priced: readonly PendingHour[], dropOpenBefore: Date): Promise<void> {
    const wallets = new Map<string, { amountMicros: bigint; through: number }>();
    for (const { charge, throughMinute } of priced) {
      const sum = wallets.get(charge.walletId) ?? { amountMicros: 0n, through: 0 };
      sum.amountMicros += charge.totalMicros;
      sum.through = Math.max(sum.through, throughMinute.getTime());
      wallets.set(charge.walletId, sum);
    }
    await this.rpc.send('account.pending.replaceOpenHour', {
      principal: METERING,
      input: {
        hour: hour.toISOString(),
        wallets: [...wallets].map(([walletId, { amountMicros, through }]) => ({
          walletId,
          amountMicros: toWireMicros(amountMicros),
          throughMinute: new Date(through).toISOString(),
        })),
        dropOpenBefore: dropOpenBefore.toISOString(),
      },
    });
  }

  async frozenHour(hour: Date, charges: readonly FrozenCharge[]): Promise<void> {
    const wallets = new Map<string, bigint>();
    for (const charge of charges) {
      wallets.set(charge.walletId, (wallets.get(charge.walletId) ?? 0n) + charge.totalMicros);
    }
    await this.rpc.send('account.pending.freezeHour', {
      principal: METERING,
      input: {
        hour: hour.toISOString(),
        charges: [...wallets].map(([walletId, amountMicros]) => ({
          walletId,
          amountMicros: toWireMicros(amountMicros),
        })),
      },
    });
  }

  async hourPosted(hour: Date, now = new Date()): Promise<void> {
    const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    await this.rpc.send('account.pending.hourPosted', {
      principal: METERING,
      input: {
        hour: hour.toISOString(),
        dropPostedBefore: new Date(current - POSTED_KEPT_MS).toISOString(),
      },
    });
  }
}
