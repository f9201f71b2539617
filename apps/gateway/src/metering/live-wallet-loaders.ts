import { Injectable } from '@nestjs/common';
import { RpcClient, type LiveWalletView, type Principal } from '@tally/transport';
import DataLoader from 'dataloader';
import { perRequest } from '../graphql/per-request';

/**
 * Wallets' live figures, one metering call per GraphQL request however many wallets (and
 * fields of each) it asks for. Metering answers only the wallets the caller may read.
 */
export class LiveWalletLoader {
  readonly wallets = new DataLoader<string, LiveWalletView | null>(async (ids) => {
    const views = await this.rpc.send('metering.wallets.live', {
      principal: this.principal,
      input: { ids },
    });
    const byId = new Map(views.map((view) => [view.walletId, view]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  constructor(
    private readonly rpc: RpcClient,
    private readonly principal: Principal,
  ) {}
}

/** Hands out the loader of the request a resolver runs in. */
@Injectable()
export class LiveWalletLoaderFactory {
  readonly for = perRequest((principal) => new LiveWalletLoader(this.rpc, principal));

  constructor(private readonly rpc: RpcClient) {}
}
