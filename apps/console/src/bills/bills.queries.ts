import { graphql } from '../gql';

/** The days of [from, to) with their settled totals, and the tenant's invoices. */
export const TenantBillsQuery = graphql(`
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
`);

/** Every namespace's settled hourly lines of one day: the drill-down from a day's total. */
export const TenantDayLinesQuery = graphql(`
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
`);

/** A calendar month's statement: stored once generated, the figures so far before. */
export const TenantStatementQuery = graphql(`
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
`);
