import { graphql } from '../gql';

export const AdjustBalanceMutation = graphql(`
  mutation AdjustBalance($input: AdjustBalanceInput!) {
    adjustBalance(input: $input) {
      id
      createdAt
    }
  }
`);

export const GrantCreditMutation = graphql(`
  mutation GrantCredit(
    $walletId: ID!
    $amount: Money!
    $expiresAt: DateTime!
    $reason: String!
    $idempotencyKey: String
  ) {
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
`);

export const SuspendNamespaceMutation = graphql(`
  mutation SuspendNamespace($namespace: String!, $reason: String!) {
    suspendNamespace(namespace: $namespace, reason: $reason) {
      id
      namespace
    }
  }
`);

export const ResumeNamespaceMutation = graphql(`
  mutation ResumeNamespace($namespace: String!, $reason: String!) {
    resumeNamespace(namespace: $namespace, reason: $reason) {
      id
      namespace
    }
  }
`);

/** A tenant's invoices, newest period first, as finance acts on them. */
export const TenantInvoicesQuery = graphql(`
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
`);

export const VoidInvoiceMutation = graphql(`
  mutation VoidInvoice($id: ID!, $reason: String!) {
    voidInvoice(id: $id, reason: $reason) {
      id
      number
    }
  }
`);

export const ReissueInvoiceMutation = graphql(`
  mutation ReissueInvoice($id: ID!, $reason: String!) {
    reissueInvoice(id: $id, reason: $reason) {
      id
      number
    }
  }
`);
