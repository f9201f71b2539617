import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { assertService } from '../metering-access';
import { AccruePending } from './accrue-pending';
import { LiveBalances, type LiveWallet } from './live-balances';

/** Wallet reads batch up to this many ids (a GraphQL request's worth). */
const MAX_WALLETS = 500;

@Controller()
export class PendingController {
  constructor(
    private readonly liveBalances: LiveBalances,
    private readonly accruePending: AccruePending,
  ) {}

  @MessagePattern('metering.wallets.live')
  async live(
    @RpcData() { principal, input }: RpcRequest<'metering.wallets.live'>,
  ): Promise<RpcResponse<'metering.wallets.live'>> {
    if (input.ids.length > MAX_WALLETS) {
      throw badInput(`At most ${MAX_WALLETS} wallets per call`, { reason: 'TOO_MANY_WALLETS' });
    }
    return (await this.liveBalances.ofWallets(principal, input.ids)).map(toLiveWalletView);
  }

  @MessagePattern('metering.workspaces.pending')
  async workspacePending(
    @RpcData() { principal, input }: RpcRequest<'metering.workspaces.pending'>,
  ): Promise<RpcResponse<'metering.workspaces.pending'>> {
    const figures = await this.liveBalances.ofNamespace(principal, input.namespace);
    return figures && { pendingMicros: toWireMicros(figures.pendingMicros) };
  }

  @MessagePattern('metering.pending.accrue')
  async accrue(
    @RpcData() { principal, input }: RpcRequest<'metering.pending.accrue'>,
  ): Promise<RpcResponse<'metering.pending.accrue'>> {
    assertService(principal);
    const at = new Date(input.at);
    if (Number.isNaN(at.getTime())) {
      throw badInput('at must be an instant', { reason: 'BAD_INSTANT' });
    }
    const accrual = await this.accruePending.execute(at);
    return {
      hours: accrual.hours.map((hour) => hour.toISOString()),
      unavailable: accrual.unavailable.map(({ hour, reason }) => ({
        hour: hour.toISOString(),
        reason,
      })),
      namespaces: accrual.namespaces,
    };
  }
}

function toLiveWalletView(live: LiveWallet) {
  return {
    walletId: live.wallet.id,
    balanceMicros: toWireMicros(live.balanceMicros),
    pendingMicros: toWireMicros(live.pendingMicros),
    availableMicros: toWireMicros(live.availableMicros),
    spendRateMicros: toWireMicros(live.spendRateMicros),
    runsOutAt: live.runsOutAt?.toISOString() ?? null,
    pendingThrough: live.pendingThrough?.toISOString() ?? null,
  };
}
