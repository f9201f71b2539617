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
  workspaceId: string;
  /** A webhook endpoint each role may try to delete, and one to read deliveries of. */
  endpoints: Record<Role, string>;
  endpointId: string;
  /** An alert on the sub-account's wallet each role may try to delete. */
  alerts: Record<Role, string>;
}

/** Webhook targets must be public unless allow-listed: the tests' loopback is. */
const HOOK_URL = 'http://127.0.0.1:9/hook';

type Expected = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'NULL' | 'BAD_USER_INPUT';
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
const SET_SPENDING_CAP = `mutation ($input: SetSpendingCapInput!) {
  setSpendingCap(input: $input) { workspace { id } subAccount { id } } }`;
const platformOnly = Object.fromEntries(
  ROLES.map((r) => [r, r === 'PLATFORM_ADMIN' ? 'OK' : 'FORBIDDEN']),
) as Record<Role, Expected>;
const financeOnly: Record<Role, Expected> = { ...platformOnly, FINANCE: 'OK' };
/**
 * Threshold alerts and spending caps watch and limit spending without moving money: finance
 * may set them in any tenant.
 */
const spendControl: Record<Role, Expected> = { ...manage, FINANCE: 'OK' };
/** Only owners and platform admins make someone OWNER (an API key acts as an ADMIN). */
const grantOwner: Record<Role, Expected> = { ...manage, ADMIN: 'FORBIDDEN', API_KEY: 'FORBIDDEN' };
/** A leaked key must not mint its successors. */
const keys: Record<Role, Expected> = { ...manage, API_KEY: 'FORBIDDEN' };

/**
 * The same operation with input its service refuses: whoever may run it learns what is wrong
 * (`allowed`, BAD_USER_INPUT unless said), everyone else exactly what valid input gets them,
 * so a caller without the right learns nothing about their input.
 */
function refusing(matrix: Record<Role, Expected>, allowed: Expected = 'BAD_USER_INPUT') {
  return Object.fromEntries(
    ROLES.map((r) => [r, matrix[r] === 'OK' ? allowed : matrix[r]]),
  ) as Record<Role, Expected>;
}
const HOUR_MS = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString();
const GRANT_CREDIT = `mutation ($w: ID!, $a: Money!, $e: DateTime!, $r: String!, $k: String) {
  grantCredit(walletId: $w, amount: $a, expiresAt: $e, reason: $r, idempotencyKey: $k) { id } }`;
const CREATE_ALERT = `mutation ($input: CreateAlertInput!) { createAlert(input: $input) { id } }`;
const EXPORT_LEDGER_ENTRIES = `mutation ($w: ID!, $f: LedgerEntryFilter) {
  exportLedgerEntries(walletId: $w, filter: $f) { url } }`;
const nextHour = () => new Date(Math.ceil(Date.now() / HOUR_MS) * HOUR_MS).toISOString();
const lastHour = () => new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS).toISOString();
const DAY_MS = 24 * HOUR_MS;
/** Yesterday's spending: a whole UTC day; `offsetMs` moves it off midnight. */
const yesterday = (offsetMs = 0) => {
  const from = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS + offsetMs;
  return { from: new Date(from).toISOString(), to: new Date(from + DAY_MS).toISOString() };
};
const DAILY_SPEND = `query ($id: ID!, $from: DateTime!, $to: DateTime!) {
  tenant(id: $id) { dailySpend(from: $from, to: $to, groupBy: NAMESPACE) { day } } }`;

/** Each operation: its document, variables for a tenant, and who may run it (README matrix). */
const operations: [
  string,
  string,
  (t: Tenant, role: Role) => Record<string, unknown>,
  Record<Role, Expected>,
][] = [
  ['tenant', `query ($id: ID!) { tenant(id: $id) { id } }`, (t) => ({ id: t.id }), read],
  [
    'apiKeyTenant',
    `query { apiKeyTenant { id } }`,
    () => ({}),
    {
      ...(Object.fromEntries(ROLES.map((r) => [r, 'NULL'])) as Record<Role, Expected>),
      API_KEY: 'OK',
    },
  ],
  [
    'tenants',
    `query ($s: String) { tenants(search: $s) { edges { node { id } } } }`,
    (t) => ({ s: t.id }),
    financeOnly,
  ],
  [
    'tenant members and their users',
    `query ($id: ID!) { tenant(id: $id) { members { role user { id email } } } }`,
    (t) => ({ id: t.id }),
    read,
  ],
  ['wallet', `query ($id: ID!) { wallet(id: $id) { id } }`, (t) => ({ id: t.walletId }), read],
  [
    'wallet entries, filtered',
    `query ($id: ID!) { wallet(id: $id) { entries(first: 5, filter: { kind: "adjustment" }) { edges { cursor } } } }`,
    (t) => ({ id: t.walletId }),
    read,
  ],
  [
    'exportLedgerEntries',
    EXPORT_LEDGER_ENTRIES,
    (t) => ({ w: t.walletId, f: { kind: 'transfer' } }),
    readList,
  ],
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
    'workspace spendingCap and suspensionReasons',
    `query ($ns: String!) { workspace(namespace: $ns) { spendingCap suspensionReasons } }`,
    (t) => ({ ns: t.namespace }),
    read,
  ],
  [
    'setSpendingCap of a workspace',
    SET_SPENDING_CAP,
    // High enough never to be reached: the matrix's namespace keeps running.
    (t) => ({ input: { workspaceId: t.workspaceId, monthlyCap: '1000000' } }),
    spendControl,
  ],
  [
    'setSpendingCap of a sub-account',
    SET_SPENDING_CAP,
    (t) => ({ input: { subAccountId: t.subAccountId, monthlyCap: null } }),
    spendControl,
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
  [
    'grantCredit',
    GRANT_CREDIT,
    (t) => ({ w: t.walletId, a: '0.01', e: inHours(24), r: 'matrix', k: randomUUID() }),
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
  [
    'createAlert',
    CREATE_ALERT,
    (t) => ({ input: { walletId: t.walletId, kind: 'AVAILABLE_BALANCE_BELOW', amount: '1' } }),
    spendControl,
  ],
  [
    'alerts',
    `query ($w: ID!) { alerts(walletId: $w) { id } }`,
    (t) => ({ w: t.walletId }),
    readList,
  ],
  [
    'deleteAlert',
    `mutation ($id: ID!) { deleteAlert(id: $id) { id } }`,
    (t, role) => ({ id: t.alerts[role] }),
    spendControl,
  ],
  ['tenant dailySpend', DAILY_SPEND, (t) => ({ id: t.id, ...yesterday() }), read],
  [
    'tenant apiKeys',
    `query ($id: ID!) { tenant(id: $id) { apiKeys { id prefix } } }`,
    (t) => ({ id: t.id }),
    { ...manage, OUTSIDER: 'NULL' },
  ],
  [
    'financeOverview',
    `query { financeOverview(currency: "USD", from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z") { wallets } }`,
    () => ({}),
    financeOnly,
  ],
  [
    'debtBoard',
    `query { debtBoard(state: SUSPENDED) { edges { cursor } } }`,
    () => ({}),
    financeOnly,
  ],
  [
    'auditLog',
    `query ($t: ID) { auditLog(tenantId: $t) { edges { node { id } } } }`,
    (t) => ({ t: t.id }),
    financeOnly,
  ],
  [
    'suspendNamespace',
    `mutation ($ns: String!) { suspendNamespace(namespace: $ns, reason: "matrix") { id } }`,
    (t) => ({ ns: t.namespace }),
    financeOnly,
  ],
  [
    'resumeNamespace',
    `mutation ($ns: String!) { resumeNamespace(namespace: $ns, reason: "matrix") { id } }`,
    (t) => ({ ns: t.namespace }),
    financeOnly,
  ],
  [
    'recharges',
    `query ($t: ID!) { recharges(tenantId: $t, first: 5) { edges { node { id } } } }`,
    (t) => ({ t: t.id }),
    readList,
  ],
];

/** Each operation with one defect in its input, and what each role gets (see `refusing`). */
const invalidInputs: typeof operations = [
  [
    'exportLedgerEntries of a reversed range',
    EXPORT_LEDGER_ENTRIES,
    (t) => ({ w: t.walletId, f: { from: inHours(1), to: inHours(-1) } }),
    refusing(readList),
  ],
  [
    'createTenant with a blank name',
    `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id } }`,
    () => ({ input: { name: ' ', ownerExternalId: `o-${randomUUID()}` } }),
    refusing(platformOnly),
  ],
  [
    'addMember with a bad e-mail',
    `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`,
    (t) => ({
      input: { tenantId: t.id, externalId: `x-${randomUUID()}`, email: 'nope', role: 'MEMBER' },
    }),
    refusing(manage),
  ],
  [
    'addMember of an OWNER with a bad e-mail',
    `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`,
    (t) => ({
      input: { tenantId: t.id, externalId: `x-${randomUUID()}`, email: 'nope', role: 'OWNER' },
    }),
    refusing(grantOwner),
  ],
  [
    'createSubAccount with a blank name',
    `mutation ($input: CreateSubAccountInput!) { createSubAccount(input: $input) { id } }`,
    (t) => ({ input: { tenantId: t.id, name: ' ' } }),
    refusing(manage),
  ],
  [
    'setMonthlyBudget below zero',
    `mutation ($id: ID!) { setMonthlyBudget(subAccountId: $id, amount: "-1") { id } }`,
    (t) => ({ id: t.subAccountId }),
    refusing(manage),
  ],
  [
    'setSpendingCap below zero',
    SET_SPENDING_CAP,
    (t) => ({ input: { workspaceId: t.workspaceId, monthlyCap: '-1' } }),
    refusing(spendControl),
  ],
  [
    'setSpendingCap of a sub-account below zero',
    SET_SPENDING_CAP,
    (t) => ({ input: { subAccountId: t.subAccountId, monthlyCap: '-0.000001' } }),
    refusing(spendControl),
  ],
  [
    'transfer to the same wallet',
    `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`,
    (t) => ({
      input: {
        fromWalletId: t.walletId,
        toWalletId: t.walletId,
        amount: '0.01',
        idempotencyKey: randomUUID(),
      },
    }),
    refusing(manage),
  ],
  [
    'transfer of nothing',
    `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`,
    (t) => ({
      input: {
        fromWalletId: t.walletId,
        toWalletId: t.subWalletId,
        amount: '0',
        idempotencyKey: randomUUID(),
      },
    }),
    refusing(manage),
  ],
  [
    'createWorkspace with a bad namespace',
    `mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }`,
    (t) => ({ input: { tenantId: t.id, namespace: 'Not_A_Label' } }),
    refusing(manage),
  ],
  [
    'moveWorkspace to a missing sub-account',
    `mutation ($ns: String!, $sub: ID) { moveWorkspace(namespace: $ns, subAccountId: $sub) { id } }`,
    (t) => ({ ns: t.namespace, sub: randomUUID() }),
    refusing(manage, 'NOT_FOUND'),
  ],
  [
    'adjustBalance by nothing, without a reason',
    `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`,
    (t) => ({
      input: { walletId: t.walletId, amount: '0', reason: ' ', idempotencyKey: randomUUID() },
    }),
    refusing(adjust),
  ],
  [
    'grantCredit of nothing, expired already',
    GRANT_CREDIT,
    (t) => ({ w: t.walletId, a: '0', e: inHours(-1), r: 'matrix', k: randomUUID() }),
    refusing(adjust),
  ],
  [
    'createAlert of a zero amount',
    CREATE_ALERT,
    (t) => ({ input: { walletId: t.walletId, kind: 'MONTHLY_SPEND_ABOVE', amount: '0' } }),
    refusing(spendControl),
  ],
  [
    'createAlert with the sub-account of another wallet',
    CREATE_ALERT,
    (t) => ({
      input: {
        walletId: t.walletId,
        subAccountId: t.subAccountId,
        kind: 'RUNS_OUT_WITHIN',
        hours: 24,
      },
    }),
    refusing(spendControl),
  ],
  [
    'createApiKey with a blank name',
    `mutation ($t: ID!) { createApiKey(tenantId: $t, name: " ") { secret } }`,
    (t) => ({ t: t.id }),
    refusing(keys),
  ],
  [
    'startRecharge below the minimum',
    `mutation ($input: StartRechargeInput!) { startRecharge(input: $input) { id } }`,
    (t) => ({ input: { walletId: t.walletId, amount: '1', idempotencyKey: randomUUID() } }),
    refusing(readList),
  ],
  [
    'createPriceBookVersion in the past, without prices',
    `mutation ($input: CreatePriceBookVersionInput!) { createPriceBookVersion(input: $input) { id } }`,
    () => ({
      input: { currency: 'USD', effectiveFrom: '2020-01-01T00:00:00Z', reason: 'x', prices: [] },
    }),
    refusing(financeOnly),
  ],
  [
    'reconcileStripe over no hours',
    `mutation { reconcileStripe(hours: 0) { credited } }`,
    () => ({}),
    refusing(financeOnly),
  ],
  [
    'settleHour of an hour not over',
    `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status } }`,
    () => ({ hour: nextHour() }),
    refusing(platformOnly),
  ],
  [
    'reconcile backwards',
    `mutation ($from: DateTime!, $to: DateTime!) { reconcile(from: $from, to: $to) { id } }`,
    () => ({ from: lastHour(), to: '2020-01-01T00:00:00Z' }),
    refusing(financeOnly),
  ],
  [
    'generateStatements of a month that is no month',
    `mutation { generateStatements(month: "2026-13") { issued } }`,
    () => ({}),
    refusing(platformOnly),
  ],
  [
    'createWebhookEndpoint for an unknown event',
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
    (t) => ({ input: { tenantId: t.id, url: HOOK_URL, eventTypes: ['no.such_event'] } }),
    refusing(manage),
  ],
  [
    'statement of a month that is no month',
    `query ($t: ID!) { statement(tenantId: $t, month: "2026-13") { opening } }`,
    (t) => ({ t: t.id }),
    refusing(readList),
  ],
  [
    'webhookDeliveries, an empty page',
    `query ($e: ID!) { webhookDeliveries(endpointId: $e, first: 0) { pageInfo { hasNextPage } } }`,
    (t) => ({ e: t.endpointId }),
    refusing(manage),
  ],
  [
    'reconciliationReports, an empty page',
    `query { reconciliationReports(first: 0) { id } }`,
    () => ({}),
    refusing(financeOnly),
  ],
  [
    'tenants, an empty page',
    `query { tenants(first: 0) { pageInfo { hasNextPage } } }`,
    () => ({}),
    refusing(financeOnly),
  ],
  [
    'tenants after a cursor it did not make',
    `query { tenants(after: "nope") { pageInfo { hasNextPage } } }`,
    () => ({}),
    refusing(financeOnly),
  ],
  [
    'suspendNamespace without a reason',
    `mutation ($ns: String!) { suspendNamespace(namespace: $ns, reason: " ") { id } }`,
    (t) => ({ ns: t.namespace }),
    refusing(financeOnly),
  ],
  [
    'resumeNamespace without a reason',
    `mutation ($ns: String!) { resumeNamespace(namespace: $ns, reason: "") { id } }`,
    (t) => ({ ns: t.namespace }),
    refusing(financeOnly),
  ],
  [
    'auditLog after a cursor it did not make',
    `query { auditLog(after: "nope!") { pageInfo { hasNextPage } } }`,
    () => ({}),
    refusing(financeOnly),
  ],
  [
    'wallet entries, an empty page',
    `query ($id: ID!) { wallet(id: $id) { entries(first: 0) { pageInfo { hasNextPage } } } }`,
    (t) => ({ id: t.walletId }),
    refusing(read),
  ],
  [
    'workspace usage backwards',
    `query ($ns: String!, $from: DateTime!, $to: DateTime!) {
       workspace(namespace: $ns) { usage(from: $from, to: $to) { amount } } }`,
    (t) => ({ ns: t.namespace, from: lastHour(), to: '2020-01-01T00:00:00Z' }),
    refusing(read),
  ],
  [
    'tenant dailySpend over a range not of whole days',
    DAILY_SPEND,
    (t) => ({ id: t.id, ...yesterday(HOUR_MS) }),
    refusing(read),
  ],
  [
    'financeOverview of an empty period',
    `query { financeOverview(currency: "USD", from: "2026-11-02T00:00:00Z", to: "2026-11-02T00:00:00Z") { wallets } }`,
    () => ({}),
    refusing(financeOnly),
  ],
  [
    'debtBoard of NORMAL wallets',
    `query { debtBoard(state: NORMAL) { edges { cursor } } }`,
    () => ({}),
    refusing(financeOnly),
  ],
  [
    'recharges after a cursor that is none',
    `query ($t: ID!) { recharges(tenantId: $t, after: "nope") { edges { cursor } } }`,
    (t) => ({ t: t.id }),
    refusing(readList),
  ],
];

describe('authorization matrix (operation × role) through the gateway', () => {
  const suite = new GatewaySuite();
  let tenant: Tenant;
  const tokens = new Map<Role, string>();
  const admin = <T>(query: string, variables: Record<string, unknown>) =>
    suite.admin<T>(query, variables);

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
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
    const workspace = await admin<{ createWorkspace: { id: string } }>(
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
    const alerts = {} as Record<Role, string>;
    for (const role of ROLES) {
      const reply = await admin<{ createAlert: { id: string } }>(CREATE_ALERT, {
        input: {
          walletId: sub.data!.createSubAccount.wallet.id,
          kind: 'RUNS_OUT_WITHIN',
          hours: 1,
        },
      });
      alerts[role] = reply.data!.createAlert.id;
    }
    tenant = {
      id,
      walletId: wallet.id,
      subAccountId: sub.data!.createSubAccount.id,
      subWalletId: sub.data!.createSubAccount.wallet.id,
      namespace,
      workspaceId: workspace.data!.createWorkspace.id,
      endpoints,
      endpointId: await newEndpoint(),
      alerts,
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

  /** What a role gets: an error's code, NULL for nothing, OK for data. */
  async function answer(role: Role, query: string, variables: Record<string, unknown>) {
    const reply = await suite.gql(tokens.get(role), query, variables);
    return outcome(reply) === 'OK' && Object.values(reply.data ?? {}).every((v) => v === null)
      ? 'NULL'
      : outcome(reply);
  }

  it.each(cells)('%s as %s', async (_, role, query, vars, expected) => {
    expect(await answer(role, query, vars(tenant, role))).toBe(expected);
  });

  const invalidCells = invalidInputs.flatMap(([name, query, vars, expected]) =>
    ROLES.map((role) => [name, role, query, vars, expected[role]] as const),
  );

  it.each(invalidCells)('%s as %s', async (_, role, query, vars, expected) => {
    expect(await answer(role, query, vars(tenant, role))).toBe(expected);
  });

  it('refuses every operation without a token', async () => {
    for (const [, query, vars] of [...operations, ...invalidInputs]) {
      const reply = await suite.gql(undefined, query, vars(tenant, 'OWNER'));
      expect(outcome(reply)).toBe('UNAUTHENTICATED');
    }
  });
});
