/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** DEBT: the wallet's debt state is SUSPENDED or RECLAIMED; SPENDING_CAP: the month's spend reached the workspace's or its sub-account's spending cap. */
export type SuspensionReason =
  | 'DEBT'
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

export type SignedInUserQueryVariables = Exact<{ [key: string]: never; }>;


export type SignedInUserQuery = { me: { id: string, externalId: string, email: string | null, platformRole: PlatformRole | null, memberships: Array<{ role: MemberRole, tenant: { id: string, name: string } }> } };

export type ApiKeyTenantQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type ApiKeyTenantQuery = { tenant: { id: string, name: string } | null };

export type TenantSpendingQueryVariables = Exact<{
  tenantId: string | number;
  from: string;
  to: string;
  groupBy: SpendGrouping;
}>;


export type TenantSpendingQuery = { tenant: { id: string, name: string, currency: string, wallet: { id: string, kind: WalletKind, currency: string, balance: string, pendingCharges: string, availableBalance: string, spendRate: string, runsOutAt: string | null, pendingThrough: string | null, debtState: DebtState }, subAccounts: Array<{ id: string, name: string }>, dailySpend: Array<{ day: string, key: string, amount: string }> } | null };

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