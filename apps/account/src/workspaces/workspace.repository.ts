import { Injectable } from '@nestjs/common';
import type { Workspace } from '@prisma/client';
import { conflict } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { isUniqueViolation, PrismaService } from '@tally/prisma';
import type { NamespaceState, WorkspacePlacementView, WorkspaceView } from '@tally/transport';
import { validUuids } from '../wallets/wallet.repository';

export interface WorkspacePlacement {
  readonly tenantId: string;
  readonly subAccountId: string | null;
  readonly walletId: string;
}

@Injectable()
export class WorkspaceRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(namespace: string, placement: WorkspacePlacement): Promise<WorkspaceView> {
    try {
      return toWorkspaceView(
        await this.prisma.workspace.create({ data: { namespace, ...placement } }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`Namespace ${namespace} is already taken in this cluster`, {
          reason: 'NAMESPACE_TAKEN',
        });
      }
      throw error;
    }
  }

  async move(id: string, subAccountId: string | null, walletId: string): Promise<WorkspaceView> {
    return toWorkspaceView(
      await this.prisma.workspace.update({ where: { id }, data: { subAccountId, walletId } }),
    );
  }

  async byNamespace(namespace: string): Promise<WorkspaceView | null> {
    const row = await this.prisma.workspace.findUnique({ where: { namespace } });
    return row === null ? null : toWorkspaceView(row);
  }

  async byTenants(tenantIds: readonly string[]): Promise<WorkspaceView[]> {
    const rows = await this.prisma.workspace.findMany({
      where: { tenantId: { in: validUuids(tenantIds) } },
      orderBy: { namespace: 'asc' },
    });
    return rows.map(toWorkspaceView);
  }

  /** Settlement asks this for up to thousands of namespaces at a time: one indexed lookup. */
  async placements(namespaces: readonly string[]): Promise<WorkspacePlacementView[]> {
    const { rows } = await this.prisma.pool.query<WorkspacePlacementView>({
      name: 'workspace_placements',
      text: `SELECT w.namespace, w.tenant_id AS "tenantId", w.wallet_id AS "walletId",
                    wallet.currency
               FROM account.workspaces w
               JOIN account.wallets wallet ON wallet.id = w.wallet_id
              WHERE w.namespace = ANY ($1::text[])`,
      values: [namespaces],
    });
    return rows;
  }

  async byWallets(walletIds: readonly string[]): Promise<WorkspaceView[]> {
    const rows = await this.prisma.workspace.findMany({
      where: { walletId: { in: validUuids(walletIds) } },
      orderBy: { namespace: 'asc' },
    });
    return rows.map(toWorkspaceView);
  }

  async setState(namespace: string, state: NamespaceState): Promise<WorkspaceView | null> {
    const rows = await this.prisma.workspace.updateManyAndReturn({
      where: { namespace },
      data: { state },
    });
    return rows.length === 0 ? null : toWorkspaceView(rows[0]);
  }

  async bySubAccounts(subAccountIds: readonly string[]): Promise<WorkspaceView[]> {
    const rows = await this.prisma.workspace.findMany({
      where: { subAccountId: { in: validUuids(subAccountIds) } },
      orderBy: { namespace: 'asc' },
    });
    return rows.map(toWorkspaceView);
  }
}

export function toWorkspaceView(row: Workspace): WorkspaceView {
  return {
    id: row.id,
    namespace: row.namespace,
    tenantId: row.tenantId,
    subAccountId: row.subAccountId,
    walletId: row.walletId,
    state: row.state,
    spendingCapMicros: row.spendingCapMicros === null ? null : toWireMicros(row.spendingCapMicros),
  };
}
