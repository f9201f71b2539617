import { graphql } from '../gql';

/** A page of tenants for finance: by name, id, namespace or member (the API decides). */
export const FinanceTenantsQuery = graphql(`
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
`);

/** One tenant as finance sees it: wallets, sub-accounts and budgets, workspaces, members. */
export const FinanceTenantQuery = graphql(`
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
`);
