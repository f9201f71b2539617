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
    ['/console/prices', '', { page: 'prices' }],
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
      { page: 'prices' },
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
