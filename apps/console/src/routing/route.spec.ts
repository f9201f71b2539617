import { hrefOf, routeOf, type Route } from './route';

describe('console routes', () => {
  it.each<[string, string, Route]>([
    ['/console/', '', { page: 'home' }],
    ['/console/wallets/anything', '', { page: 'home' }],
    ['/console/finance/tenants', '', { page: 'tenants', search: '' }],
    ['/console/finance/tenants/', '?search=acme%20co', { page: 'tenants', search: 'acme co' }],
    ['/console/finance/tenants/t-1', '', { page: 'tenant', tenantId: 't-1' }],
    ['/console/spending', '', { page: 'spending' }],
    ['/console/bills/', '', { page: 'bills' }],
    ['/console/budgets', '', { page: 'budgets' }],
    ['/console/access', '', { page: 'access' }],
    ['/console/calculator', '', { page: 'calculator' }],
    ['/console/top-up', '', { page: 'top-up', recharge: null }],
    ['/console/top-up', '?recharge=r-1', { page: 'top-up', recharge: 'r-1' }],
    [
      '/console/finance/audit',
      '',
      { page: 'audit', filter: { actorId: '', tenantId: '', kind: '' } },
    ],
    [
      '/console/finance/audit/',
      '?tenant=t-1&kind=CREDIT_GRANTED',
      { page: 'audit', filter: { actorId: '', tenantId: 't-1', kind: 'CREDIT_GRANTED' } },
    ],
  ])('reads %s%s', (path, query, route) => {
    expect(routeOf(path, query)).toEqual(route);
  });

  it('writes addresses it reads back', () => {
    const routes: Route[] = [
      { page: 'home' },
      { page: 'tenants', search: '' },
      { page: 'tenants', search: 'a&b=c d' },
      { page: 'tenant', tenantId: '0b7e5a52-8a8c-4d47-9a53-4f2b2d1e6c11' },
      { page: 'spending' },
      { page: 'bills' },
      { page: 'budgets' },
      { page: 'access' },
      { page: 'calculator' },
      { page: 'top-up', recharge: null },
      { page: 'top-up', recharge: 'a&b' },
      { page: 'audit', filter: { actorId: 'u 1&x', tenantId: '', kind: 'BALANCE_ADJUSTED' } },
    ];
    for (const route of routes) {
      const url = new URL(hrefOf(route), 'http://127.0.0.1');
      expect(routeOf(url.pathname, url.search)).toEqual(route);
    }
  });
});

describe("the back office's read pages", () => {
  it.each<[string, string, Route]>([
    ['/console/finance', '', { page: 'overview' }],
    ['/console/finance/', '', { page: 'overview' }],
    ['/console/finance/debts', '?state=SUSPENDED', { page: 'debts', state: 'SUSPENDED' }],
    // No state, or none of the board's: its first state.
    ['/console/finance/debts', '', { page: 'debts', state: 'LOW_BALANCE' }],
    ['/console/finance/debts', '?state=NORMAL', { page: 'debts', state: 'LOW_BALANCE' }],
    ['/console/finance/reconciliation', '', { page: 'reconciliation' }],
    ['/console/finance/prices', '', { page: 'prices' }],
    ['/console/finance/usage', '', { page: 'usage' }],
  ])('reads %s%s', (path, query, route) => {
    expect(routeOf(path, query)).toEqual(route);
  });

  it('writes addresses it reads back', () => {
    const routes: Route[] = [
      { page: 'overview' },
      { page: 'debts', state: 'CRITICAL' },
      { page: 'reconciliation' },
      { page: 'prices' },
      { page: 'usage' },
    ];
    for (const route of routes) {
      const url = new URL(hrefOf(route), 'http://127.0.0.1');
      expect(routeOf(url.pathname, url.search)).toEqual(route);
    }
  });
});
