import { parseWireMicros } from '@tally/money';
import type { DebtBoardPage, FinanceOverviewView } from '@tally/transport';
import { DebtState } from '../accounts/account.models';
import type { DebtBoardConnection, FinanceOverview } from './finance.models';

export const toFinanceOverview = (view: FinanceOverviewView): FinanceOverview => ({
  currency: view.currency,
  balance: parseWireMicros(view.balanceMicros),
  paid: parseWireMicros(view.paidMicros),
  promotional: parseWireMicros(view.promotionalMicros),
  wallets: view.wallets,
  pendingUsage: parseWireMicros(view.pendingMicros),
  walletsByDebtState: view.debtStates.map((row) => ({
    state: DebtState[row.state],
    wallets: row.wallets,
  })),
  dailyTotals: view.days.map((day) => ({
    day: new Date(day.day),
    charges: parseWireMicros(day.chargesMicros),
    recharges: parseWireMicros(day.rechargesMicros),
  })),
});

export const toDebtBoardConnection = (page: DebtBoardPage): DebtBoardConnection => ({
  edges: page.edges.map(({ cursor, entry }) => ({
    cursor,
    node: { ...entry, state: DebtState[entry.state], since: new Date(entry.since) },
  })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
});
