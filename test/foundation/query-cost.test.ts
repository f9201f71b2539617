import { randomUUID } from 'node:crypto';
import { GatewaySuite } from '../support/gateway-suite';

/**
 * What an operation may cost: a field that makes a service call costs like one, so a request
 * cannot buy thousands of calls for a few kilobytes of aliases; and identical reads inside one
 * request are made once. Calls are counted on the gateway's own tally_rpc_calls_total.
 */
describe('query cost and repeated reads', () => {
  const suite = new GatewaySuite();
  let tenant: Awaited<ReturnType<GatewaySuite['newTenant']>>;

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing']);
    tenant = await suite.newTenant('Cost');
    const sub = await suite.newSubAccount(tenant.id);
    await suite.newWorkspace(tenant.id, `cost-${randomUUID().slice(0, 8)}`, sub.id);
    await suite.admin(
      `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`,
      {
        input: {
          walletId: tenant.walletId,
          amount: '100',
          reason: 'seed',
          idempotencyKey: randomUUID(),
        },
      },
    );
  });

  afterAll(() => suite.stop());

  /** Calls the gateway has sent with `pattern` so far. */
  async function callsOf(pattern: string): Promise<number> {
    const metrics = await (await fetch(`${suite.cluster.url('gateway')}/metrics`)).text();
    const line = new RegExp(
      `^tally_rpc_calls_total\\{side="client",pattern="${pattern.replace(/\./g, '\\.')}",outcome="ok"\\} (\\d+)$`,
      'm',
    ).exec(metrics);
    return line === null ? 0 : Number(line[1]);
  }

  const aliases = (n: number, selection: string) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

  it('refuses 2,400 aliased price-book reads with QUERY_TOO_COMPLEX before any call', async () => {
    const query = aliases(2400, 'priceBook { id }');
    expect(query.length).toBeGreaterThan(50_000);
    const before = await callsOf('billing.priceBook.current');
    const { status, body } = await suite.cluster.graphql(query, undefined, {
      authorization: `Bearer ${tenant.owner}`,
    });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0].message).toMatch(/^Query cost \d+ exceeds the limit of 5000$/);
    expect(await callsOf('billing.priceBook.current')).toBe(before);
  });

  it.each([
    ['priceBook', 'priceBook { id version }', 'billing.priceBook.current'],
    ['tenant(id)', (t: string) => `tenant(id: "${t}") { id name }`, 'account.tenants.byIds'],
    [
      'wallet entries',
      (_: string, w: string) => `wallet(id: "${w}") { entries(first: 5) { edges { cursor } } }`,
      'account.wallets.entries',
    ],
    ['invoices', (t: string) => `invoices(tenantId: "${t}") { id }`, 'billing.invoices.byTenant'],
  ] as const)('serves 50 identical %s reads with one call', async (_, selection, pattern) => {
    const field = typeof selection === 'string' ? selection : selection(tenant.id, tenant.walletId);
    const before = await callsOf(pattern);
    const reply = await suite.gql<Record<string, unknown>>(tenant.owner, aliases(50, field));
    expect(reply.errors).toBeUndefined();
    expect(Object.keys(reply.data!)).toHaveLength(50);
    expect(new Set(Object.values(reply.data!).map((v) => JSON.stringify(v))).size).toBe(1);
    expect(await callsOf(pattern)).toBe(before + 1);
  });

  it('accepts what a console page asks for', async () => {
    const reply = await suite.gql<{ tenant: { wallet: { entries: { edges: unknown[] } } } }>(
      tenant.owner,
      `query ($id: ID!) {
        me { id email memberships { role tenant { id name } } }
        priceBook { version currency effectiveFrom prices { resource unit pricePerUnitHour scale } }
        tenant(id: $id) {
          id name currency
          wallet {
            id kind balance currency debtState
            entries(first: 50) {
              edges { cursor node { id amount account createdAt
                transaction { id kind idempotencyKey createdAt } } }
              pageInfo { hasNextPage endCursor }
            }
          }
          members { role tenant { id } }
          subAccounts { id name monthlyBudget wallet { id balance debtState }
            workspaces { id namespace state } }
          workspaces { id namespace state subAccount { id name } wallet { id balance } }
        }
        invoices(tenantId: $id) { id number status total currency periodStart periodEnd pdfUrl }
        webhookEndpoints(tenantId: $id) { id url eventTypes createdAt }
      }`,
      { id: tenant.id },
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.tenant.wallet.entries.edges).toHaveLength(1);
  });
});
