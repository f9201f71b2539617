import { Injectable } from '@nestjs/common';
import { toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import { appendToOutbox } from '@tally/queue';
import type { SpendingCapView, SubAccountView, WorkspaceView } from '@tally/transport';
import { toSubAccountView, withWallet } from '../sub-accounts/sub-account.repository';
import { validUuids } from '../wallets/wallet.repository';
import { toWorkspaceView } from '../workspaces/workspace.repository';

/**
 * The topic that wakes metering's evaluation of the wallet a changed cap draws on (the same
 * queue as `ledger.changed`): a raised or removed cap resumes its scope within seconds, not at
 * the next sweep.
 */
export const SPENDING_CAP_CHANGED = 'spendingCap.changed';

@Injectable()
export class SpendingCapRepository {
  constructor(private readonly prisma: PrismaService) {}

  async workspace(id: string): Promise<WorkspaceView | null> {
    const [row] = await this.prisma.workspace.findMany({ where: { id: { in: validUuids([id]) } } });
    return row === undefined ? null : toWorkspaceView(row);
  }

  /** The cap and the event announcing it, in one transaction. */
  async capWorkspace(id: string, capMicros: bigint | null): Promise<WorkspaceView> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.workspace.update({
        where: { id },
        data: { spendingCapMicros: capMicros },
      });
      await appendToOutbox(tx, 'account', SPENDING_CAP_CHANGED, { walletId: row.walletId });
      return toWorkspaceView(row);
    });
  }

  async capSubAccount(id: string, capMicros: bigint | null): Promise<SubAccountView> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.subAccount.update({
        where: { id },
        data: { spendingCapMicros: capMicros },
        include: withWallet,
      });
      const view = toSubAccountView(row);
      await appendToOutbox(tx, 'account', SPENDING_CAP_CHANGED, { walletId: view.walletId });
      return view;
    });
  }

  /**
   * Every capped workspace and sub-account whose namespaces draw on these wallets, with those
   * namespaces: one statement for a chunk of wallets.
   */
  async byWallets(walletIds: readonly string[]): Promise<SpendingCapView[]> {
    const { rows } = await this.prisma.pool.query<{
      scope_id: string;
      scope_kind: 'WORKSPACE' | 'SUB_ACCOUNT';
      tenant_id: string;
      wallet_id: string;
      cap_micros: string;
      namespaces: string[];
    }>({
      name: 'spending_caps_by_wallets',
      text: `SELECT w.id AS scope_id, 'WORKSPACE' AS scope_kind, w.tenant_id, w.wallet_id,
                    w.spending_cap_micros::text AS cap_micros, ARRAY[w.namespace] AS namespaces
               FROM account.workspaces w
              WHERE w.wallet_id = ANY ($1::uuid[]) AND w.spending_cap_micros IS NOT NULL
             UNION ALL
             SELECT s.id, 'SUB_ACCOUNT', s.tenant_id, wallet.id, s.spending_cap_micros::text,
                    COALESCE(array_agg(w.namespace ORDER BY w.namespace)
                               FILTER (WHERE w.namespace IS NOT NULL), '{}')
               FROM account.sub_accounts s
               JOIN account.wallets wallet ON wallet.sub_account_id = s.id
               LEFT JOIN account.workspaces w ON w.sub_account_id = s.id
              WHERE wallet.id = ANY ($1::uuid[]) AND s.spending_cap_micros IS NOT NULL
              GROUP BY s.id, wallet.id`,
      values: [validUuids(walletIds)],
    });
    return rows.map((row) => ({
      scopeId: row.scope_id,
      scopeKind: row.scope_kind,
      tenantId: row.tenant_id,
      walletId: row.wallet_id,
      capMicros: toWireMicros(BigInt(row.cap_micros)),
      namespaces: row.namespaces,
    }));
  }
}
