/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type CreatePriceBookVersionInput = {
  currency: string;
  /** Now or later: past prices are never rewritten. */
  effectiveFrom: string;
  /** Every resource exactly once. */
  prices: Array<PriceInput>;
  reason: string;
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

/** DEBT: the wallet's debt state is SUSPENDED or RECLAIMED; SPENDING_CAP: the month's spend reached the workspace's or its sub-account's spending cap; MANUAL: finance suspended it by hand (suspendNamespace) until resumed by hand. */
export type SuspensionReason =
  | 'DEBT'
  | 'MANUAL'
  | 'SPENDING_CAP';

export type WalletKind =
  | 'SUB_ACCOUNT'
  | 'TENANT';

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

export type ApiKeyTenantQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type ApiKeyTenantQuery = { tenant: { id: string, name: string } | null };

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

export type WalletAlertsQueryVariables = Exact<{
  walletId: string | number;
}>;


export type WalletAlertsQuery = { alerts: Array<{ id: string, kind: AlertKind, amount: string | null, percent: number | null, hours: number | null, state: AlertState, lastTransitionAt: string | null }> };

export type WalletFiguresFragment = { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState };

export type TenantWalletsQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type TenantWalletsQuery = { tenant: { id: string, name: string, wallet: { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState }, subAccounts: Array<{ id: string, name: string, monthlyBudget: string | null, wallet: { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState } }> } | null };

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
    query ApiKeyTenant($tenantId: ID!) {
  tenant(id: $tenantId) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ApiKeyTenantQuery, ApiKeyTenantQueryVariables>;
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
export const WalletAlertsDocument = new TypedDocumentString(`
    query WalletAlerts($walletId: ID!) {
  alerts(walletId: $walletId) {
    id
    kind
    amount
    percent
    hours
    state
    lastTransitionAt
  }
}
    `) as unknown as TypedDocumentString<WalletAlertsQuery, WalletAlertsQueryVariables>;
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