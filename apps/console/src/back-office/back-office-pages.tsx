import { RouteLink } from '../routing/link';
import type { Route } from '../routing/route';
import { DebtBoardPage } from './debt-board-page';
import { OverviewPage } from './overview-page';
import { PriceBookPage } from './price-book-page';
import { ReconciliationPage } from './reconciliation-page';
import { UsagePage } from './usage-page';

type BackOfficeRoute = Extract<
  Route,
  { page: 'overview' | 'debts' | 'reconciliation' | 'prices' | 'usage' }
>;

/** The header's links to finance's read pages (staff only: the caller decides). */
export function BackOfficeLinks({ route }: { route: Route }) {
  const current = (page: Route['page']) => (route.page === page ? ('page' as const) : undefined);
  return (
    <>
      <RouteLink to={{ page: 'overview' }} aria-current={current('overview')}>
        Overview
      </RouteLink>
      <RouteLink to={{ page: 'debts', state: 'LOW_BALANCE' }} aria-current={current('debts')}>
        Debt board
      </RouteLink>
      <RouteLink to={{ page: 'reconciliation' }} aria-current={current('reconciliation')}>
        Reconciliation
      </RouteLink>
      <RouteLink to={{ page: 'prices' }} aria-current={current('prices')}>
        Price book
      </RouteLink>
      <RouteLink to={{ page: 'usage' }} aria-current={current('usage')}>
        Usage
      </RouteLink>
    </>
  );
}

/** Finance's read pages, for staff (the caller refuses everyone else). */
export function BackOfficePage({ route, token }: { route: BackOfficeRoute; token: string }) {
  switch (route.page) {
    case 'overview':
      return <OverviewPage token={token} />;
    case 'debts':
      return <DebtBoardPage state={route.state} token={token} />;
    case 'reconciliation':
      return <ReconciliationPage token={token} />;
    case 'prices':
      return <PriceBookPage token={token} />;
    case 'usage':
      return <UsagePage token={token} />;
  }
}
