import { randomUUID } from 'node:crypto';
import { defaultTransportPrefix } from '@tally/config';
import { MoneyErrorReason, toWireMicros } from '@tally/money';
import { Metrics } from '@tally/observability';
import { rawWireMicros } from '@tally/testing';
import { RpcClient, type MicrosString } from '@tally/transport';
import { gql, IdentityFixtures, outcome } from '../identity/identity-fixtures';
import { AppCluster } from '../support/app-processes';
import { GatewaySuite } from '../support/gateway-suite';
import { ensurePriceBook } from '../support/price-books';

const suite = new GatewaySuite();
const ADMIN_KEY = suite.adminKey;

const CREATE_TENANT = `mutation ($input: CreateTenantInput!) {
  createTenant(input: $input) { id name currency wallet { id kind balance currency debtState } }
}`;
const CREATE_SUB = `mutation ($input: CreateSubAccountInput!) {
  createSubAccount(input: $input) { id name monthlyBudget wallet { id kind balance } }
}`;
const CREATE_WS = `mutation ($input: CreateWorkspaceInput!) {
  createWorkspace(input: $input) { id namespace state wallet { id } subAccount { id } tenant { id } }
}`;
const TRANSFER = `mutation ($input: TransferInput!) {
  transfer(input: $input) { id kind idempotencyKey entries { walletId account amount } }
}`;
const ADJUST = `mutation ($input: AdjustBalanceInput!) {
  adjustBalance(input: $input) { id kind entries { account amount } }
}`;

interface TenantReply {
  createTenant: { id: string; wallet: { id: string; balance: string; kind: string } };
}

describe('tenants, sub-accounts, workspaces and money through the gateway', () => {
  let cluster: AppCluster;
  let fixtures: IdentityFixtures;
  const jwt = (externalId: string) => suite.jwt(externalId);

  beforeAll(async () => {
    await ensurePriceBook('EUR');
    await suite.start();
    cluster = suite.cluster;
    fixtures = suite.fixtures;
  });
  afterAll(() => suite.stop());

  async function newTenant() {
    const ownerExternalId = `owner-${randomUUID()}`;
    const reply = await gql<TenantReply>(cluster, ADMIN_KEY, CREATE_TENANT, {
      input: { name: 'Acme', currency: 'EUR', ownerExternalId },
    });
    expect(reply.errors).toBeUndefined();
    return { ...reply.data!.createTenant, owner: jwt(ownerExternalId) };
  }

  it('refuses a tenant in a currency that has no price book in force', async () => {
    // XTS is ISO 4217's code for testing: no suite ever gives it a price book.
    const reply = await gql(cluster, ADMIN_KEY, CREATE_TENANT, {
      input: { name: 'Nowhere', currency: 'XTS', ownerExternalId: `owner-${randomUUID()}` },
    });
    expect(outcome(reply)).toBe('BAD_USER_INPUT');
    expect(reply.errors![0].extensions).toMatchObject({
      reason: 'NO_PRICE_BOOK_FOR_CURRENCY',
      currency: 'XTS',
    });
    expect(reply.errors![0].message).toMatch(/No price book in XTS/);
  });

  it('refuses the cluster’s and the platform’s namespaces as workspaces, after authorization', async () => {
    const tenant = await newTenant();
    for (const namespace of [
      'kube-system',
      'kube-public',
      'kube-node-lease',
      'default',
      'tally-system',
    ]) {
      const reply = await gql(cluster, tenant.owner, CREATE_WS, {
        input: { tenantId: tenant.id, namespace },
      });
      expect(outcome(reply)).toBe('BAD_USER_INPUT');
      expect(reply.errors![0].extensions).toMatchObject({ reason: 'RESERVED_NAMESPACE' });
    }
    // A workspace row naming one (from before they were refused) cannot be moved either.
    await fixtures.legacyWorkspace('kube-public', tenant.wallet.id);
    const move = await gql(
      cluster,
      tenant.owner,
      `mutation ($ns: String!) { moveWorkspace(namespace: $ns, subAccountId: null) { id } }`,
      { ns: 'kube-public' },
    );
    expect(outcome(move)).toBe('BAD_USER_INPUT');
    expect(move.errors![0].extensions).toMatchObject({ reason: 'RESERVED_NAMESPACE' });
    // Who may not create workspaces here learns nothing about the namespace: the same answer
    // as for any other name.
    const member = await fixtures.newMember(tenant.id, 'MEMBER');
    const stranger = await newTenant();
    for (const [token, expected] of [
      [jwt(member.externalId), 'FORBIDDEN'],
      [stranger.owner, 'NOT_FOUND'],
    ] as const) {
      const reply = await gql(cluster, token, CREATE_WS, {
        input: { tenantId: tenant.id, namespace: 'kube-system' },
      });
      expect(outcome(reply)).toBe(expected);
    }
  });

  async function fund(walletId: string, amount: string) {
    const reply = await gql(cluster, ADMIN_KEY, ADJUST, {
      input: { walletId, amount, reason: 'test funding', idempotencyKey: randomUUID() },
    });
    expect(reply.errors).toBeUndefined();
  }

  it('opens a tenant with an empty wallet owned by the named user', async () => {
    const tenant = await newTenant();
    expect(tenant.wallet).toMatchObject({ kind: 'TENANT', balance: '0.000000' });
    const seen = await gql<{ tenant: { name: string; currency: string } }>(
      cluster,
      tenant.owner,
      `query ($id: ID!) { tenant(id: $id) { name currency wallet { balance debtState } } }`,
      { id: tenant.id },
    );
    expect(seen.data!.tenant).toMatchObject({ name: 'Acme', currency: 'EUR' });

    const members = await gql<{
      me: { memberships: { role: string; tenant: { id: string; members: { role: string }[] } }[] };
    }>(cluster, tenant.owner, '{ me { memberships { role tenant { id members { role } } } } }');
    expect(members.data!.me.memberships).toEqual([
      { role: 'OWNER', tenant: { id: tenant.id, members: [{ role: 'OWNER' }] } },
    ]);
  });

  it('lets only platform admins open tenants', async () => {
    const tenant = await newTenant();
    const reply = await gql(cluster, tenant.owner, CREATE_TENANT, {
      input: { name: 'x', ownerExternalId: 'y' },
    });
    expect(outcome(reply)).toBe('FORBIDDEN');
  });

  it('creates sub-accounts with budgets and places workspaces on their wallets', async () => {
    const tenant = await newTenant();
    const sub = await gql<{
      createSubAccount: { id: string; monthlyBudget: string; wallet: { id: string } };
    }>(cluster, tenant.owner, CREATE_SUB, {
      input: { tenantId: tenant.id, name: 'Research', monthlyBudget: '25.5' },
    });
    expect(sub.errors).toBeUndefined();
    const subAccount = sub.data!.createSubAccount;
    expect(subAccount.monthlyBudget).toBe('25.500000');

    const again = await gql(cluster, tenant.owner, CREATE_SUB, {
      input: { tenantId: tenant.id, name: 'Research' },
    });
    expect(outcome(again)).toBe('CONFLICT');

    const namespace = `ns-${randomUUID().slice(0, 8)}`;
    const ws = await gql<{
      createWorkspace: { wallet: { id: string }; subAccount: { id: string }; state: string };
    }>(cluster, tenant.owner, CREATE_WS, {
      input: { tenantId: tenant.id, subAccountId: subAccount.id, namespace },
    });
    expect(ws.errors).toBeUndefined();
    expect(ws.data!.createWorkspace).toMatchObject({
      state: 'ACTIVE',
      wallet: { id: subAccount.wallet.id },
      subAccount: { id: subAccount.id },
    });

    const taken = await gql(cluster, tenant.owner, CREATE_WS, {
      input: { tenantId: tenant.id, namespace },
    });
    expect(outcome(taken)).toBe('CONFLICT');
    for (const bad of ['Bad_Name', 'a'.repeat(64), '-x', '']) {
      const reply = await gql(cluster, tenant.owner, CREATE_WS, {
        input: { tenantId: tenant.id, namespace: bad },
      });
      expect(outcome(reply)).toBe('BAD_USER_INPUT');
    }

    const moved = await gql<{ moveWorkspace: { wallet: { id: string }; subAccount: null } }>(
      cluster,
      tenant.owner,
      `mutation ($ns: String!) { moveWorkspace(namespace: $ns, subAccountId: null) { wallet { id } subAccount { id } } }`,
      { ns: namespace },
    );
    expect(moved.data!.moveWorkspace).toEqual({
      wallet: { id: tenant.wallet.id },
      subAccount: null,
    });

    const budget = await gql<{ setMonthlyBudget: { monthlyBudget: string | null } }>(
      cluster,
      tenant.owner,
      `mutation ($id: ID!) { setMonthlyBudget(subAccountId: $id, amount: null) { monthlyBudget } }`,
      { id: subAccount.id },
    );
    expect(budget.data!.setMonthlyBudget.monthlyBudget).toBeNull();

    const listed = await gql<{
      tenant: { subAccounts: { workspaces: unknown[] }[]; workspaces: { namespace: string }[] };
    }>(
      cluster,
      tenant.owner,
      `query ($id: ID!) { tenant(id: $id) { subAccounts { name workspaces { namespace } } workspaces { namespace } } }`,
      { id: tenant.id },
    );
    expect(listed.data!.tenant.workspaces.map((w) => w.namespace)).toEqual([namespace]);
    expect(listed.data!.tenant.subAccounts[0].workspaces).toEqual([]);
  });

  it('transfers between wallets of one tenant exactly once, never below zero', async () => {
    const tenant = await newTenant();
    const sub = await gql<{ createSubAccount: { wallet: { id: string } } }>(
      cluster,
      tenant.owner,
      CREATE_SUB,
      {
        input: { tenantId: tenant.id, name: 'Ops' },
      },
    );
    const subWallet = sub.data!.createSubAccount.wallet.id;
    await fund(tenant.wallet.id, '100');

    const input = {
      fromWalletId: tenant.wallet.id,
      toWalletId: subWallet,
      amount: '40.25',
      idempotencyKey: 'move-1',
    };
    const first = await gql<{ transfer: { id: string; entries: { amount: string }[] } }>(
      cluster,
      tenant.owner,
      TRANSFER,
      { input },
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.transfer.entries.map((e) => e.amount).sort()).toEqual([
      '-40.250000',
      '40.250000',
    ]);
    const replay = await gql<{ transfer: { id: string } }>(cluster, tenant.owner, TRANSFER, {
      input,
    });
    expect(replay.data!.transfer.id).toBe(first.data!.transfer.id);
    expect(
      outcome(await gql(cluster, tenant.owner, TRANSFER, { input: { ...input, amount: '1' } })),
    ).toBe('CONFLICT');

    const balances = await gql<{ a: { balance: string }; b: { balance: string } }>(
      cluster,
      tenant.owner,
      `query ($a: ID!, $b: ID!) { a: wallet(id: $a) { balance } b: wallet(id: $b) { balance } }`,
      { a: tenant.wallet.id, b: subWallet },
    );
    expect(balances.data).toEqual({ a: { balance: '59.750000' }, b: { balance: '40.250000' } });

    const tooMuch = { ...input, amount: '59.750001', idempotencyKey: 'move-2' };
    expect(outcome(await gql(cluster, tenant.owner, TRANSFER, { input: tooMuch }))).toBe(
      'INSUFFICIENT_FUNDS',
    );
    for (const amount of ['-1', '0', '1.0000001', '1e3', 12.5]) {
      const reply = await gql(cluster, tenant.owner, TRANSFER, {
        input: { ...input, amount, idempotencyKey: randomUUID() },
      });
      expect(outcome(reply)).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps balance adjustments to finance and platform admins, with a reason', async () => {
    const tenant = await newTenant();
    const finance = await fixtures.newUser('FINANCE');
    const input = {
      walletId: tenant.wallet.id,
      amount: '-5',
      reason: 'refund',
      idempotencyKey: randomUUID(),
    };
    expect(outcome(await gql(cluster, tenant.owner, ADJUST, { input }))).toBe('FORBIDDEN');
    expect(outcome(await gql(cluster, jwt(finance.externalId), ADJUST, { input }))).toBe(
      'INSUFFICIENT_FUNDS',
    );
    const credit = { ...input, amount: '7.5', idempotencyKey: randomUUID() };
    const reply = await gql<{ adjustBalance: { entries: { account: string; amount: string }[] } }>(
      cluster,
      jwt(finance.externalId),
      ADJUST,
      { input: credit },
    );
    expect(reply.data!.adjustBalance.entries).toEqual(
      expect.arrayContaining([{ account: 'system:adjustments', amount: '-7.500000' }]),
    );
    expect(
      outcome(
        await gql(cluster, jwt(finance.externalId), ADJUST, { input: { ...credit, reason: ' ' } }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('reads after each mutation of a request see what that mutation changed', async () => {
    const tenant = await newTenant();
    const [first, second] = [`ws-${randomUUID().slice(0, 8)}`, `ws-${randomUUID().slice(0, 8)}`];
    const adjust = (alias: string, amount: string) =>
      `${alias}: adjustBalance(input: { walletId: $wallet, amount: "${amount}", reason: "top-up",
         idempotencyKey: "${randomUUID()}" }) { id }`;
    const reply = await gql<{
      one: { wallet: { balance: string } };
      two: { wallet: { balance: string } };
    }>(
      cluster,
      ADMIN_KEY,
      `mutation ($wallet: ID!, $tenant: ID!) {
         ${adjust('a', '10')}
         one: createWorkspace(input: { tenantId: $tenant, namespace: "${first}" }) { wallet { balance } }
         ${adjust('b', '5')}
         two: createWorkspace(input: { tenantId: $tenant, namespace: "${second}" }) { wallet { balance } }
       }`,
      { wallet: tenant.wallet.id, tenant: tenant.id },
    );
    expect(reply.errors).toBeUndefined();
    // One request, one wallet read twice: the second read follows the second adjustment.
    expect(reply.data!.one.wallet.balance).toBe('10.000000');
    expect(reply.data!.two.wallet.balance).toBe('15.000000');
  });

  // Between services an amount is micro-units in an integer string, and nothing else: the
  // account service used to read "12" as 12 micro-units but "12.0" as 12 whole units.
  it('reads amounts sent to the account service as micro-units only', async () => {
    const tenant = await newTenant();
    const rpc = new RpcClient(
      {
        redisUrl: suite.redisUrl,
        prefix: defaultTransportPrefix(process.env.DATABASE_URL),
        timeoutMs: 10_000,
      },
      new Metrics(),
    );
    const adjust = (amountMicros: MicrosString) =>
      rpc.send('account.ledger.adjust', {
        principal: { kind: 'admin_key' },
        input: {
          walletId: tenant.wallet.id,
          amountMicros,
          reason: 'wire form',
          idempotencyKey: randomUUID(),
        },
      });
    try {
      await adjust(toWireMicros(12n));
      for (const text of ['12.0', '12.5', '1e6']) {
        await expect(adjust(rawWireMicros(text))).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          details: { reason: MoneyErrorReason.MALFORMED },
        });
      }
    } finally {
      await rpc.onApplicationShutdown();
    }
    const seen = await gql<{ wallet: { balance: string } }>(
      cluster,
      tenant.owner,
      `query ($id: ID!) { wallet(id: $id) { balance } }`,
      { id: tenant.wallet.id },
    );
    expect(seen.data!.wallet.balance).toBe('0.000012');
  });

  it('pages through a wallet’s entries with cursors, newest first', async () => {
    const tenant = await newTenant();
    for (const amount of ['1', '2', '3']) await fund(tenant.wallet.id, amount);
    const page = `query ($id: ID!, $after: String) { wallet(id: $id) { entries(first: 2, after: $after) {
      edges { cursor node { amount transaction { kind entries { account } } } } pageInfo { hasNextPage endCursor } } } }`;
    type Page = {
      wallet: {
        entries: {
          edges: { node: { amount: string; transaction: { kind: string } } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const first = await gql<Page>(cluster, tenant.owner, page, { id: tenant.wallet.id });
    expect(first.errors).toBeUndefined();
    const one = first.data!.wallet.entries;
    expect(one.edges.map((e) => e.node.amount)).toEqual(['3.000000', '2.000000']);
    expect(one.edges[0].node.transaction.kind).toBe('adjustment');
    expect(one.pageInfo.hasNextPage).toBe(true);
    const second = await gql<Page>(cluster, tenant.owner, page, {
      id: tenant.wallet.id,
      after: one.pageInfo.endCursor,
    });
    expect(second.data!.wallet.entries.edges.map((e) => e.node.amount)).toEqual(['1.000000']);
    expect(second.data!.wallet.entries.pageInfo.hasNextPage).toBe(false);
    const bad = await gql(cluster, tenant.owner, page, { id: tenant.wallet.id, after: 'nope' });
    expect(outcome(bad)).toBe('BAD_USER_INPUT');
  });

  it('lets members read but not move money', async () => {
    const tenant = await newTenant();
    const member = await fixtures.newMember(tenant.id, 'MEMBER');
    const read = await gql(
      cluster,
      jwt(member.externalId),
      `query ($id: ID!) { tenant(id: $id) { id } }`,
      {
        id: tenant.id,
      },
    );
    expect(outcome(read)).toBe('OK');
    const reply = await gql(cluster, jwt(member.externalId), CREATE_SUB, {
      input: { tenantId: tenant.id, name: 'x' },
    });
    expect(outcome(reply)).toBe('FORBIDDEN');
  });
});
