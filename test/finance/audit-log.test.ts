import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AUDIT_PAGE_SQL } from '@tally/account/audit/audit.repository';
import { GatewaySuite } from '../support/gateway-suite';

const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const GRANT = `mutation ($w: ID!, $a: Money!, $e: DateTime!, $r: String!, $k: String) {
  grantCredit(walletId: $w, amount: $a, expiresAt: $e, reason: $r, idempotencyKey: $k) { id } }`;
const AUDIT_LOG = `query ($actorId: ID, $tenantId: ID, $kind: AuditKind, $first: Int, $after: String) {
  auditLog(actorId: $actorId, tenantId: $tenantId, kind: $kind, first: $first, after: $after) {
    edges { cursor node { id kind actorType actorId tenantId targetType targetId reason requestId
      amount currency transactionId createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AuditNode {
  id: string;
  kind: string;
  actorType: string;
  actorId: string | null;
  tenantId: string;
  targetType: string;
  targetId: string;
  reason: string;
  requestId: string | null;
  amount: string | null;
  currency: string | null;
  transactionId: string | null;
  createdAt: string;
}
interface AuditPage {
  auditLog: {
    edges: { cursor: string; node: AuditNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * The audit trail through the gateway with the real account service and Postgres: each action
 * by a person leaves exactly one record (none when the action is refused, none more for a
 * replay), filtered by actor, tenant and kind, newest first, a page at a time.
 */
describe('auditLog(actorId, tenantId, kind, first, after)', () => {
  const suite = new GatewaySuite();
  let finance: { id: string; token: string };
  let colleague: { id: string; token: string };
  let tenant: { id: string; walletId: string };

  const log = async (variables: Record<string, unknown>, token = finance.token) => {
    const reply = await suite.gql<AuditPage>(token, AUDIT_LOG, variables);
    expect(reply.errors).toBeUndefined();
    return reply.data!.auditLog;
  };
  const records = async (variables: Record<string, unknown>) =>
    (await log({ first: 200, ...variables })).edges.map((e) => e.node);
  const adjust = (token: string, amount: string, reason: string, key = randomUUID()) =>
    suite.gql<{ adjustBalance: { id: string } }>(token, ADJUST, {
      input: { walletId: tenant.walletId, amount, reason, idempotencyKey: key },
    });

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing']);
    const user = await suite.fixtures.newUser('FINANCE');
    finance = { id: user.id, token: suite.jwt(user.externalId) };
    const other = await suite.fixtures.newUser('FINANCE');
    colleague = { id: other.id, token: suite.jwt(other.externalId) };
    tenant = await suite.newTenant('Audited');
  }, 120_000);
  afterAll(() => suite.stop());

  it('records a balance adjustment once, with who, why, how much and the transaction', async () => {
    const key = randomUUID();
    const first = await adjust(finance.token, '12.500000', '  Goodwill for the outage  ', key);
    expect(first.errors).toBeUndefined();
    const replay = await adjust(finance.token, '12.500000', 'Goodwill for the outage', key);
    expect(replay.data?.adjustBalance.id).toBe(first.data!.adjustBalance.id);

    const found = await records({ tenantId: tenant.id, kind: 'BALANCE_ADJUSTED' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'BALANCE_ADJUSTED',
      actorType: 'user',
      actorId: finance.id,
      tenantId: tenant.id,
      targetType: 'wallet',
      targetId: tenant.walletId,
      reason: 'Goodwill for the outage',
      amount: '12.500000',
      currency: 'USD',
      transactionId: first.data!.adjustBalance.id,
    });
    expect(found[0].requestId).toEqual(expect.any(String));
  });

  it('records nothing for an adjustment the ledger refuses', async () => {
    const before = await records({ tenantId: tenant.id });
    const refused = await adjust(finance.token, '-1000000.000000', 'Take more than there is');
    expect(refused.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
    const blank = await adjust(finance.token, '1.000000', '   ');
    expect(blank.errors?.[0]?.extensions?.reason).toBe('BAD_REASON');
    expect(await records({ tenantId: tenant.id })).toEqual(before);
  });

  it('records a credit grant once, also when sent again without a key', async () => {
    const variables = { w: tenant.walletId, a: '5', e: inDays(30), r: 'Welcome credit' };
    const first = await suite.gql<{ grantCredit: { id: string } }>(
      colleague.token,
      GRANT,
      variables,
    );
    expect(first.errors).toBeUndefined();
    const again = await suite.gql(colleague.token, GRANT, variables);
    expect(again.errors).toBeUndefined();

    const found = await records({ tenantId: tenant.id, kind: 'CREDIT_GRANTED' });
    expect(found.map((r) => [r.actorId, r.reason, r.amount, r.targetId])).toEqual([
      [colleague.id, 'Welcome credit', '5.000000', tenant.walletId],
    ]);
  });

  it('filters by actor, tenant and kind, newest first', async () => {
    const other = await suite.newTenant('Audited too');
    await suite.gql(colleague.token, ADJUST, {
      input: {
        walletId: other.walletId,
        amount: '1',
        reason: 'Other tenant',
        idempotencyKey: randomUUID(),
      },
    });
    expect((await records({ tenantId: tenant.id })).map((r) => r.kind)).toEqual([
      'CREDIT_GRANTED',
      'BALANCE_ADJUSTED',
    ]);
    expect((await records({ actorId: colleague.id })).map((r) => r.reason)).toEqual([
      'Other tenant',
      'Welcome credit',
    ]);
    expect(
      (await records({ actorId: colleague.id, kind: 'BALANCE_ADJUSTED' })).map((r) => r.tenantId),
    ).toEqual([other.id]);
    expect(await records({ actorId: finance.id, tenantId: other.id })).toEqual([]);
  });

  it('pages through every record once, one at a time', async () => {
    const all = await records({ actorId: colleague.id });
    const seen: AuditNode[] = [];
    let after: string | null = null;
    for (;;) {
      const page: AuditPage['auditLog'] = await log({ actorId: colleague.id, first: 1, after });
      seen.push(...page.edges.map((e) => e.node));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(all).toHaveLength(2);
  });

  it.each([
    ['a page of none', { first: 0 }, 'BAD_PAGE_SIZE'],
    ['a page of 201', { first: 201 }, 'BAD_PAGE_SIZE'],
    ['a cursor it did not make', { after: 'not-a-cursor!' }, 'BAD_CURSOR'],
    ['a cursor of no record id', { after: Buffer.from('-1').toString('base64url') }, 'BAD_CURSOR'],
    ['a tenant id that is no id', { tenantId: 'acme' }, 'BAD_TENANT_ID'],
  ])('refuses %s with BAD_USER_INPUT and a reason', async (_, variables, reason) => {
    const reply = await suite.gql<AuditPage>(finance.token, AUDIT_LOG, variables);
    expect(reply.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['BAD_USER_INPUT', reason],
    ]);
  });

  describe('the table behind it', () => {
    let db: Client;
    beforeAll(async () => {
      db = new Client({ connectionString: process.env.DATABASE_URL });
      await db.connect();
    });
    afterAll(() => db.end());

    it('keeps every record as written: no update, no delete', async () => {
      const update = db.query(
        `UPDATE account.audit_records SET reason = 'edited' WHERE tenant_id = $1`,
        [tenant.id],
      );
      await expect(update).rejects.toThrow('audit records are never changed or deleted');
      const remove = db.query(`DELETE FROM account.audit_records WHERE tenant_id = $1`, [
        tenant.id,
      ]);
      await expect(remove).rejects.toThrow('audit records are never changed or deleted');
    });

    it.each([
      ['an actor', [randomUUID(), null, null, null, 51], 'audit_records_actor_id_id_idx'],
      ['a tenant', [null, randomUUID(), null, '1000', 51], 'audit_records_tenant_id_id_idx'],
      ['a kind', [null, null, 'CREDIT_GRANTED', null, 51], 'audit_records_kind_id_idx'],
      ['no filter', [null, null, null, null, 51], 'audit_records_pkey'],
    ])('reads a page by %s from an index', async (_, values, index) => {
      await db.query('BEGIN');
      try {
        // A few hundred test rows are rightly read whole; priced out, the plan shows the index.
        await db.query('SET LOCAL enable_seqscan = off');
        const { rows } = await db.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN ${AUDIT_PAGE_SQL}`,
          values,
        );
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(plan).toContain(index);
      } finally {
        await db.query('ROLLBACK');
      }
    });
  });
});
