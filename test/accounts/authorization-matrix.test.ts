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
  /** A webhook endpoint each role may try to delete, and one to read deliveries of. */
  endpoints: Record<Role, string>;
  endpointId: string;
}

/** Webhook targets must be public unless allow-listed: the tests' loopback is. */
const HOOK_URL = 'http://127.0.0.1:9/hook';

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
/** Reads that answer a list: another tenant's is NOT_FOUND, not null. */
const readList: Record<Role, Expected> = { ...read, OUTSIDER: 'NOT_FOUND' };
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
  (t: Tenant, role: Role) => Record<string, unknown>,
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
  ['invoices', `query ($t: ID!) { invoices(tenantId: $t) { id } }`, (t) => ({ t: t.id }), readList],
  [
    'statement',
    `query ($t: ID!) { statement(tenantId: $t, month: "2026-01") { opening } }`,
    (t) => ({ t: t.id }),
    readList,
  ],
  [
    'createWebhookEndpoint',
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
    (t) => ({ input: { tenantId: t.id, url: HOOK_URL, eventTypes: ['invoice.issued'] } }),
    manage,
  ],
  [
    'webhookEndpoints',
    `query ($t: ID!) { webhookEndpoints(tenantId: $t) { id } }`,
    (t) => ({ t: t.id }),
    manage,
  ],
  [
    'webhookDeliveries',
    `query ($e: ID!) { webhookDeliveries(endpointId: $e) { pageInfo { hasNextPage } } }`,
    (t) => ({ e: t.endpointId }),
    manage,
  ],
  [
    'deleteWebhookEndpoint',
    `mutation ($e: ID!) { deleteWebhookEndpoint(id: $e) { id } }`,
    (t, role) => ({ e: t.endpoints[role] }),
    manage,
  ],
];

describe('authorization matrix (operation × role) through the gateway', () => {
  const suite = new GatewaySuite();
  let tenant: Tenant;
  const tokens = new Map<Role, string>();
  const admin = <T>(query: string, variables: Record<string, unknown>) =>
    suite.admin<T>(query, variables);

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing'], {
      TALLY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    });
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
    const newEndpoint = async () => {
      const reply = await admin<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        `mutation ($input: CreateWebhookEndpointInput!) {
           createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        { input: { tenantId: id, url: HOOK_URL, eventTypes: ['invoice.issued'] } },
      );
      return reply.data!.createWebhookEndpoint.endpoint.id;
    };
    const endpoints = {} as Record<Role, string>;
    for (const role of ROLES) endpoints[role] = await newEndpoint();
    tenant = {
      id,
      walletId: wallet.id,
      subAccountId: sub.data!.createSubAccount.id,
      subWalletId: sub.data!.createSubAccount.wallet.id,
      namespace,
      endpoints,
      endpointId: await newEndpoint(),
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
    const reply = await suite.gql(tokens.get(role), query, vars(tenant, role));
    const got =
      outcome(reply) === 'OK' && Object.values(reply.data ?? {}).every((v) => v === null)
        ? 'NULL'
        : outcome(reply);
    expect(got).toBe(expected);
  });

  it('refuses every operation without a token', async () => {
    for (const [, query, vars] of operations) {
      const reply = await suite.gql(undefined, query, vars(tenant, 'OWNER'));
      expect(outcome(reply)).toBe('UNAUTHENTICATED');
    }
  });
});
