import { Client } from 'pg';
import { AccountContext } from '../support/account-context';
import { FinanceFixtures } from '../support/finance-fixtures';
import { FinanceSuite } from '../support/finance-suite';

const BOARD = `query ($state: DebtState!, $first: Int, $after: String) {
  debtBoard(state: $state, first: $first, after: $after) {
    edges { cursor node { state since tenant { id name } wallet { id balance runsOutAt } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Board {
  debtBoard: {
    edges: {
      cursor: string;
      node: {
        state: string;
        since: string;
        tenant: { id: string; name: string };
        wallet: { id: string; balance: string; runsOutAt: string | null };
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/**
 * debtBoard through the gateway against the real account and metering services, on a database
 * of the suite's own: one state's wallets, longest in it first, paged with opaque cursors that
 * keep Postgres's microseconds, each with its tenant and live wallet; refusals with reasons.
 * The debt ladder sweeps once a day here, so the states the test writes stay as written.
 */
describe('debtBoard(state, first, after)', () => {
  const env = new FinanceSuite();
  const suite = env.gateway;
  let ctx: AccountContext;
  let pg: Client;
  let finance: string;
  const tenants = new Map<string, { id: string; name: string }>();

  const board = async (variables: Record<string, unknown>) => {
    const reply = await suite.gql<Board>(finance, BOARD, variables);
    expect(reply.errors).toBeUndefined();
    return reply.data!.debtBoard;
  };

  /** A wallet of a new tenant, in `state` since the given Postgres timestamp. */
  async function inDebt(state: string, since: string) {
    const { tenantId, walletId } = await ctx.newTenant('USD');
    const { rows } = await pg.query<{ name: string }>(
      'SELECT name FROM account.tenants WHERE id = $1',
      [tenantId],
    );
    tenants.set(walletId, { id: tenantId, name: rows[0].name });
    await new FinanceFixtures(pg).inDebt(walletId, state, since);
    return walletId;
  }

  beforeAll(async () => {
    ({ ctx, pg, finance } = await env.start(['gateway', 'account', 'metering'], {
      PROMETHEUS_URL: 'http://127.0.0.1:9',
      TALLY_DEBT_SWEEP_SECONDS: '86400',
    }));
  }, 120_000);
  afterAll(() => env.stop());

  it('pages one state longest in it first, a microsecond apart included, with tenant and wallet', async () => {
    const newest = await inDebt('CRITICAL', '2026-12-01 10:00:00.000002+00');
    const oldest = await inDebt('CRITICAL', '2026-11-20 08:30:00+00');
    const middle = await inDebt('CRITICAL', '2026-12-01 10:00:00.000001+00');
    await inDebt('LOW_BALANCE', '2026-11-01 00:00:00+00');

    const first = await board({ state: 'CRITICAL', first: 2 });
    expect(first.edges.map((e) => e.node.wallet.id)).toEqual([oldest, middle]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
    expect(first.edges[0].node).toEqual({
      state: 'CRITICAL',
      since: '2026-11-20T08:30:00.000Z',
      tenant: tenants.get(oldest),
      wallet: { id: oldest, balance: '0.000000', runsOutAt: null },
    });

    const second = await board({ state: 'CRITICAL', first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.wallet.id)).toEqual([newest]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });
  });

  it('lists only the state asked for, and nothing for a state no wallet is in', async () => {
    const low = await board({ state: 'LOW_BALANCE' });
    expect(low.edges.map((e) => e.node.state)).toEqual(['LOW_BALANCE']);
    expect(await board({ state: 'SUSPENDED' })).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it.each([
    ['NORMAL wallets', { state: 'NORMAL' }, 'BAD_STATE'],
    ['an empty page', { state: 'CRITICAL', first: 0 }, 'BAD_PAGE_SIZE'],
    ['a cursor it did not make', { state: 'CRITICAL', after: 'bm9wZQ' }, 'BAD_CURSOR'],
  ])('refuses %s with BAD_USER_INPUT', async (_, variables, reason) => {
    const reply = await suite.gql(finance, BOARD, variables);
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it.each(['OWNER', 'ADMIN', 'MEMBER'] as const)('is FORBIDDEN to a tenant %s', async (role) => {
    const { tenantId } = await ctx.newTenant('USD');
    const token = suite.jwt((await suite.fixtures.newMember(tenantId, role)).externalId);
    const reply = await suite.gql(token, BOARD, { state: 'CRITICAL' });
    expect(reply.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
