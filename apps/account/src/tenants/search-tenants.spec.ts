import { DomainError } from '@tally/errors';
import type { Principal } from '@tally/transport';
import { SearchTenants } from './search-tenants';
import { decodeCursor } from './tenant-search-input';
import type { ITenantSearchRepository, PlacedTenant } from './tenant-search.repository';

const finance: Principal = { kind: 'user', userId: 'u-1', platformRole: 'FINANCE' };
const member: Principal = { kind: 'user', userId: 'u-2', platformRole: null };
const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k-1', tenantId: 't-1' };

function placed(n: number): PlacedTenant {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    tenant: { id, name: `Tenant ${n}`, currency: 'USD', walletId: `w-${n}` },
    position: { name: `tenant ${n}`, id },
  };
}

/** The repository's answers, and what it was asked. */
class FakeTenantSearch implements ITenantSearchRepository {
  readonly asked: Parameters<ITenantSearchRepository['page']>[] = [];
  constructor(private readonly rows: PlacedTenant[]) {}
  page(...args: Parameters<ITenantSearchRepository['page']>): Promise<PlacedTenant[]> {
    this.asked.push(args);
    return Promise.resolve(this.rows.slice(0, args[2]));
  }
}

const codeOf = (error: unknown) =>
  error instanceof DomainError ? [error.code, error.details?.reason] : error;

describe('SearchTenants', () => {
  it('answers a page and says whether more follow, asking the database for one more', async () => {
    const tenants = new FakeTenantSearch([placed(1), placed(2), placed(3)]);
    const page = await new SearchTenants(tenants).execute({
      principal: finance,
      input: { search: ' acme ', first: 2, after: null },
    });
    expect(tenants.asked).toEqual([[{ text: 'acme', uuid: null }, null, 3]]);
    expect(page.edges.map((e) => e.tenant.name)).toEqual(['Tenant 1', 'Tenant 2']);
    expect(page.hasNextPage).toBe(true);
    expect(page.endCursor).toBe(page.edges[1].cursor);
    expect(decodeCursor(page.endCursor!)).toEqual(placed(2).position);
  });

  it('ends on the last page, and an empty one has no cursor', async () => {
    const last = await new SearchTenants(new FakeTenantSearch([placed(1)])).execute({
      principal: finance,
      input: { search: null, first: 2, after: null },
    });
    expect([last.hasNextPage, last.endCursor]).toEqual([false, last.edges[0].cursor]);
    const none = await new SearchTenants(new FakeTenantSearch([])).execute({
      principal: finance,
      input: { search: 'nobody', first: 2, after: null },
    });
    expect(none).toEqual({ edges: [], hasNextPage: false, endCursor: null });
  });

  it.each([
    ['a member', member],
    ['an API key', apiKey],
  ])('refuses %s before looking at the input', async (_, principal) => {
    const tenants = new FakeTenantSearch([placed(1)]);
    const refused = await new SearchTenants(tenants)
      .execute({ principal, input: { search: null, first: 0, after: 'garbage' } })
      .catch(codeOf);
    expect(refused).toEqual(['FORBIDDEN', undefined]);
    expect(tenants.asked).toEqual([]);
  });

  it('refuses a cursor it did not make without asking the database', async () => {
    const tenants = new FakeTenantSearch([placed(1)]);
    const refused = await new SearchTenants(tenants)
      .execute({ principal: finance, input: { search: null, first: 5, after: 'garbage' } })
      .catch(codeOf);
    expect(refused).toEqual(['BAD_USER_INPUT', 'BAD_CURSOR']);
    expect(tenants.asked).toEqual([]);
  });
});
