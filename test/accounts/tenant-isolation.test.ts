import { randomUUID } from 'node:crypto';
import { GatewaySuite } from '../support/gateway-suite';

const suite = new GatewaySuite();

interface World {
  tenantId: string;
  walletId: string;
  subAccountId: string;
  subWalletId: string;
  namespace: string;
  apiKeyId: string;
}

/**
 * Every query and mutation that takes an id or a namespace, called by an owner of tenant A
 * with tenant B's identifiers, must be refused — and answer exactly as it does for
 * identifiers that do not exist, so nothing can be learned by probing.
 */
describe('tenant isolation', () => {
  let a: World;
  let b: World;
  let ghost: World;
  let ownerOfA: string;

  const admin = <T>(query: string, variables: Record<string, unknown>) =>
    suite.admin<T>(query, variables);

  async function world(): Promise<World> {
    const ownerExternalId = `owner-${randomUUID()}`;
    const tenant = await admin<{ createTenant: { id: string; wallet: { id: string } } }>(
      `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id wallet { id } } }`,
      { input: { name: 'T', ownerExternalId } },
    );
    const tenantId = tenant.data!.createTenant.id;
    const sub = await admin<{ createSubAccount: { id: string; wallet: { id: string } } }>(
      `mutation ($input: CreateSubAccountInput!) { createSubAccount(input: $input) { id wallet { id } } }`,
      { input: { tenantId, name: 'Dept' } },
    );
    const namespace = `iso-${randomUUID().slice(0, 12)}`;
    await admin(
      `mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }`,
      {
        input: { tenantId, namespace },
      },
    );
    const key = await admin<{ createApiKey: { apiKey: { id: string } } }>(
      `mutation ($t: ID!) { createApiKey(tenantId: $t, name: "k") { apiKey { id } } }`,
      { t: tenantId },
    );
    await admin(`mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`, {
      input: {
        walletId: tenant.data!.createTenant.wallet.id,
        amount: '10',
        reason: 'seed',
        idempotencyKey: randomUUID(),
      },
    });
    return {
      tenantId,
      walletId: tenant.data!.createTenant.wallet.id,
      subAccountId: sub.data!.createSubAccount.id,
      subWalletId: sub.data!.createSubAccount.wallet.id,
      namespace,
      apiKeyId: key.data!.createApiKey.apiKey.id,
    };
  }

  beforeAll(async () => {
    await suite.start();
    a = await world();
    b = await world();
    ghost = {
      tenantId: randomUUID(),
      walletId: randomUUID(),
      subAccountId: randomUUID(),
      subWalletId: randomUUID(),
      namespace: `ghost-${randomUUID().slice(0, 12)}`,
      apiKeyId: randomUUID(),
    };
    ownerOfA = suite.jwt((await suite.fixtures.newMember(a.tenantId, 'OWNER')).externalId);
  });

  afterAll(() => suite.stop());

  const operations: [string, string, (w: World) => Record<string, unknown>][] = [
    ['tenant', `query ($id: ID!) { tenant(id: $id) { id name } }`, (w) => ({ id: w.tenantId })],
    ['wallet', `query ($id: ID!) { wallet(id: $id) { id balance } }`, (w) => ({ id: w.walletId })],
    [
      'workspace',
      `query ($ns: String!) { workspace(namespace: $ns) { id } }`,
      (w) => ({ ns: w.namespace }),
    ],
    [
      'addMember',
      `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`,
      (w) => ({ input: { tenantId: w.tenantId, externalId: `x-${randomUUID()}`, role: 'MEMBER' } }),
    ],
    [
      'createSubAccount',
      `mutation ($input: CreateSubAccountInput!) { createSubAccount(input: $input) { id } }`,
      (w) => ({ input: { tenantId: w.tenantId, name: `d-${randomUUID()}` } }),
    ],
    [
      'setMonthlyBudget',
      `mutation ($id: ID!) { setMonthlyBudget(subAccountId: $id, amount: "5") { id } }`,
      (w) => ({ id: w.subAccountId }),
    ],
    [
      'transfer (from their wallet)',
      `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`,
      (w) => ({
        input: {
          fromWalletId: w.walletId,
          toWalletId: a.walletId,
          amount: '1',
          idempotencyKey: randomUUID(),
        },
      }),
    ],
    [
      'transfer (to their wallet)',
      `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`,
      (w) => ({
        input: {
          fromWalletId: a.walletId,
          toWalletId: w.walletId,
          amount: '1',
          idempotencyKey: randomUUID(),
        },
      }),
    ],
    [
      'createWorkspace (their tenant)',
      `mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }`,
      (w) => ({ input: { tenantId: w.tenantId, namespace: `n-${randomUUID().slice(0, 12)}` } }),
    ],
    [
      'createWorkspace (their sub-account)',
      `mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }`,
      (w) => ({
        input: {
          tenantId: a.tenantId,
          subAccountId: w.subAccountId,
          namespace: `n-${randomUUID().slice(0, 12)}`,
        },
      }),
    ],
    [
      'moveWorkspace (their namespace)',
      `mutation ($ns: String!) { moveWorkspace(namespace: $ns, subAccountId: null) { id } }`,
      (w) => ({ ns: w.namespace }),
    ],
    [
      'moveWorkspace (to their sub-account)',
      `mutation ($ns: String!, $sub: ID) { moveWorkspace(namespace: $ns, subAccountId: $sub) { id } }`,
      (w) => ({ ns: a.namespace, sub: w.subAccountId }),
    ],
    [
      'adjustBalance',
      `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`,
      (w) => ({
        input: { walletId: w.walletId, amount: '1', reason: 'probe', idempotencyKey: randomUUID() },
      }),
    ],
    [
      'createApiKey',
      `mutation ($t: ID!) { createApiKey(tenantId: $t, name: "probe") { secret } }`,
      (w) => ({ t: w.tenantId }),
    ],
    [
      'revokeApiKey',
      `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`,
      (w) => ({ id: w.apiKeyId }),
    ],
  ];

  it.each(operations)(
    '%s with another tenant’s identifiers answers as for missing ones',
    async (_, query, vars) => {
      const theirs = await suite.gql(ownerOfA, query, vars(b));
      const missing = await suite.gql(ownerOfA, query, vars(ghost));
      const shape = (reply: typeof theirs) => ({
        data: reply.data,
        codes: reply.errors?.map((e) => e.extensions?.code),
      });
      expect(shape(theirs)).toEqual(shape(missing));
      // Refused: either nothing (a nullable query) or NOT_FOUND, never B's data.
      const code = theirs.errors?.[0]?.extensions?.code;
      expect(
        code === 'NOT_FOUND' || Object.values(theirs.data ?? {}).every((v) => v === null),
      ).toBe(true);
    },
  );

  it('leaves tenant B untouched', async () => {
    const reply = await admin<{ wallet: { balance: string } }>(
      `query ($id: ID!) { wallet(id: $id) { balance } }`,
      {
        id: b.walletId,
      },
    );
    expect(reply.data!.wallet.balance).toBe('10.000000');
  });
});
