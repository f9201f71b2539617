import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { DebtBoardEntryView, DebtState } from '@tally/transport';
import type { DebtBoardPosition } from './debt-board-input';

/** A wallet on the board with its place in the order, which the next page starts after. */
export interface PlacedDebtor {
  readonly entry: DebtBoardEntryView;
  readonly position: DebtBoardPosition;
}

export interface IDebtBoardRepository {
  page(state: DebtState, after: DebtBoardPosition | null, limit: number): Promise<PlacedDebtor[]>;
}

/**
 * The debt board's wallets: one state's, longest in it first (since, then wallet id), one range
 * of wallet_debt_state_since_wallet_id_idx (migration 20261206220000_finance_views).
 */
@Injectable()
export class DebtBoardRepository implements IDebtBoardRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(
    state: DebtState,
    after: DebtBoardPosition | null,
    limit: number,
  ): Promise<PlacedDebtor[]> {
    const { rows } = await this.prisma.pool.query<{
      wallet_id: string;
      tenant_id: string;
      state: DebtState;
      since: Date;
      since_text: string;
    }>({
      name: 'debt_board_page',
      text: DEBT_BOARD_SQL,
      values: [state, after?.since ?? null, after?.walletId ?? null, limit],
    });
    return rows.map((row) => ({
      entry: {
        walletId: row.wallet_id,
        tenantId: row.tenant_id,
        state: row.state,
        since: row.since.toISOString(),
      },
      position: { since: row.since_text, walletId: row.wallet_id },
    }));
  }
}

/** $1 the state; $2, $3 the position a page starts after (null: the first page); $4 the limit. */
export const DEBT_BOARD_SQL = `
SELECT wallet_id, tenant_id, state, since, since::text AS since_text
  FROM metering.wallet_debt
 WHERE state = $1
   AND ($2::timestamptz IS NULL OR (since, wallet_id) > ($2::timestamptz, $3::uuid))
 ORDER BY since, wallet_id
 LIMIT $4`;
