import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TENANT_RECHARGES_PAGE_SQL } from '@tally/billing/recharges/recharge.repository';
import { outcome } from '../identity/identity-fixtures';
import { GatewaySuite } from '../support/gateway-suite';
import { waitFor } from '../support/ports';
import { StripeEvents } from '../support/stripe-events';
import { StripeStub } from '../support/stripe-stub';

const SECRET = `whsec_test_${randomUUID().replace(/-/g, '')}`;
const START = `mutation ($input: StartRechargeInput!) { startRecharge(input: $input) { id } }`;
const RECHARGES = `query ($t: ID!, $first: Int, $after: String) {
  recharges(tenantId: $t, first: $first, after: $after) {
    edges { cursor node { id status amount bonus refunded wallet { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface RechargesReply {
  recharges: {
    edges: {
      cursor: string;
      node: {
        id: string;
        status: string;
        amount: string;
        refunded: string;
        wallet: { id: string };
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** A tenant's recharges: newest first, paged by cursor, refunds shown, refused to outsiders. */
describe('a tenant’s recharges', () => {
  const suite = new GatewaySuite();
  const stripe = new StripeStub();
  const events = new StripeEvents(() => suite.cluster.url('gateway'), SECRET);
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    await suite.start(['gateway', 'account', 'billing'], {
      STRIPE_API_URL: await stripe.start(),
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await db.end();
    await suite.stop();
    await stripe.stop();
  });

  async function start(walletId: string, amount: string): Promise<string> {
    const reply = await suite.admin<{ startRecharge: { id: string } }>(START, {
      input: { walletId, amount, idempotencyKey: randomUUID() },
    });
    expect(reply.errors).toBeUndefined();
    return reply.data!.startRecharge.id;
  }

  const recharges = (token: string, tenantId: string, first?: number, after?: string) =>
    suite.gql<RechargesReply>(token, RECHARGES, { t: tenantId, first, after });

  const reasonOf = (reply: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    reply.errors?.[0]?.extensions?.reason;

  it('lists them newest first, a page at a time, each cursor continuing after its recharge', async () => {
    const tenant = await suite.newTenant('Paged');
    const ids: string[] = [];
    for (const amount of ['10', '20', '30']) ids.push(await start(tenant.walletId, amount));

    const first = await recharges(tenant.owner, tenant.id, 2);
    expect(first.errors).toBeUndefined();
    const page = first.data!.recharges;
    expect(page.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page.edges.map((e) => [e.node.status, e.node.amount, e.node.wallet.id])).toEqual([
      ['PENDING', '30.000000', tenant.walletId],
      ['PENDING', '20.000000', tenant.walletId],
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[1].cursor });

    const second = (await recharges(tenant.owner, tenant.id, 2, page.pageInfo.endCursor!)).data!
      .recharges;
    expect(second.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });

    // From the first edge's cursor: the rest, in the same order.
    const fromFirst = (await recharges(tenant.owner, tenant.id, 5, page.edges[0].cursor)).data!
      .recharges;
    expect(fromFirst.edges.map((e) => e.node.id)).toEqual([ids[1], ids[0]]);
  });

  it('shows what Stripe refunded, exactly, and REFUNDED once all of it is', async () => {
    const tenant = await suite.newTenant('Refunds');
    const id = await start(tenant.walletId, '200');
    const { rows } = await db.query<{ stripe_session_id: string }>(
      'SELECT stripe_session_id FROM billing.recharges WHERE id = $1',
      [id],
    );
    const paymentIntent = `pi_${randomUUID().replace(/-/g, '')}`;
    const session = { id: rows[0].stripe_session_id, rechargeId: id, paymentIntent };
    expect((await events.post(events.completed(session, 20000))).status).toBe(200);
    expect((await events.post(events.refunded(paymentIntent, 20000, 5001))).status).toBe(200);

    const node = async () => (await recharges(tenant.owner, tenant.id)).data!.recharges.edges[0];
    await waitFor('the partial refund', async () =>
      (await node()).node.refunded === '50.010000' ? true : undefined,
    );
    expect((await node()).node).toMatchObject({ status: 'SUCCEEDED', amount: '200.000000' });

    expect((await events.post(events.refunded(paymentIntent, 20000, 20000))).status).toBe(200);
    await waitFor('the full refund', async () =>
      (await node()).node.status === 'REFUNDED' ? true : undefined,
    );
    expect((await node()).node.refunded).toBe('200.000000');
  });

  it('answers members, finance and platform admins, and NOT_FOUND to anyone else', async () => {
    const tenant = await suite.newTenant('Readers');
    const id = await start(tenant.walletId, '5');
    const member = await suite.fixtures.newMember(tenant.id, 'MEMBER');
    const finance = await suite.fixtures.newUser('FINANCE');
    const other = await suite.newTenant('Other');

    for (const token of [suite.jwt(member.externalId), suite.jwt(finance.externalId)]) {
      const reply = await recharges(token, tenant.id);
      expect(reply.errors).toBeUndefined();
      expect(reply.data!.recharges.edges.map((e) => e.node.id)).toEqual([id]);
    }
    expect(outcome(await recharges(other.owner, tenant.id))).toBe('NOT_FOUND');
    expect(outcome(await recharges(other.owner, randomUUID()))).toBe('NOT_FOUND');
    expect(outcome(await recharges(other.owner, 'not-a-uuid'))).toBe('NOT_FOUND');
    // The outsider learns nothing from bad input either.
    expect(outcome(await recharges(other.owner, tenant.id, 0))).toBe('NOT_FOUND');
  });

  it('refuses a page size out of 1 to 100 and a cursor it did not give for this tenant', async () => {
    const tenant = await suite.newTenant('Refusals');
    const other = await suite.newTenant('Elsewhere');
    const foreign = await start(other.walletId, '5');

    for (const first of [0, 101, -1]) {
      const reply = await recharges(tenant.owner, tenant.id, first);
      expect([outcome(reply), reasonOf(reply)]).toEqual(['BAD_USER_INPUT', 'BAD_PAGE_SIZE']);
    }
    for (const after of ['nope', foreign, randomUUID()]) {
      const reply = await recharges(tenant.owner, tenant.id, 5, after);
      expect([outcome(reply), reasonOf(reply)]).toEqual(['BAD_USER_INPUT', 'BAD_CURSOR']);
    }
    const empty = await recharges(tenant.owner, tenant.id);
    expect(empty.data!.recharges).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('reads a page, first or later, from the (tenant_id, created_at, id) index', async () => {
    const tenant = await suite.newTenant('Explained');
    const after = await start(tenant.walletId, '5');
    for (const values of [
      [tenant.id, null, 21],
      [tenant.id, after, 21],
    ]) {
      await db.query('BEGIN');
      try {
        // A few test rows are rightly read whole, or gathered by a bitmap and sorted (as in a
        // full suite's database, where other suites' recharges sit beside them); with both
        // priced out, the plan shows what serves a tenant with many: the index, in its order.
        await db.query('SET LOCAL enable_seqscan = off');
        await db.query('SET LOCAL enable_bitmapscan = off');
        const { rows } = await db.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN ${TENANT_RECHARGES_PAGE_SQL}`,
          values,
        );
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(plan).toContain('Index Scan using recharges_tenant_id_created_at_id_idx');
        expect(plan).not.toContain('Sort');
      } finally {
        await db.query('ROLLBACK');
      }
    }
  });
});
