import { graphql } from '../gql';

graphql(`
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
`);

/** The tenant's own wallet and each sub-account's, with their live figures. */
export const TenantWalletsQuery = graphql(`
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
`);
