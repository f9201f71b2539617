import { graphql } from '../gql';

/**
 * The tenant wallet's live figures, the names the groups are shown by, and the settled
 * spending per day of [from, to) split by `groupBy`.
 */
export const TenantSpendingQuery = graphql(`
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
`);
