import { graphql } from '../gql';

/** A page of the audit log, newest first, as finance filters it. */
export const AuditLogQuery = graphql(`
  query AuditLog($actorId: ID, $tenantId: ID, $kind: AuditKind, $first: Int!, $after: String) {
    auditLog(actorId: $actorId, tenantId: $tenantId, kind: $kind, first: $first, after: $after) {
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
`);
