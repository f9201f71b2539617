import { Injectable } from '@nestjs/common';
import { RpcClient, type Authenticated, type RechargeView } from '@tally/transport';
import { RechargeRepository, toRechargeView } from './recharge.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A recharge, for whoever may read its wallet; anyone else gets null, as for a missing one. */
@Injectable()
export class RechargeById {
  constructor(
    private readonly recharges: RechargeRepository,
    private readonly rpc: RpcClient,
  ) {}

  async execute({ principal, input }: Authenticated<{ id: string }>): Promise<RechargeView | null> {
    if (!UUID.test(input.id)) return null;
    const recharge = await this.recharges.byId(input.id);
    if (recharge === null) return null;
    const wallets = await this.rpc.send('account.wallets.byIds', {
      principal,
      input: { ids: [recharge.walletId] },
    });
    return wallets.length === 0 ? null : toRechargeView(recharge);
  }
}
