import { Inject, Injectable } from '@nestjs/common';
import { forbidden } from '@tally/errors';
import {
  isFinanceStaff,
  type Authenticated,
  type DebtBoardPage,
  type RpcRequest,
} from '@tally/transport';
import {
  assertBoardPageSize,
  assertBoardState,
  boardCursor,
  boardPosition,
} from './debt-board-input';
import { DebtBoardRepository, type IDebtBoardRepository } from './debt-board.repository';

type BoardInput = RpcRequest<'metering.debt.board'>['input'];

/**
 * Finance's debt board: the wallets in one debt state, longest in it first, across every
 * tenant. Finance staff and platform admins only (FORBIDDEN before any check of the input).
 */
@Injectable()
export class ListDebtBoard {
  constructor(@Inject(DebtBoardRepository) private readonly debtors: IDebtBoardRepository) {}

  async execute({ principal, input }: Authenticated<BoardInput>): Promise<DebtBoardPage> {
    if (!isFinanceStaff(principal)) {
      throw forbidden('Only finance staff and platform admins may see the debt board');
    }
    assertBoardState(input.state);
    assertBoardPageSize(input.first);
    const after = input.after === null ? null : boardPosition(input.after);
    const rows = await this.debtors.page(input.state, after, input.first + 1);
    const edges = rows
      .slice(0, input.first)
      .map(({ entry, position }) => ({ cursor: boardCursor(position), entry }));
    return {
      edges,
      hasNextPage: rows.length > input.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
  }
}
