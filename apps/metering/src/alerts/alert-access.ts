import { Injectable } from '@nestjs/common';
import { RpcClient, type Principal, type WalletView } from '@tally/transport';

/**
 * Who may see and set alerts is decided by the account service, which owns wallets and
 * memberships: reading a wallet as the caller answers only wallets it may read, and
 * `account.access.check` with permission `alert` admits owners, admins, the tenant's API keys,
 * finance and platform admins (FORBIDDEN for members).
 */
@Injectable()
export class AlertAccess {
  constructor(private readonly rpc: RpcClient) {}

  /** The wallet, or null when the caller may not read it (or there is none). */
  async readableWallet(principal: Principal, walletId: string): Promise<WalletView | null> {
    const [wallet] = await this.rpc.send('account.wallets.byIds', {
      principal,
      input: { ids: [walletId] },
    });
    return wallet ?? null;
  }

  async assertMaySetAlerts(principal: Principal, wallet: WalletView): Promise<void> {
    await this.rpc.send('account.access.check', {
      principal,
      input: { tenantId: wallet.tenantId, permission: 'alert' },
    });
  }
}
