import { Injectable } from '@nestjs/common';
import { notFound } from '@tally/errors';
import type { Principal } from '@tally/transport';
import { AlertAccess } from './alert-access';
import { AlertRepository, type StoredAlert } from './alert.repository';

/**
 * Reading and deleting a wallet's alerts. Anyone who may read the wallet sees its alerts;
 * deleting takes what creating takes. An alert of a wallet the caller cannot read is NOT_FOUND,
 * exactly like one that does not exist.
 */
@Injectable()
export class WalletAlerts {
  constructor(
    private readonly access: AlertAccess,
    private readonly alerts: AlertRepository,
  ) {}

  async ofWallet(principal: Principal, walletId: string): Promise<StoredAlert[]> {
    const wallet = await this.access.readableWallet(principal, walletId);
    if (wallet === null) throw notFound('Wallet', walletId);
    return this.alerts.ofWallet(wallet.id);
  }

  /**
   * Removes the alert; a TRIGGERED one sends no resolved notice (nobody is watching it any
   * more). An evaluation in flight finds it gone and announces nothing.
   */
  async delete(principal: Principal, id: string): Promise<StoredAlert> {
    const alert = await this.alerts.byId(id);
    const wallet = alert && (await this.access.readableWallet(principal, alert.walletId));
    if (alert === null || wallet === null) throw notFound('Alert', id);
    await this.access.assertMaySetAlerts(principal, wallet);
    if (!(await this.alerts.delete(id))) throw notFound('Alert', id);
    return alert;
  }
}
