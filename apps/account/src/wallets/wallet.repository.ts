import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { DebtState, MicrosString, WalletView } from '@tally/transport';

@Injectable()
export class WalletRepository {
  constructor(private readonly prisma: PrismaService) {}

  // On every posting's path: plain SQL, a third of what the ORM costs per call.
  async byIds(ids: readonly string[]): Promise<WalletView[]> {
    const { rows } = await this.prisma.pool.query<WalletRow>({
      name: 'wallets_by_ids',
      text: `SELECT ${walletColumns('w')} FROM account.wallets w WHERE w.id = ANY ($1::uuid[])`,
      values: [validUuids(ids)],
    });
    return rows.map(toWalletView);
  }

  /** Whether the stored state changed (a repeated push changes nothing). */
  async setDebtState(walletId: string, state: DebtState): Promise<boolean> {
    const { rowCount } = await this.prisma.pool.query(
      `UPDATE account.wallets SET debt_state = $2::account."DebtState"
        WHERE id = $1 AND debt_state <> $2::account."DebtState"`,
      [walletId, state],
    );
    return rowCount === 1;
  }

  async byId(id: string): Promise<WalletView | null> {
    const [wallet] = await this.byIds([id]);
    return wallet ?? null;
  }
}

/** The columns of a WalletRow from the wallets table as `alias`; the balance as text. */
export function walletColumns(alias: string): string {
  return ['id', 'tenant_id', 'kind', 'sub_account_id', 'currency', 'debt_state']
    .map((column) => `${alias}.${column}`)
    .concat(`${alias}.balance_micros::text AS balance_micros`)
    .join(', ');
}

export interface WalletRow {
  id: string;
  tenant_id: string;
  kind: WalletView['kind'];
  sub_account_id: string | null;
  /** bigint as text: the wire form already. */
  balance_micros: MicrosString;
  currency: string;
  debt_state: WalletView['debtState'];
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from callers that cannot be UUIDs simply match nothing (NOT_FOUND, not a 500). */
export function validUuids(ids: readonly string[]): string[] {
  return ids.filter((id) => uuid.test(id));
}

export function toWalletView(row: WalletRow): WalletView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    subAccountId: row.sub_account_id,
    balanceMicros: row.balance_micros,
    currency: row.currency,
    debtState: row.debt_state,
  };
}
