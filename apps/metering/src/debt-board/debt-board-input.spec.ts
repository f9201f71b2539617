import { reasonOf } from '@tally/testing';
import type { DebtState } from '@tally/transport';
import {
  assertBoardPageSize,
  assertBoardState,
  boardCursor,
  boardPosition,
} from './debt-board-input';

describe('the debt board input', () => {
  it('reads back the cursors it makes, microseconds and offset kept', () => {
    const position = {
      since: '2026-12-01 10:00:00.000001+00',
      walletId: '0193a2b4-1111-7000-8000-000000000001',
    };
    expect(boardPosition(boardCursor(position))).toEqual(position);
    const whole = { ...position, since: '2026-11-20 08:30:00+05:30' };
    expect(boardPosition(boardCursor(whole))).toEqual(whole);
  });

  it.each(['', 'nope', Buffer.from('2026-12-01|not-a-uuid').toString('base64url'), '***'])(
    'refuses the cursor %p',
    (cursor) => {
      expect(reasonOf(() => boardPosition(cursor))).toBe('BAD_CURSOR');
    },
  );

  it('lists the debt states only, a page of 1 to 200', () => {
    for (const state of ['LOW_BALANCE', 'CRITICAL', 'SUSPENDED', 'RECLAIMED'] as DebtState[]) {
      expect(() => assertBoardState(state)).not.toThrow();
    }
    expect(reasonOf(() => assertBoardState('NORMAL'))).toBe('BAD_STATE');
    expect(() => assertBoardPageSize(200)).not.toThrow();
    for (const first of [0, 201, 1.5]) {
      expect(reasonOf(() => assertBoardPageSize(first))).toBe('BAD_PAGE_SIZE');
    }
  });
});
