/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddMemberInput = {
  email?: string | null | undefined;
  externalId: string;
  role: MemberRole;
  tenantId: string | number;
};

export type AdjustBalanceInput = {
  amount: string;
  idempotencyKey: string;
  reason: string;
  walletId: string | number;
};

/** AVAILABLE_BALANCE_BELOW amount: availableBalance < amount. MONTHLY_SPEND_ABOVE amount: this UTC month's charges plus pending charges ≥ amount. MONTHLY_BUDGET_PERCENT_ABOVE percent: that spend ≥ percent % of the sub-account's monthlyBudget. RUNS_OUT_WITHIN hours: runsOutAt at most hours away. */
export type AlertKind =
  | 'AVAILABLE_BALANCE_BELOW'
  | 'MONTHLY_BUDGET_PERCENT_ABOVE'
  | 'MONTHLY_SPEND_ABOVE'
  | 'RUNS_OUT_WITHIN';

export type AlertState =
  | 'OK'
  | 'TRIGGERED';

/** An action by a person: adjustBalance, grantCredit, refundRecharge, voidInvoice, reissueInvoice, suspendNamespace, resumeNamespace. */
export type AuditKind =
  | 'BALANCE_ADJUSTED'
  | 'CREDIT_GRANTED'
  | 'INVOICE_REISSUED'
  | 'INVOICE_VOIDED'
  | 'NAMESPACE_RESUMED'
  | 'NAMESPACE_SUSPENDED'
  | 'RECHARGE_REFUNDED';

/** Give exactly the threshold the kind takes: amount (> 0), percent (1 to 1000) or hours (1 to 8760). A budget alert needs a sub-account's wallet with a monthly budget. */
export type CreateAlertInput = {
  amount?: string | null | undefined;
  hours?: number | null | undefined;
  kind: AlertKind;
  percent?: number | null | undefined;
  /** When given, walletId must be this sub-account's wallet. */
  subAccountId?: string | number | null | undefined;
  walletId: string | number;
};

export type CreatePriceBookVersionInput = {
  currency: string;
  /** Now or later: past prices are never rewritten. */
  effectiveFrom: string;
  /** Every resource exactly once. */
  prices: Array<PriceInput>;
  reason: string;
};

export type CreateSubAccountInput = {
  monthlyBudget?: string | null | undefined;
  name: string;
  tenantId: string | number;
};

export type CreateWebhookEndpointInput = {
  /** recharge.succeeded, recharge.failed, wallet.state_changed, namespace.suspended, namespace.resumed, invoice.issued, alert.triggered, alert.resolved */
  eventTypes: Array<string>;
  /** Your own secret (24 to 200 printable characters); a random one when absent. */
  secret?: string | null | undefined;
  tenantId: string | number;
  url: string;
};

/** BONUS: a recharge bonus; GRANT: granted by finance (grantCredit). */
export type CreditSource =
  | 'BONUS'
  | 'GRANT';

export type DebtState =
  | 'CRITICAL'
  | 'LOW_BALANCE'
  | 'NORMAL'
  | 'RECLAIMED'
  | 'SUSPENDED';

export type InvoiceStatus =
  | 'DRAFT'
  | 'ISSUED'
  | 'VOID';

/** Which of a wallet's entries to read or export; every field optional. */
export type LedgerEntryFilter = {
  /** Entries created at or after. */
  from?: string | null | undefined;
  /** The transaction kind: usage, recharge, transfer, adjustment, ... */
  kind?: string | null | undefined;
  /** Entries created before. */
  to?: string | null | undefined;
};

export type MemberRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

export type NamespaceState =
  | 'ACTIVE'
  | 'RESUMING'
  | 'SUSPENDED'
  | 'SUSPENDING';

/** Operator-side roles, held by the cloud's staff rather than by tenants. */
export type PlatformRole =
  | 'FINANCE'
  | 'PLATFORM_ADMIN';

export type PriceInput = {
  pricePerUnitHour: string;
  resource: Resource;
  /** The true price per unit-hour is pricePerUnitHour × 10^-scale; a scale above 0 expresses prices finer than 0.000001 exactly. */
  scale?: number;
  unit: string;
};

export type RechargeStatus =
  | 'EXPIRED'
  | 'FAILED'
  | 'PENDING'
  | 'REFUNDED'
  | 'SUCCEEDED';

export type Resource =
  | 'CPU'
  | 'GPU'
  | 'MEMORY'
  | 'NETWORK_EGRESS'
  | 'NODEPORT'
  | 'STORAGE';

export type SetSpendingCapInput = {
  /** null removes the cap. */
  monthlyCap?: string | null | undefined;
  subAccountId?: string | number | null | undefined;
  /** Exactly one of workspaceId and subAccountId. */
  workspaceId?: string | number | null | undefined;
};

/** How Tenant.dailySpend splits a day: NAMESPACE (key: the namespace), SUB_ACCOUNT (key: the sub-account's id, or the tenant's id for its own wallet), RESOURCE (key: the Resource's name). */
export type SpendGrouping =
  | 'NAMESPACE'
  | 'RESOURCE'
  | 'SUB_ACCOUNT';

export type StartRechargeInput = {
  amount: string;
  idempotencyKey: string;
  walletId: string | number;
};

/** DEBT: the wallet's debt state is SUSPENDED or RECLAIMED; SPENDING_CAP: the month's spend reached the workspace's or its sub-account's spending cap; MANUAL: finance suspended it by hand (suspendNamespace) until resumed by hand. */
export type SuspensionReason =
  | 'DEBT'
  | 'MANUAL'
  | 'SPENDING_CAP';

export type TransferInput = {
  amount: string;
  fromWalletId: string | number;
  idempotencyKey: string;
  toWalletId: string | number;
};

export type WalletKind =
  | 'SUB_ACCOUNT'
  | 'TENANT';

export type TenantMembersQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type TenantMembersQuery = { tenant: { id: string, name: string, members: Array<{ role: MemberRole, user: { id: string, externalId: string, email: string | null } }> } | null };

export type TenantApiKeysQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type TenantApiKeysQuery = { tenant: { id: string, apiKeys: Array<{ id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> } | null };

export type CreateApiKeyMutationVariables = Exact<{
  tenantId: string | number;
  name: string;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type AddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type AddMemberMutation = { addMember: { role: MemberRole, user: { id: string } } };

export type AdjustBalanceMutationVariables = Exact<{
  input: AdjustBalanceInput;
}>;


export type AdjustBalanceMutation = { adjustBalance: { id: string, createdAt: string } };

export type GrantCreditMutationVariables = Exact<{
  walletId: string | number;
  amount: string;
  expiresAt: string;
  reason: string;
  idempotencyKey?: string | null | undefined;
}>;


export type GrantCreditMutation = { grantCredit: { id: string, amount: string, expiresAt: string } };

export type SuspendNamespaceMutationVariables = Exact<{
  namespace: string;
  reason: string;
}>;


export type SuspendNamespaceMutation = { suspendNamespace: { id: string, namespace: string } };

export type ResumeNamespaceMutationVariables = Exact<{
  namespace: string;
  reason: string;
}>;


export type ResumeNamespaceMutation = { resumeNamespace: { id: string, namespace: string } };

export type TenantInvoicesQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type TenantInvoicesQuery = { invoices: Array<{ id: string, number: string, status: InvoiceStatus, total: string, currency: string, periodStart: string, voidReason: string | null, reissueOf: string | null }> };

export type VoidInvoiceMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type VoidInvoiceMutation = { voidInvoice: { id: string, number: string } };

export type ReissueInvoiceMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReissueInvoiceMutation = { reissueInvoice: { id: string, number: string } };

export type AuditLogQueryVariables = Exact<{
  actorId?: string | number | null | undefined;
  tenantId?: string | number | null | undefined;
  kind?: AuditKind | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string, kind: AuditKind, actorType: string, actorId: string | null, tenantId: string, targetType: string, targetId: string, reason: string, requestId: string | null, amount: string | null, currency: string | null, transactionId: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FinanceOverviewQueryVariables = Exact<{
  currency: string;
  from: string;
  to: string;
}>;


export type FinanceOverviewQuery = { financeOverview: { currency: string, balance: string, paid: string, promotional: string, wallets: number, pendingUsage: string, walletsByDebtState: Array<{ state: DebtState, wallets: number }>, dailyTotals: Array<{ day: string, charges: string, recharges: string }> }, reconciliationReports: Array<{ id: string, trigger: string, status: string, fromHour: string, toHour: string, startedAt: string, finishedAt: string | null, hoursChecked: number, flaggedHours: number, refilledSamples: number, adjustments: number, sourceMismatches: number, ledgerMismatches: number, findings: Array<{ kind: string, action: string | null, namespace: string | null, hour: string | null, detail: string }> }> };

export type ReconciliationRunFragment = { id: string, trigger: string, status: string, fromHour: string, toHour: string, startedAt: string, finishedAt: string | null, hoursChecked: number, flaggedHours: number, refilledSamples: number, adjustments: number, sourceMismatches: number, ledgerMismatches: number, findings: Array<{ kind: string, action: string | null, namespace: string | null, hour: string | null, detail: string }> };

export type DebtBoardQueryVariables = Exact<{
  state: DebtState;
  first: number;
  after?: string | null | undefined;
}>;


export type DebtBoardQuery = { debtBoard: { edges: Array<{ cursor: string, node: { state: DebtState, since: string, tenant: { id: string, name: string }, wallet: { id: string, kind: WalletKind, balance: string, availableBalance: string, currency: string, runsOutAt: string | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReconciliationRunsQueryVariables = Exact<{
  first: number;
  before?: string | null | undefined;
}>;


export type ReconciliationRunsQuery = { reconciliationReports: Array<{ id: string, trigger: string, status: string, fromHour: string, toHour: string, startedAt: string, finishedAt: string | null, hoursChecked: number, flaggedHours: number, refilledSamples: number, adjustments: number, sourceMismatches: number, ledgerMismatches: number, findings: Array<{ kind: string, action: string | null, namespace: string | null, hour: string | null, detail: string }> }> };

export type PriceBooksQueryVariables = Exact<{
  currency: string;
}>;


export type PriceBooksQuery = { priceBooks: Array<{ id: string, version: number, currency: string, effectiveFrom: string, prices: Array<{ resource: Resource, unit: string, pricePerUnitHour: string, scale: number }> }>, priceBook: { id: string, version: number, currency: string, effectiveFrom: string, prices: Array<{ resource: Resource, unit: string, pricePerUnitHour: string, scale: number }> } };

export type PriceBookVersionFragment = { id: string, version: number, currency: string, effectiveFrom: string, prices: Array<{ resource: Resource, unit: string, pricePerUnitHour: string, scale: number }> };

export type CreatePriceBookVersionMutationVariables = Exact<{
  input: CreatePriceBookVersionInput;
}>;


export type CreatePriceBookVersionMutation = { createPriceBookVersion: { id: string, version: number, currency: string, effectiveFrom: string, prices: Array<{ resource: Resource, unit: string, pricePerUnitHour: string, scale: number }> } };

export type NamespaceUsageQueryVariables = Exact<{
  namespace: string;
  from: string;
  to: string;
}>;


export type NamespaceUsageQuery = { workspace: { namespace: string, pendingCharges: string, tenant: { id: string, name: string }, wallet: { currency: string }, usage: Array<{ hour: string, resource: Resource, quantity: string, amount: string }> } | null };

export type TenantBillsQueryVariables = Exact<{
  tenantId: string | number;
  from: string;
  to: string;
}>;


export type TenantBillsQuery = { tenant: { id: string, name: string, currency: string, dailySpend: Array<{ day: string, key: string, amount: string }> } | null, invoices: Array<{ id: string, number: string, periodStart: string, periodEnd: string, status: InvoiceStatus, total: string, pdfUrl: string | null }> };

export type TenantDayLinesQueryVariables = Exact<{
  tenantId: string | number;
  from: string;
  to: string;
}>;


export type TenantDayLinesQuery = { tenant: { id: string, workspaces: Array<{ id: string, namespace: string, usage: Array<{ namespace: string, hour: string, resource: Resource, quantity: string, amount: string }> }> } | null };

export type TenantStatementQueryVariables = Exact<{
  tenantId: string | number;
  month: string;
}>;


export type TenantStatementQuery = { statement: { currency: string, final: boolean, periodStart: string, periodEnd: string, opening: string, recharges: string, charges: string, adjustments: string, other: string, closing: string, usage: Array<{ namespace: string, resource: string, amount: string }> } };

export type TenantBudgetsQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type TenantBudgetsQuery = { tenant: { id: string, name: string, currency: string, wallet: { id: string, balance: string }, subAccounts: Array<{ id: string, name: string, monthlyBudget: string | null, spendingCap: string | null, wallet: { id: string, balance: string } }>, workspaces: Array<{ id: string, namespace: string, state: NamespaceState, spendingCap: string | null, subAccount: { id: string } | null }> } | null };

export type CreateSubAccountMutationVariables = Exact<{
  input: CreateSubAccountInput;
}>;


export type CreateSubAccountMutation = { createSubAccount: { id: string, name: string } };

export type SetMonthlyBudgetMutationVariables = Exact<{
  subAccountId: string | number;
  amount?: string | null | undefined;
}>;


export type SetMonthlyBudgetMutation = { setMonthlyBudget: { id: string, monthlyBudget: string | null } };

export type SetSpendingCapMutationVariables = Exact<{
  input: SetSpendingCapInput;
}>;


export type SetSpendingCapMutation = { setSpendingCap: { workspace: { id: string } | null, subAccount: { id: string } | null } };

export type WalletAlertsQueryVariables = Exact<{
  walletId: string | number;
}>;


export type WalletAlertsQuery = { alerts: Array<{ id: string, kind: AlertKind, state: AlertState, amount: string | null, percent: number | null, hours: number | null, lastTransitionAt: string | null }> };

export type CreateAlertMutationVariables = Exact<{
  input: CreateAlertInput;
}>;


export type CreateAlertMutation = { createAlert: { id: string, state: AlertState } };

export type DeleteAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAlertMutation = { deleteAlert: { id: string } };

export type CurrentPriceBookQueryVariables = Exact<{
  currency: string;
}>;


export type CurrentPriceBookQuery = { priceBook: { id: string, version: number, currency: string, effectiveFrom: string, prices: Array<{ resource: Resource, unit: string, pricePerUnitHour: string, scale: number }> } };

export type FinanceTenantsQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type FinanceTenantsQuery = { tenants: { edges: Array<{ cursor: string, node: { id: string, name: string, currency: string, wallet: { id: string, balance: string, currency: string, debtState: DebtState } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FinanceTenantQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type FinanceTenantQuery = { tenant: { id: string, name: string, currency: string, wallet: { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState }, subAccounts: Array<{ id: string, name: string, monthlyBudget: string | null, spendingCap: string | null, wallet: { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState } }>, workspaces: Array<{ id: string, namespace: string, state: NamespaceState, spendingCap: string | null, suspensionReasons: Array<SuspensionReason>, subAccount: { id: string, name: string } | null }>, members: Array<{ role: MemberRole, user: { id: string, externalId: string, email: string | null } }> } | null };

export type LedgerEntriesQueryVariables = Exact<{
  walletId: string | number;
  first: number;
  after?: string | null | undefined;
  filter?: LedgerEntryFilter | null | undefined;
}>;


export type LedgerEntriesQuery = { wallet: { id: string, currency: string, entries: { edges: Array<{ node: { id: string, amount: string, createdAt: string, transaction: { id: string, kind: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ExportLedgerEntriesMutationVariables = Exact<{
  walletId: string | number;
  filter?: LedgerEntryFilter | null | undefined;
}>;


export type ExportLedgerEntriesMutation = { exportLedgerEntries: { url: string, expiresAt: string } };

export type SignedInUserQueryVariables = Exact<{ [key: string]: never; }>;


export type SignedInUserQuery = { me: { id: string, externalId: string, email: string | null, platformRole: PlatformRole | null, memberships: Array<{ role: MemberRole, tenant: { id: string, name: string } }> } };

export type ApiKeyTenantQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeyTenantQuery = { apiKeyTenant: { id: string, name: string } | null };

export type TenantSpendingQueryVariables = Exact<{
  tenantId: string | number;
  from: string;
  to: string;
  groupBy: SpendGrouping;
}>;


export type TenantSpendingQuery = { tenant: { id: string, name: string, currency: string, wallet: { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState }, subAccounts: Array<{ id: string, name: string }>, dailySpend: Array<{ day: string, key: string, amount: string }> } | null };

export type TenantRechargesQueryVariables = Exact<{
  tenantId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type TenantRechargesQuery = { recharges: { edges: Array<{ node: { id: string, status: RechargeStatus, amount: string, bonus: string, refunded: string, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WalletCreditsQueryVariables = Exact<{
  walletId: string | number;
}>;


export type WalletCreditsQuery = { wallet: { id: string, credits: Array<{ id: string, source: CreditSource, reason: string | null, amount: string, remaining: string, used: string, expired: string, grantedAt: string, expiresAt: string, expiredAt: string | null }> } | null };

export type StartRechargeMutationVariables = Exact<{
  input: StartRechargeInput;
}>;


export type StartRechargeMutation = { startRecharge: { id: string, status: RechargeStatus, checkoutUrl: string | null } };

export type RechargeQueryVariables = Exact<{
  id: string | number;
}>;


export type RechargeQuery = { recharge: { id: string, status: RechargeStatus, amount: string, bonus: string, wallet: { id: string, currency: string, balance: string } } | null };

export type TransferMutationVariables = Exact<{
  input: TransferInput;
}>;


export type TransferMutation = { transfer: { id: string } };

export type WalletFiguresFragment = { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState };

export type TenantWalletsQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type TenantWalletsQuery = { tenant: { id: string, name: string, wallet: { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState }, subAccounts: Array<{ id: string, name: string, monthlyBudget: string | null, wallet: { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState } }> } | null };

export type WebhookEndpointsQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type WebhookEndpointsQuery = { webhookEndpoints: Array<{ id: string, url: string, eventTypes: Array<string>, createdAt: string }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { edges: Array<{ cursor: string, node: { id: string, eventType: string, status: string, createdAt: string, attempts: Array<{ attempt: number, statusCode: number | null, error: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string, url: string } } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: { id: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ReconciliationRunFragmentDoc = new TypedDocumentString(`
    fragment ReconciliationRun on ReconciliationReport {
  id
  trigger
  status
  fromHour
  toHour
  startedAt
  finishedAt
  hoursChecked
  flaggedHours
  refilledSamples
  adjustments
  sourceMismatches
  ledgerMismatches
  findings {
    kind
    action
    namespace
    hour
    detail
  }
}
    `, {"fragmentName":"ReconciliationRun"}) as unknown as TypedDocumentString<ReconciliationRunFragment, unknown>;
export const PriceBookVersionFragmentDoc = new TypedDocumentString(`
    fragment PriceBookVersion on PriceBook {
  id
  version
  currency
  effectiveFrom
  prices {
    resource
    unit
    pricePerUnitHour
    scale
  }
}
    `, {"fragmentName":"PriceBookVersion"}) as unknown as TypedDocumentString<PriceBookVersionFragment, unknown>;
export const WalletFiguresFragmentDoc = new TypedDocumentString(`
    fragment WalletFigures on Wallet {
  id
  kind
  currency
  balance
  pendingCharges
  availableBalance
  spendRate
  runsOutAt
  pendingThrough
  debtState
}
    `, {"fragmentName":"WalletFigures"}) as unknown as TypedDocumentString<WalletFiguresFragment, unknown>;
export const TenantMembersDocument = new TypedDocumentString(`
    query TenantMembers($tenantId: ID!) {
  tenant(id: $tenantId) {
    id
    name
    members {
      role
      user {
        id
        externalId
        email
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TenantMembersQuery, TenantMembersQueryVariables>;
export const TenantApiKeysDocument = new TypedDocumentString(`
    query TenantApiKeys($tenantId: ID!) {
  tenant(id: $tenantId) {
    id
    apiKeys {
      id
      name
      prefix
      createdAt
      lastUsedAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<TenantApiKeysQuery, TenantApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($tenantId: ID!, $name: String!) {
  createApiKey(tenantId: $tenantId, name: $name) {
    secret
    apiKey {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const AddMemberDocument = new TypedDocumentString(`
    mutation AddMember($input: AddMemberInput!) {
  addMember(input: $input) {
    role
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AddMemberMutation, AddMemberMutationVariables>;
export const AdjustBalanceDocument = new TypedDocumentString(`
    mutation AdjustBalance($input: AdjustBalanceInput!) {
  adjustBalance(input: $input) {
    id
    createdAt
  }
}
    `) as unknown as TypedDocumentString<AdjustBalanceMutation, AdjustBalanceMutationVariables>;
export const GrantCreditDocument = new TypedDocumentString(`
    mutation GrantCredit($walletId: ID!, $amount: Money!, $expiresAt: DateTime!, $reason: String!, $idempotencyKey: String) {
  grantCredit(
    walletId: $walletId
    amount: $amount
    expiresAt: $expiresAt
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    id
    amount
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<GrantCreditMutation, GrantCreditMutationVariables>;
export const SuspendNamespaceDocument = new TypedDocumentString(`
    mutation SuspendNamespace($namespace: String!, $reason: String!) {
  suspendNamespace(namespace: $namespace, reason: $reason) {
    id
    namespace
  }
}
    `) as unknown as TypedDocumentString<SuspendNamespaceMutation, SuspendNamespaceMutationVariables>;
export const ResumeNamespaceDocument = new TypedDocumentString(`
    mutation ResumeNamespace($namespace: String!, $reason: String!) {
  resumeNamespace(namespace: $namespace, reason: $reason) {
    id
    namespace
  }
}
    `) as unknown as TypedDocumentString<ResumeNamespaceMutation, ResumeNamespaceMutationVariables>;
export const TenantInvoicesDocument = new TypedDocumentString(`
    query TenantInvoices($tenantId: ID!) {
  invoices(tenantId: $tenantId) {
    id
    number
    status
    total
    currency
    periodStart
    voidReason
    reissueOf
  }
}
    `) as unknown as TypedDocumentString<TenantInvoicesQuery, TenantInvoicesQueryVariables>;
export const VoidInvoiceDocument = new TypedDocumentString(`
    mutation VoidInvoice($id: ID!, $reason: String!) {
  voidInvoice(id: $id, reason: $reason) {
    id
    number
  }
}
    `) as unknown as TypedDocumentString<VoidInvoiceMutation, VoidInvoiceMutationVariables>;
export const ReissueInvoiceDocument = new TypedDocumentString(`
    mutation ReissueInvoice($id: ID!, $reason: String!) {
  reissueInvoice(id: $id, reason: $reason) {
    id
    number
  }
}
    `) as unknown as TypedDocumentString<ReissueInvoiceMutation, ReissueInvoiceMutationVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($actorId: ID, $tenantId: ID, $kind: AuditKind, $first: Int!, $after: String) {
  auditLog(
    actorId: $actorId
    tenantId: $tenantId
    kind: $kind
    first: $first
    after: $after
  ) {
    edges {
      cursor
      node {
        id
        kind
        actorType
        actorId
        tenantId
        targetType
        targetId
        reason
        requestId
        amount
        currency
        transactionId
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const FinanceOverviewDocument = new TypedDocumentString(`
    query FinanceOverview($currency: String!, $from: DateTime!, $to: DateTime!) {
  financeOverview(currency: $currency, from: $from, to: $to) {
    currency
    balance
    paid
    promotional
    wallets
    pendingUsage
    walletsByDebtState {
      state
      wallets
    }
    dailyTotals {
      day
      charges
      recharges
    }
  }
  reconciliationReports(first: 1) {
    ...ReconciliationRun
  }
}
    fragment ReconciliationRun on ReconciliationReport {
  id
  trigger
  status
  fromHour
  toHour
  startedAt
  finishedAt
  hoursChecked
  flaggedHours
  refilledSamples
  adjustments
  sourceMismatches
  ledgerMismatches
  findings {
    kind
    action
    namespace
    hour
    detail
  }
}`) as unknown as TypedDocumentString<FinanceOverviewQuery, FinanceOverviewQueryVariables>;
export const DebtBoardDocument = new TypedDocumentString(`
    query DebtBoard($state: DebtState!, $first: Int!, $after: String) {
  debtBoard(state: $state, first: $first, after: $after) {
    edges {
      cursor
      node {
        state
        since
        tenant {
          id
          name
        }
        wallet {
          id
          kind
          balance
          availableBalance
          currency
          runsOutAt
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<DebtBoardQuery, DebtBoardQueryVariables>;
export const ReconciliationRunsDocument = new TypedDocumentString(`
    query ReconciliationRuns($first: Int!, $before: DateTime) {
  reconciliationReports(first: $first, before: $before) {
    ...ReconciliationRun
  }
}
    fragment ReconciliationRun on ReconciliationReport {
  id
  trigger
  status
  fromHour
  toHour
  startedAt
  finishedAt
  hoursChecked
  flaggedHours
  refilledSamples
  adjustments
  sourceMismatches
  ledgerMismatches
  findings {
    kind
    action
    namespace
    hour
    detail
  }
}`) as unknown as TypedDocumentString<ReconciliationRunsQuery, ReconciliationRunsQueryVariables>;
export const PriceBooksDocument = new TypedDocumentString(`
    query PriceBooks($currency: String!) {
  priceBooks(currency: $currency, first: 50) {
    ...PriceBookVersion
  }
  priceBook(currency: $currency) {
    ...PriceBookVersion
  }
}
    fragment PriceBookVersion on PriceBook {
  id
  version
  currency
  effectiveFrom
  prices {
    resource
    unit
    pricePerUnitHour
    scale
  }
}`) as unknown as TypedDocumentString<PriceBooksQuery, PriceBooksQueryVariables>;
export const CreatePriceBookVersionDocument = new TypedDocumentString(`
    mutation CreatePriceBookVersion($input: CreatePriceBookVersionInput!) {
  createPriceBookVersion(input: $input) {
    ...PriceBookVersion
  }
}
    fragment PriceBookVersion on PriceBook {
  id
  version
  currency
  effectiveFrom
  prices {
    resource
    unit
    pricePerUnitHour
    scale
  }
}`) as unknown as TypedDocumentString<CreatePriceBookVersionMutation, CreatePriceBookVersionMutationVariables>;
export const NamespaceUsageDocument = new TypedDocumentString(`
    query NamespaceUsage($namespace: String!, $from: DateTime!, $to: DateTime!) {
  workspace(namespace: $namespace) {
    namespace
    pendingCharges
    tenant {
      id
      name
    }
    wallet {
      currency
    }
    usage(from: $from, to: $to) {
      hour
      resource
      quantity
      amount
    }
  }
}
    `) as unknown as TypedDocumentString<NamespaceUsageQuery, NamespaceUsageQueryVariables>;
export const TenantBillsDocument = new TypedDocumentString(`
    query TenantBills($tenantId: ID!, $from: DateTime!, $to: DateTime!) {
  tenant(id: $tenantId) {
    id
    name
    currency
    dailySpend(from: $from, to: $to, groupBy: NAMESPACE) {
      day
      key
      amount
    }
  }
  invoices(tenantId: $tenantId) {
    id
    number
    periodStart
    periodEnd
    status
    total
    pdfUrl
  }
}
    `) as unknown as TypedDocumentString<TenantBillsQuery, TenantBillsQueryVariables>;
export const TenantDayLinesDocument = new TypedDocumentString(`
    query TenantDayLines($tenantId: ID!, $from: DateTime!, $to: DateTime!) {
  tenant(id: $tenantId) {
    id
    workspaces {
      id
      namespace
      usage(from: $from, to: $to) {
        namespace
        hour
        resource
        quantity
        amount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TenantDayLinesQuery, TenantDayLinesQueryVariables>;
export const TenantStatementDocument = new TypedDocumentString(`
    query TenantStatement($tenantId: ID!, $month: String!) {
  statement(tenantId: $tenantId, month: $month) {
    currency
    final
    periodStart
    periodEnd
    opening
    recharges
    charges
    adjustments
    other
    closing
    usage {
      namespace
      resource
      amount
    }
  }
}
    `) as unknown as TypedDocumentString<TenantStatementQuery, TenantStatementQueryVariables>;
export const TenantBudgetsDocument = new TypedDocumentString(`
    query TenantBudgets($tenantId: ID!) {
  tenant(id: $tenantId) {
    id
    name
    currency
    wallet {
      id
      balance
    }
    subAccounts {
      id
      name
      monthlyBudget
      spendingCap
      wallet {
        id
        balance
      }
    }
    workspaces {
      id
      namespace
      state
      spendingCap
      subAccount {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TenantBudgetsQuery, TenantBudgetsQueryVariables>;
export const CreateSubAccountDocument = new TypedDocumentString(`
    mutation CreateSubAccount($input: CreateSubAccountInput!) {
  createSubAccount(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateSubAccountMutation, CreateSubAccountMutationVariables>;
export const SetMonthlyBudgetDocument = new TypedDocumentString(`
    mutation SetMonthlyBudget($subAccountId: ID!, $amount: Money) {
  setMonthlyBudget(subAccountId: $subAccountId, amount: $amount) {
    id
    monthlyBudget
  }
}
    `) as unknown as TypedDocumentString<SetMonthlyBudgetMutation, SetMonthlyBudgetMutationVariables>;
export const SetSpendingCapDocument = new TypedDocumentString(`
    mutation SetSpendingCap($input: SetSpendingCapInput!) {
  setSpendingCap(input: $input) {
    workspace {
      id
    }
    subAccount {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SetSpendingCapMutation, SetSpendingCapMutationVariables>;
export const WalletAlertsDocument = new TypedDocumentString(`
    query WalletAlerts($walletId: ID!) {
  alerts(walletId: $walletId) {
    id
    kind
    state
    amount
    percent
    hours
    lastTransitionAt
  }
}
    `) as unknown as TypedDocumentString<WalletAlertsQuery, WalletAlertsQueryVariables>;
export const CreateAlertDocument = new TypedDocumentString(`
    mutation CreateAlert($input: CreateAlertInput!) {
  createAlert(input: $input) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<CreateAlertMutation, CreateAlertMutationVariables>;
export const DeleteAlertDocument = new TypedDocumentString(`
    mutation DeleteAlert($id: ID!) {
  deleteAlert(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeleteAlertMutation, DeleteAlertMutationVariables>;
export const CurrentPriceBookDocument = new TypedDocumentString(`
    query CurrentPriceBook($currency: String!) {
  priceBook(currency: $currency) {
    id
    version
    currency
    effectiveFrom
    prices {
      resource
      unit
      pricePerUnitHour
      scale
    }
  }
}
    `) as unknown as TypedDocumentString<CurrentPriceBookQuery, CurrentPriceBookQueryVariables>;
export const FinanceTenantsDocument = new TypedDocumentString(`
    query FinanceTenants($search: String, $first: Int!, $after: String) {
  tenants(search: $search, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        name
        currency
        wallet {
          id
          balance
          currency
          debtState
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<FinanceTenantsQuery, FinanceTenantsQueryVariables>;
export const FinanceTenantDocument = new TypedDocumentString(`
    query FinanceTenant($tenantId: ID!) {
  tenant(id: $tenantId) {
    id
    name
    currency
    wallet {
      ...WalletFigures
    }
    subAccounts {
      id
      name
      monthlyBudget
      spendingCap
      wallet {
        ...WalletFigures
      }
    }
    workspaces {
      id
      namespace
      state
      spendingCap
      suspensionReasons
      subAccount {
        id
        name
      }
    }
    members {
      role
      user {
        id
        externalId
        email
      }
    }
  }
}
    fragment WalletFigures on Wallet {
  id
  kind
  currency
  balance
  pendingCharges
  availableBalance
  spendRate
  runsOutAt
  pendingThrough
  debtState
}`) as unknown as TypedDocumentString<FinanceTenantQuery, FinanceTenantQueryVariables>;
export const LedgerEntriesDocument = new TypedDocumentString(`
    query LedgerEntries($walletId: ID!, $first: Int!, $after: String, $filter: LedgerEntryFilter) {
  wallet(id: $walletId) {
    id
    currency
    entries(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          amount
          createdAt
          transaction {
            id
            kind
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerEntriesQuery, LedgerEntriesQueryVariables>;
export const ExportLedgerEntriesDocument = new TypedDocumentString(`
    mutation ExportLedgerEntries($walletId: ID!, $filter: LedgerEntryFilter) {
  exportLedgerEntries(walletId: $walletId, filter: $filter) {
    url
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ExportLedgerEntriesMutation, ExportLedgerEntriesMutationVariables>;
export const SignedInUserDocument = new TypedDocumentString(`
    query SignedInUser {
  me {
    id
    externalId
    email
    platformRole
    memberships {
      role
      tenant {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SignedInUserQuery, SignedInUserQueryVariables>;
export const ApiKeyTenantDocument = new TypedDocumentString(`
    query ApiKeyTenant {
  apiKeyTenant {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ApiKeyTenantQuery, ApiKeyTenantQueryVariables>;
export const TenantSpendingDocument = new TypedDocumentString(`
    query TenantSpending($tenantId: ID!, $from: DateTime!, $to: DateTime!, $groupBy: SpendGrouping!) {
  tenant(id: $tenantId) {
    id
    name
    currency
    wallet {
      ...WalletFigures
    }
    subAccounts {
      id
      name
    }
    dailySpend(from: $from, to: $to, groupBy: $groupBy) {
      day
      key
      amount
    }
  }
}
    fragment WalletFigures on Wallet {
  id
  kind
  currency
  balance
  pendingCharges
  availableBalance
  spendRate
  runsOutAt
  pendingThrough
  debtState
}`) as unknown as TypedDocumentString<TenantSpendingQuery, TenantSpendingQueryVariables>;
export const TenantRechargesDocument = new TypedDocumentString(`
    query TenantRecharges($tenantId: ID!, $first: Int!, $after: String) {
  recharges(tenantId: $tenantId, first: $first, after: $after) {
    edges {
      node {
        id
        status
        amount
        bonus
        refunded
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<TenantRechargesQuery, TenantRechargesQueryVariables>;
export const WalletCreditsDocument = new TypedDocumentString(`
    query WalletCredits($walletId: ID!) {
  wallet(id: $walletId) {
    id
    credits {
      id
      source
      reason
      amount
      remaining
      used
      expired
      grantedAt
      expiresAt
      expiredAt
    }
  }
}
    `) as unknown as TypedDocumentString<WalletCreditsQuery, WalletCreditsQueryVariables>;
export const StartRechargeDocument = new TypedDocumentString(`
    mutation StartRecharge($input: StartRechargeInput!) {
  startRecharge(input: $input) {
    id
    status
    checkoutUrl
  }
}
    `) as unknown as TypedDocumentString<StartRechargeMutation, StartRechargeMutationVariables>;
export const RechargeDocument = new TypedDocumentString(`
    query Recharge($id: ID!) {
  recharge(id: $id) {
    id
    status
    amount
    bonus
    wallet {
      id
      currency
      balance
    }
  }
}
    `) as unknown as TypedDocumentString<RechargeQuery, RechargeQueryVariables>;
export const TransferDocument = new TypedDocumentString(`
    mutation Transfer($input: TransferInput!) {
  transfer(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<TransferMutation, TransferMutationVariables>;
export const TenantWalletsDocument = new TypedDocumentString(`
    query TenantWallets($tenantId: ID!) {
  tenant(id: $tenantId) {
    id
    name
    wallet {
      ...WalletFigures
    }
    subAccounts {
      id
      name
      monthlyBudget
      wallet {
        ...WalletFigures
      }
    }
  }
}
    fragment WalletFigures on Wallet {
  id
  kind
  currency
  balance
  pendingCharges
  availableBalance
  spendRate
  runsOutAt
  pendingThrough
  debtState
}`) as unknown as TypedDocumentString<TenantWalletsQuery, TenantWalletsQueryVariables>;
export const WebhookEndpointsDocument = new TypedDocumentString(`
    query WebhookEndpoints($tenantId: ID!) {
  webhookEndpoints(tenantId: $tenantId) {
    id
    url
    eventTypes
    createdAt
  }
}
    `) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        eventType
        status
        createdAt
        attempts {
          attempt
          statusCode
          error
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret
    endpoint {
      id
      url
    }
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;