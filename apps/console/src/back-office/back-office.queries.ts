import { graphql } from '../gql';

/** The overview of one currency, and the last reconciliation run. */
export const FinanceOverviewQuery = graphql(`
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
`);

/** One reconciliation run as the back office shows it. */
export const ReconciliationRunFragment = graphql(`
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
`);

/** A page of one debt state's wallets, longest in it first. */
export const DebtBoardQuery = graphql(`
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
`);

/** Reconciliation runs, newest first, a page before a start time. */
export const ReconciliationRunsQuery = graphql(`
  query ReconciliationRuns($first: Int!, $before: DateTime) {
    reconciliationReports(first: $first, before: $before) {
      ...ReconciliationRun
    }
  }
`);

/** A currency's price book versions, newest first, and the one in force now. */
export const PriceBooksQuery = graphql(`
  query PriceBooks($currency: String!) {
    priceBooks(currency: $currency, first: 50) {
      ...PriceBookVersion
    }
    priceBook(currency: $currency) {
      ...PriceBookVersion
    }
  }
`);

export const PriceBookVersionFragment = graphql(`
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
`);

/** Schedules a new version: it takes effect at effectiveFrom, never before. */
export const CreatePriceBookVersionMutation = graphql(`
  mutation CreatePriceBookVersion($input: CreatePriceBookVersionInput!) {
    createPriceBookVersion(input: $input) {
      ...PriceBookVersion
    }
  }
`);

/** One namespace's settled usage and charges by hour and resource, with its tenant. */
export const NamespaceUsageQuery = graphql(`
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
`);
