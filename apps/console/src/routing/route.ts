import { useEffect, useState } from 'react';
import type { DebtState } from '../gql/graphql';

/** Where the console is served (vite.config.mts `base`); every route lives under it. */
export const BASE = '/console';

/** The console's pages, read from the address so a link or a reload opens the same one. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'tenants'; readonly search: string }
  | { readonly page: 'tenant'; readonly tenantId: string }
  | { readonly page: 'spending' }
  | { readonly page: 'bills' }
  /** `recharge`: the one Checkout came back from (libs/transport's rechargeReturnPath). */
  | { readonly page: 'top-up'; readonly recharge: string | null }
  | { readonly page: 'budgets' }
  | { readonly page: 'access' }
  | { readonly page: 'calculator' }
  | { readonly page: 'overview' }
  | { readonly page: 'debts'; readonly state: DebtState }
  | { readonly page: 'reconciliation' }
  | { readonly page: 'prices' }
  | { readonly page: 'usage' }
  | { readonly page: 'audit'; readonly filter: AuditLogFilter };

/** The audit log's filters as the address keeps them; '' is no filter. */
export interface AuditLogFilter {
  readonly actorId: string;
  readonly tenantId: string;
  readonly kind: string;
}

const TENANT = /^\/finance\/tenants\/([^/]+)\/?$/;

export function routeOf(pathname: string, query: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  if (/^\/finance\/tenants\/?$/.test(path)) {
    return { page: 'tenants', search: new URLSearchParams(query).get('search') ?? '' };
  }
  if (/^\/finance\/audit\/?$/.test(path)) return { page: 'audit', filter: auditFilterOf(query) };
  const tenant = TENANT.exec(path);
  if (tenant !== null) return { page: 'tenant', tenantId: decodeURIComponent(tenant[1]) };
  if (/^\/spending\/?$/.test(path)) return { page: 'spending' };
  if (/^\/bills\/?$/.test(path)) return { page: 'bills' };
  if (/^\/budgets\/?$/.test(path)) return { page: 'budgets' };
  if (/^\/access\/?$/.test(path)) return { page: 'access' };
  if (/^\/calculator\/?$/.test(path)) return { page: 'calculator' };
  if (/^\/top-up\/?$/.test(path)) {
    return { page: 'top-up', recharge: new URLSearchParams(query).get('recharge') };
  }
  return backOfficeRoute(path, query) ?? { page: 'home' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return `${BASE}/`;
    case 'tenants':
      return route.search === ''
        ? `${BASE}/finance/tenants`
        : `${BASE}/finance/tenants?${new URLSearchParams({ search: route.search }).toString()}`;
    case 'tenant':
      return `${BASE}/finance/tenants/${encodeURIComponent(route.tenantId)}`;
    case 'spending':
      return `${BASE}/spending`;
    case 'bills':
      return `${BASE}/bills`;
    case 'budgets':
      return `${BASE}/budgets`;
    case 'access':
      return `${BASE}/access`;
    case 'calculator':
      return `${BASE}/calculator`;
    case 'top-up':
      return route.recharge === null
        ? `${BASE}/top-up`
        : `${BASE}/top-up?${new URLSearchParams({ recharge: route.recharge }).toString()}`;
    case 'overview':
      return `${BASE}/finance`;
    case 'debts':
      return `${BASE}/finance/debts?${new URLSearchParams({ state: route.state }).toString()}`;
    case 'reconciliation':
      return `${BASE}/finance/reconciliation`;
    case 'prices':
      return `${BASE}/finance/prices`;
    case 'usage':
      return `${BASE}/finance/usage`;
    case 'audit':
      return withQuery(`${BASE}/finance/audit`, {
        actor: route.filter.actorId,
        tenant: route.filter.tenantId,
        kind: route.filter.kind,
      });
  }
}

function auditFilterOf(query: string): AuditLogFilter {
  const params = new URLSearchParams(query);
  return {
    actorId: params.get('actor') ?? '',
    tenantId: params.get('tenant') ?? '',
    kind: params.get('kind') ?? '',
  };
}

/** The path with the parameters that are not blank. */
function withQuery(path: string, params: Readonly<Record<string, string>>): string {
  const given = Object.entries(params).filter(([, value]) => value !== '');
  return given.length === 0 ? path : `${path}?${new URLSearchParams(given).toString()}`;
}

const DEBT_BOARD_STATES: readonly string[] = ['LOW_BALANCE', 'CRITICAL', 'SUSPENDED', 'RECLAIMED'];

/** The back office's read pages; a debt board of no known state opens its first one. */
function backOfficeRoute(path: string, query: string): Route | null {
  if (/^\/finance\/?$/.test(path)) return { page: 'overview' };
  if (/^\/finance\/reconciliation\/?$/.test(path)) return { page: 'reconciliation' };
  if (/^\/finance\/prices\/?$/.test(path)) return { page: 'prices' };
  if (/^\/finance\/usage\/?$/.test(path)) return { page: 'usage' };
  if (!/^\/finance\/debts\/?$/.test(path)) return null;
  const state = new URLSearchParams(query).get('state') ?? '';
  return {
    page: 'debts',
    state: DEBT_BOARD_STATES.includes(state) ? (state as DebtState) : 'LOW_BALANCE',
  };
}

const NAVIGATED = 'tally:navigated';

/** Opens a page without reloading the app; the browser's back button comes back. */
export function navigate(route: Route): void {
  window.history.pushState(null, '', hrefOf(route));
  window.dispatchEvent(new Event(NAVIGATED));
}

/** The route of the address bar, following links and the back and forward buttons. */
export function useRoute(): Route {
  const current = () => routeOf(window.location.pathname, window.location.search);
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const follow = () => setRoute(current());
    window.addEventListener('popstate', follow);
    window.addEventListener(NAVIGATED, follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener(NAVIGATED, follow);
    };
  }, []);
  return route;
}
