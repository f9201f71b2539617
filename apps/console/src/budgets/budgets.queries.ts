import { graphql } from '../gql';

/** The tenant's sub-accounts and workspaces with their budgets, caps and balances. */
export const TenantBudgetsQuery = graphql(`
  query TenantBudgets($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      name
      currency
      wallet {
        id
        balance
      }
      subAccounts {
        id
        name
        monthlyBudget
        spendingCap
        wallet {
          id
          balance
        }
      }
      workspaces {
        id
        namespace
        state
        spendingCap
        subAccount {
          id
        }
      }
    }
  }
`);

export const CreateSubAccountMutation = graphql(`
  mutation CreateSubAccount($input: CreateSubAccountInput!) {
    createSubAccount(input: $input) {
      id
      name
    }
  }
`);

export const SetMonthlyBudgetMutation = graphql(`
  mutation SetMonthlyBudget($subAccountId: ID!, $amount: Money) {
    setMonthlyBudget(subAccountId: $subAccountId, amount: $amount) {
      id
      monthlyBudget
    }
  }
`);

export const SetSpendingCapMutation = graphql(`
  mutation SetSpendingCap($input: SetSpendingCapInput!) {
    setSpendingCap(input: $input) {
      workspace {
        id
      }
      subAccount {
        id
      }
    }
  }
`);

/** A wallet's alerts, oldest first. */
export const WalletAlertsQuery = graphql(`
  query WalletAlerts($walletId: ID!) {
    alerts(walletId: $walletId) {
      id
      kind
      state
      amount
      percent
      hours
      lastTransitionAt
    }
  }
`);

export const CreateAlertMutation = graphql(`
  mutation CreateAlert($input: CreateAlertInput!) {
    createAlert(input: $input) {
      id
      state
    }
  }
`);

export const DeleteAlertMutation = graphql(`
  mutation DeleteAlert($id: ID!) {
    deleteAlert(id: $id) {
      id
    }
  }
`);
