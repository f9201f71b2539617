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

/** How Tenant.dailySpend splits a day: NAMESPACE (key: the namespace), SUB_ACCOUNT (key: the sub-account's id, or the tenant's id for its own wallet), RESOURCE (key: the Resource's name). */
export type SpendGrouping =
  | 'NAMESPACE'
  | 'RESOURCE'
  | 'SUB_ACCOUNT';

/** DEBT: the wallet's debt state is SUSPENDED or RECLAIMED; SPENDING_CAP: the month's spend reached the workspace's or its sub-account's spending cap. */
export type SuspensionReason =
  | 'DEBT'
  | 'SPENDING_CAP';

export type WalletKind =
  | 'SUB_ACCOUNT'
  | 'TENANT';

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