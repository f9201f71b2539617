import { graphql } from '../gql';

/** A page of a wallet's ledger entries, newest first, as the filter selects them. */
export const LedgerEntriesQuery = graphql(`
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
`);

/** A one-time link to the same entries as CSV, streamed by the gateway. */
export const ExportLedgerEntriesMutation = graphql(`
  mutation ExportLedgerEntries($walletId: ID!, $filter: LedgerEntryFilter) {
    exportLedgerEntries(walletId: $walletId, filter: $filter) {
      url
      expiresAt
    }
  }
`);
