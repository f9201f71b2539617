import { graphql } from '../gql';

/** A page of a tenant's recharges, newest first. */
export const TenantRechargesQuery = graphql(`
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
`);

/** A wallet's promotional credit, grant by grant. */
export const WalletCreditsQuery = graphql(`
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
`);
