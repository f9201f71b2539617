import { graphql } from '../gql';

/** Opens a Checkout session for the wallet: the console then sends the payer to it. */
export const StartRechargeMutation = graphql(`
  mutation StartRecharge($input: StartRechargeInput!) {
    startRecharge(input: $input) {
      id
      status
      checkoutUrl
    }
  }
`);

/** The recharge Checkout came back from, until it is credited or closed. */
export const RechargeQuery = graphql(`
  query Recharge($id: ID!) {
    recharge(id: $id) {
      id
      status
      amount
      bonus
      wallet {
        id
        currency
        balance
      }
    }
  }
`);

/** Moves money between two of the tenant's wallets, once per idempotency key. */
export const TransferMutation = graphql(`
  mutation Transfer($input: TransferInput!) {
    transfer(input: $input) {
      id
    }
  }
`);
