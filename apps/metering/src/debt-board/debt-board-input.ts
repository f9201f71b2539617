import { badInput } from '@tally/errors';
import type { DebtState } from '@tally/transport';

export const MAX_DEBT_BOARD_PAGE = 200;
/** The states of the board; NORMAL wallets owe nothing. */
const BOARD_STATES: ReadonlySet<DebtState> = new Set([
  'LOW_BALANCE',
  'CRITICAL',
  'SUSPENDED',
  'RECLAIMED',
]);

/** Where a page starts: after the wallet that entered the state at `since` (Postgres's text). */
export interface DebtBoardPosition {
  readonly since: string;
  readonly walletId: string;
}

export function assertBoardState(state: DebtState): void {
  if (!BOARD_STATES.has(state)) {
    throw badInput(`The debt board lists ${[...BOARD_STATES].join(', ')}`, {
      reason: 'BAD_STATE',
    });
  }
}

export function assertBoardPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_DEBT_BOARD_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_DEBT_BOARD_PAGE}`, {
      reason: 'BAD_PAGE_SIZE',
    });
  }
}

// The position in base64url: opaque to callers. `since` is Postgres's own text of the
// timestamp, microseconds and all (a JavaScript Date would drop them and repeat rows).
export function boardCursor(position: DebtBoardPosition): string {
  return Buffer.from(`${position.since}|${position.walletId}`).toString('base64url');
}

const POSITION =
  /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)\|([0-9a-f-]{36})$/;

export function boardPosition(cursor: string): DebtBoardPosition {
  const match = /^[A-Za-z0-9_-]{1,200}$/.test(cursor)
    ? POSITION.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    : null;
  if (match === null) {
    throw badInput('after is not a cursor this API returned', { reason: 'BAD_CURSOR' });
  }
  return { since: match[1], walletId: match[2] };
}
