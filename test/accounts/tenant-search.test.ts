import { randomUUID } from 'node:crypto';
import { LIST_SQL, SEARCH_SQL } from '@tally/account/tenants/tenant-search.repository';
import { GatewaySuite } from '../support/gateway-suite';
import { QueryPlans } from '../support/query-plans';

const TENANTS = `query ($search: String, $first: Int, $after: String) {
  tenants(search: $search, first: $first, after: $after) {
    edges { cursor node { id name currency wallet { id balance } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Without nested service calls: a page of 200 stays under the query cost limit. */
const NAMES = `query ($search: String, $first: Int, $after: String) {
  tenants(search: $search, first: $first, after: $after) {
    edges { cursor node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  tenants: {
    edges: { cursor: string; node: { id: string; name: string; wallet: { id: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/**
 * Finance's tenant search through the gateway, against the real account service and Postgres:
 * what each kind of search finds, pages in name order with opaque cursors, refusals of bad
 * input with their reasons, and the indexes the statements are planned with.
 */
describe('tenants(search, first, after)', () => {
  const suite = new GatewaySuite();
  // Other suites' tenants share the database: every name here carries this run's tag.
  const tag = `ts${randomUUID().slice(0, 8)}`;
  let finance: string;
  const names = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'].map((n) => `${tag} ${n}`);
  const ids = new Map<string, string>();

  const search = async (variables: Record<string, unknown>, query = TENANTS) => {
    const reply = await suite.gql<Page>(finance, query, variables);
    expect(reply.errors).toBeUndefined();
    return reply.data!.tenants;
  };
  const namesFound = async (text: string) =>
    (await search({ search: text })).edges.map((e) => e.node.name);

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing']);
    finance = suite.jwt((await suite.fixtures.newUser('FINANCE')).externalId);
    for (const name of names) ids.set(name, (await suite.newTenant(name)).id);
  }, 120_000);
  afterAll(() => suite.stop());

  it('finds tenants by any part of the name, in any case, in name order', async () => {
    // Case aside, whatever the database's collation: alpha, bravo, Charlie, not Charlie first.
    const sorted = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    expect(await namesFound(tag.toUpperCase())).toEqual(sorted);
    expect(await namesFound('HARLI')).toContain(`${tag} Charlie`);
    expect(await namesFound(`${tag} cHaRlIe`)).toEqual([`${tag} Charlie`]);
  });

  it("finds a tenant by its id, a workspace namespace or its prefix, and a member's id, e-mail or subject", async () => {
    const echo = ids.get(`${tag} Echo`)!;
    const namespace = `${tag}-shop-prod`;
    await suite.newWorkspace(echo, namespace);
    const member = await suite.fixtures.newMember(echo, 'MEMBER');
    const only = [`${tag} Echo`];

    expect(await namesFound(echo)).toEqual(only);
    expect(await namesFound(echo.toUpperCase())).toEqual(only);
    expect(await namesFound(namespace)).toEqual(only);
    expect(await namesFound(`${tag}-shop`)).toEqual(only);
    expect(await namesFound(`${tag}-SHOP`)).toEqual(only);
    // A namespace matches from its start only; the name does not hold this text either.
    expect(await namesFound('shop-prod')).not.toContain(`${tag} Echo`);
    expect(await namesFound(member.id)).toEqual(only);
    expect(await namesFound(member.externalId)).toEqual(only);
    expect(await namesFound(`${member.externalId}@EXAMPLE.test`)).toEqual(only);
    expect(await namesFound(randomUUID())).toEqual([]);
  });

  it("reads LIKE's wildcards in a search as themselves", async () => {
    expect(await namesFound(`${tag}%`)).toEqual([]);
    expect(await namesFound(`${tag}_alpha`)).toEqual([]);
    const percent = `${tag} 100% Pure`;
    await suite.newTenant(percent);
    expect(await namesFound(`${tag} 100%`)).toEqual([percent]);
  });

  it('pages through every match once, two at a time, with cursors of its own', async () => {
    const all = (await search({ search: tag, first: 200 }, NAMES)).edges.map((e) => e.node.name);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page['tenants'] = await search({ search: tag, first: 2, after });
      pages++;
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...page.edges.map((e) => e.node.name));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  it('lists every tenant without a search, with its wallet, a page at a time', async () => {
    const first = await search({ first: 3 });
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await search({ first: 3, after: first.pageInfo.endCursor });
    const firstIds = new Set(first.edges.map((e) => e.node.id));
    expect(next.edges.filter((e) => firstIds.has(e.node.id))).toEqual([]);
    for (const edge of [...first.edges, ...next.edges]) expect(edge.node.wallet.id).toMatch(/-/);
    expect((await search({ search: '   ', first: 3 })).edges).toEqual(first.edges);
  });

  it.each([
    ['a page of none', { first: 0 }, 'BAD_PAGE_SIZE'],
    ['a page of 201', { first: 201 }, 'BAD_PAGE_SIZE'],
    ['a cursor it did not make', { after: 'not-a-cursor!' }, 'BAD_CURSOR'],
    [
      'a cursor without an id',
      { after: Buffer.from('["x","1"]').toString('base64url') },
      'BAD_CURSOR',
    ],
    ['a search longer than a name', { search: 'x'.repeat(201) }, 'BAD_SEARCH'],
  ])('refuses %s with BAD_USER_INPUT and a reason', async (_, variables, reason) => {
    const reply = await suite.gql<Page>(finance, NAMES, variables);
    expect(reply.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['BAD_USER_INPUT', reason],
    ]);
  });

  describe('the statements behind it', () => {
    let plans: QueryPlans;
    beforeAll(async () => (plans = await QueryPlans.open()));
    afterAll(() => plans.close());
    const plan = (sql: string, values: unknown[]) => plans.explain(sql, values);

    it('answers every arm of a search from an index', async () => {
      const text = 'acme';
      const explained = await plan(SEARCH_SQL, [
        `%${text}%`,
        randomUUID(),
        `${text}%`,
        text,
        null,
        null,
        51,
      ]);
      expect(explained).not.toContain('Seq Scan');
      for (const index of [
        'tenants_name_trgm_idx',
        'tenants_pkey',
        'workspaces_namespace_prefix_idx',
        'users_pkey',
        'users_email_lower_idx',
        'users_external_id_key',
      ]) {
        expect(explained).toContain(index);
      }
    });

    it('lists a page after a position from the (lower(name), id) index', async () => {
      const explained = await plan(LIST_SQL, ['m', randomUUID(), 51]);
      expect(explained).not.toContain('Seq Scan');
      expect(explained).toContain('tenants_lower_name_id_idx');
    });
  });
});
