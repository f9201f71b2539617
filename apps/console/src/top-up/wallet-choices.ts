import type { TenantWalletsQuery } from '../gql/graphql';

type Tenant = NonNullable<TenantWalletsQuery['tenant']>;

/** A wallet a form can pick, by the name a person knows it by. */
export interface WalletChoice {
  readonly id: string;
  readonly label: string;
  readonly balance: string;
}

/** The tenant's own wallet first, then each sub-account's. */
export function walletChoices(tenant: Tenant): WalletChoice[] {
  return [
    { id: tenant.wallet.id, label: 'Tenant wallet', balance: tenant.wallet.balance },
    ...tenant.subAccounts.map((sub) => ({
      id: sub.wallet.id,
      label: sub.name,
      balance: sub.wallet.balance,
    })),
  ];
}
