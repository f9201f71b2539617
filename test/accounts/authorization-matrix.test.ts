import { randomUUID } from 'node:crypto';
import { outcome } from '../identity/identity-fixtures';
import { GatewaySuite } from '../support/gateway-suite';

type Role = 'OWNER' | 'ADMIN' | 'MEMBER' | 'API_KEY' | 'FINANCE' | 'PLATFORM_ADMIN' | 'OUTSIDER';
const ROLES: Role[] = [
  'OWNER',
  'ADMIN',
  'MEMBER',
  'API_KEY',
  'FINANCE',
  'PLATFORM_ADMIN',
  'OUTSIDER',
];

interface Tenant {
  id: string;
  walletId: string;
  subAccountId: string;
  subWalletId: string;
  namespace: string;
}

type Expected = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'NULL';
const manage: Record<Role, Expected> = {
  OWNER: 'OK',
  ADMIN: 'OK',
  MEMBER: 'FORBIDDEN',
  API_KEY: 'OK',
  FINANCE: 'FORBIDDEN',
  PLATFORM_ADMIN: 'OK',
  OUTSIDER: 'NOT_FOUND',
};
const read: Record<Role, Expected> = { ...manage, MEMBER: 'OK', FINANCE: 'OK', OUTSIDER: 'NULL' };
const adjust: Record<Role, Expected> = {
  ...manage,
  OWNER: 'FORBIDDEN',
  ADMIN: 'FORBIDDEN',
  API_KEY: 'FORBIDDEN',
  FINANCE: 'OK',
};
const platformOnly = Object.fromEntries(
  ROLES.map((r) => [r, r === 'PLATFORM_ADMIN' ? 'OK' : 'FORBIDDEN']),
) as Record<Role, Expected>;

/** Each operation: its document, variables for a tenant, and who may run it (README matrix). */
const operations: [
  string,
  string,
  (t: Tenant) => Record<string, unknown>,
  Record<Role, Expected>,
][] = [
  ['tenant', `query ($id: ID!) { tenant(id: $id) { id } }`, (t) => ({ id: t.id }), read],
  ['wallet', `query ($id: ID!) { wallet(id: $id) { id } }`, (t) => ({ id: t.walletId }), read],
  [
    'workspace',
    `query ($ns: String!) { workspace(namespace: $ns) { id } }`,
    (t) => ({ ns: t.namespace }),
    read,
  ],
  [
    'createTenant',
    `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id } }`,
    () => ({ input: { name: 'New', ownerExternalId: `o-${randomUUID()}` } }),
    platformOnly,
  ],
  [
    'createSubAccount',
    `mutation ($input: CreateSubAccountInput!) { createSubAccount(input: $input) { id } }`,
    (t) => ({ input: { tenantId: t.id, name: `d-${randomUUID()}` } }),
    manage,
  ],
  [
    'setMonthlyBudget',
    `mutation ($id: ID!) { setMonthlyBudget(subAccountId: $id, amount: "1") { id } }`,
    (t) => ({ id: t.subAccountId }),
    manage,
  ],
  [
    'transfer',
    `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`,
    (t) => ({
      input: {
        fromWalletId: t.walletId,
        toWalletId: t.subWalletId,
        amount: '0.01',
        idempotencyKey: randomUUID(),
      },
    }),
    manage,
  ],
  [
    'createWorkspace',
    `mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }`,
    (t) => ({ input: { tenantId: t.id, namespace: `m-${randomUUID().slice(0, 12)}` } }),
    manage,
  ],
  [
    'moveWorkspace',
    `mutation ($ns: String!, $sub: ID) { moveWorkspace(namespace: $ns, subAccountId: $sub) { id } }`,
    (t) => ({ ns: t.namespace, sub: t.subAccountId }),
    manage,
  ],
  [
    'adjustBalance',
    `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`,
    (t) => ({
      input: {
        walletId: t.walletId,
        amount: '0.01',
        reason: 'matrix',
        idempotencyKey: randomUUID(),
      },
    }),
    adjust,
  ],
];

describe('authorization matrix (operation × role) through the gateway', () => {
  const suite = new GatewaySuite();
  let tenant: Tenant;
  const tokens = new Map<Role, string>();
  const admin = <T>(query: string, variables: Record<string, unknown>) =>
    suite.admin<T>(query, variables);

  beforeAll(async () => {
    await suite.start();
    const created = await admin<{ createTenant: { id: string; wallet: { id: string } } }>(
      `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id wallet { id } } }`,
      { input: { name: 'Matrix', ownerExternalId: `owner-${randomUUID()}` } },
    );
    const { id, wallet } = created.data!.createTenant;
    const sub = await admin<{ createSubAccount: { id: string; wallet: { id: string } } }>(
      `mutation ($input: CreateSubAccountInput!) { createSubAccount(input: $input) { id wallet { id } } }`,
      { input: { tenantId: id, name: 'Dept' } },
    );
    const namespace = `matrix-${randomUUID().slice(0, 8)}`;
    await admin(
      `mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }`,
      {
        input: { tenantId: id, namespace },
      },
    );
    await admin(`mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`, {
      input: { walletId: wallet.id, amount: '1000', reason: 'seed', idempotencyKey: randomUUID() },
    });
    tenant = {
      id,
      walletId: wallet.id,
      subAccountId: sub.data!.createSubAccount.id,
      subWalletId: sub.data!.createSubAccount.wallet.id,
      namespace,
    };

    for (const role of ['OWNER', 'ADMIN', 'MEMBER'] as const) {
      tokens.set(role, suite.jwt((await suite.fixtures.newMember(id, role)).externalId));
    }
    tokens.set('FINANCE', suite.jwt((await suite.fixtures.newUser('FINANCE')).externalId));
    tokens.set(
      'PLATFORM_ADMIN',
      suite.jwt((await suite.fixtures.newUser('PLATFORM_ADMIN')).externalId),
    );
    const other = await suite.fixtures.newTenant();
    tokens.set('OUTSIDER', suite.jwt((await suite.fixtures.newMember(other, 'OWNER')).externalId));
    const key = await admin<{ createApiKey: { secret: string } }>(
      `mutation ($t: ID!) { createApiKey(tenantId: $t, name: "matrix") { secret } }`,
      { t: id },
    );
    tokens.set('API_KEY', key.data!.createApiKey.secret);
  });

  afterAll(() => suite.stop());

  const cells = operations.flatMap(([name, query, vars, expected]) =>
    ROLES.map((role) => [name, role, query, vars, expected[role]] as const),
  );

  it.each(cells)('%s as %s', async (_, role, query, vars, expected) => {
    const reply = await suite.gql(tokens.get(role), query, vars(tenant));
    const got =
      outcome(reply) === 'OK' && Object.values(reply.data ?? {}).every((v) => v === null)
        ? 'NULL'
        : outcome(reply);
    expect(got).toBe(expected);
  });

  it('refuses every operation without a token', async () => {
    for (const [, query, vars] of operations) {
      expect(outcome(await suite.gql(undefined, query, vars(tenant)))).toBe('UNAUTHENTICATED');
    }
  });
});
