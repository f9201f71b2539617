import { DomainError } from '@tally/errors';
import type { Principal } from '@tally/transport';
import { boardPosition } from './debt-board-input';
import type { IDebtBoardRepository, PlacedDebtor } from './debt-board.repository';
import { ListDebtBoard } from './list-debt-board';

const finance: Principal = { kind: 'user', userId: 'u-1', platformRole: 'FINANCE' };
const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k-1', tenantId: 't-1' };

function placed(n: number): PlacedDebtor {
  const walletId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const since = `2026-12-0${n} 00:00:00+00`;
  return {
    entry: { walletId, tenantId: `t-${n}`, state: 'CRITICAL', since: `2026-12-0${n}T00:00:00Z` },
    position: { since, walletId },
  };
}

class FakeBoard implements IDebtBoardRepository {
  readonly asked: Parameters<IDebtBoardRepository['page']>[] = [];
  constructor(private readonly rows: PlacedDebtor[]) {}
  page(...args: Parameters<IDebtBoardRepository['page']>): Promise<PlacedDebtor[]> {
    this.asked.push(args);
    return Promise.resolve(this.rows.slice(0, args[2]));
  }
}

describe('ListDebtBoard', () => {
  it('answers a page, asking one more to learn whether more follow', async () => {
    const board = new FakeBoard([placed(1), placed(2), placed(3)]);
    const page = await new ListDebtBoard(board).execute({
      principal: finance,
      input: { state: 'CRITICAL', first: 2, after: null },
    });
    expect(board.asked).toEqual([['CRITICAL', null, 3]]);
    expect(page.edges.map((e) => e.entry.tenantId)).toEqual(['t-1', 't-2']);
    expect(page.hasNextPage).toBe(true);
    expect(boardPosition(page.endCursor!)).toEqual(placed(2).position);
  });

  it('refuses an API key before looking at the input', async () => {
    const refused = await new ListDebtBoard(new FakeBoard([]))
      .execute({ principal: apiKey, input: { state: 'NORMAL', first: 0, after: 'x' } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('FORBIDDEN');
  });
});
