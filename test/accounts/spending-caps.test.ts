import { randomUUID } from 'node:crypto';
import { outcome } from '../identity/identity-fixtures';
import { AccountContext } from '../support/account-context';
import { GatewaySuite } from '../support/gateway-suite';

const SET = `mutation ($input: SetSpendingCapInput!) {
  setSpendingCap(input: $input) {
    workspace { id namespace spendingCap } subAccount { id spendingCap } } }`;
const READ = `query ($ns: String!) {
  workspace(namespace: $ns) { spendingCap suspensionReasons subAccount { spendingCap } } }`;

interface Change {
  setSpendingCap: {
    workspace: { id: string; namespace: string; spendingCap: string | null } | null;
    subAccount: { id: string; spendingCap: string | null } | null;
  };
}

/**
 * setSpendingCap through the public API with the real apps: a cap is set, shown, changed and
 * removed on a workspace and on a sub-account, each change wakes metering's evaluation of the
 * wallet it draws on (an account outbox event in the same transaction), and bad input gets a
 * stable 4xx code, never INTERNAL. Who may set caps: the authorization matrix.
 */
describe('setSpendingCap', () => {
  const suite = new GatewaySuite();
  let ctx: AccountContext;
  let owner: string;
  let tenant: { id: string; walletId: string };
  let subAccount: { id: string; walletId: string };
  let workspaceId: string;
  let namespace: string;
  let other: { workspaceId: string; subAccountId: string };

  async function workspaceOf(tenantId: string, ns: string, subAccountId: string | null = null) {
    await suite.newWorkspace(tenantId, ns, subAccountId);
    const reply = await suite.admin<{ workspace: { id: string } }>(
      `query ($ns: String!) { workspace(namespace: $ns) { id } }`,
      { ns },
    );
    return reply.data!.workspace.id;
  }

  beforeAll(async () => {
    ctx = AccountContext.create();
    await suite.start(['gateway', 'account', 'billing', 'metering']);
    const created = await suite.newTenant('Capped');
    owner = created.owner;
    tenant = created;
    subAccount = await suite.newSubAccount(tenant.id, 'Research');
    namespace = `cap-${randomUUID().slice(0, 8)}`;
    workspaceId = await workspaceOf(tenant.id, namespace, subAccount.id);
    const stranger = await suite.newTenant('Stranger');
    const strangerSub = await suite.newSubAccount(stranger.id, 'Theirs');
    other = {
      workspaceId: await workspaceOf(stranger.id, `cap-${randomUUID().slice(0, 8)}`),
      subAccountId: strangerSub.id,
    };
  });
  afterAll(async () => {
    await ctx.close();
    await suite.stop();
  });

  const set = (input: Record<string, unknown>) => suite.gql<Change>(owner, SET, { input });

  async function changedEvents(walletId: string): Promise<number> {
    const { rows } = await ctx.prisma.pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM account.outbox
        WHERE topic = 'spendingCap.changed' AND payload->>'walletId' = $1`,
      [walletId],
    );
    return Number(rows[0].n);
  }

  it('sets, shows, changes and removes the cap of a workspace and of a sub-account', async () => {
    const before = await changedEvents(subAccount.walletId);
    const capped = await set({ workspaceId, monthlyCap: '12.5' });
    expect(capped.errors).toBeUndefined();
    expect(capped.data!.setSpendingCap).toEqual({
      workspace: { id: workspaceId, namespace, spendingCap: '12.500000' },
      subAccount: null,
    });
    const sub = await set({ subAccountId: subAccount.id, monthlyCap: '0' });
    expect(sub.data!.setSpendingCap).toEqual({
      workspace: null,
      subAccount: { id: subAccount.id, spendingCap: '0.000000' },
    });
    const read = await suite.gql<{
      workspace: {
        spendingCap: string;
        suspensionReasons: string[];
        subAccount: { spendingCap: string };
      };
    }>(owner, READ, { ns: namespace });
    expect(read.errors).toBeUndefined();
    expect(read.data!.workspace.spendingCap).toBe('12.500000');
    expect(read.data!.workspace.subAccount.spendingCap).toBe('0.000000');

    await set({ subAccountId: subAccount.id, monthlyCap: null });
    const removed = await set({ workspaceId, monthlyCap: null });
    expect(removed.data!.setSpendingCap.workspace!.spendingCap).toBeNull();
    const after = await suite.gql<{ workspace: { spendingCap: string | null } }>(owner, READ, {
      ns: namespace,
    });
    expect(after.data!.workspace.spendingCap).toBeNull();
    // Each change told metering, in the transaction that made it (both scopes pay from the
    // sub-account's wallet).
    expect((await changedEvents(subAccount.walletId)) - before).toBe(4);
  });

  it.each([
    ['a negative cap', () => ({ workspaceId, monthlyCap: '-1' }), 'BAD_USER_INPUT'],
    ['a cap that is no amount', () => ({ workspaceId, monthlyCap: 'lots' }), 'BAD_USER_INPUT'],
    [
      'both ids',
      () => ({ workspaceId, subAccountId: subAccount.id, monthlyCap: '1' }),
      'BAD_USER_INPUT',
    ],
    ['neither id', () => ({ monthlyCap: '1' }), 'BAD_USER_INPUT'],
    ['an unknown workspace', () => ({ workspaceId: randomUUID(), monthlyCap: '1' }), 'NOT_FOUND'],
    ['a workspace id that is no id', () => ({ workspaceId: 'nope', monthlyCap: '1' }), 'NOT_FOUND'],
    [
      "another tenant's workspace",
      () => ({ workspaceId: other.workspaceId, monthlyCap: '1' }),
      'NOT_FOUND',
    ],
    [
      "another tenant's sub-account",
      () => ({ subAccountId: other.subAccountId, monthlyCap: '1' }),
      'NOT_FOUND',
    ],
    [
      "another tenant's workspace, with a negative cap",
      () => ({ workspaceId: other.workspaceId, monthlyCap: '-1' }),
      'NOT_FOUND',
    ],
  ])('refuses %s', async (_, input, code) => {
    const reply = await set(input());
    expect(outcome(reply)).toBe(code);
  });

  it("leaves another tenant's caps as they were", async () => {
    const { rows } = await ctx.prisma.pool.query<{ caps: string }>(
      `SELECT (SELECT count(*) FROM account.workspaces
                WHERE id = $1 AND spending_cap_micros IS NOT NULL)
            + (SELECT count(*) FROM account.sub_accounts
                WHERE id = $2 AND spending_cap_micros IS NOT NULL) AS caps`,
      [other.workspaceId, other.subAccountId],
    );
    expect(Number(rows[0].caps)).toBe(0);
  });
});
