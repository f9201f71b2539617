import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../api/graphql-client';
import { useOperation } from '../api/use-operation';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { WalletCard } from './wallet-card';
import { TenantWalletsQuery } from './wallets.queries';

/** The tenant's wallet and its sub-accounts' wallets, live. */
export function WalletsPage({ tenantId, token }: { tenantId: string; token: string }) {
  const wallets = useOperation(TenantWalletsQuery, { tenantId }, token);
  if (wallets.isPending) return <Loading what="wallets" />;
  if (wallets.isError) {
    return (
      <LoadError what="wallets" error={wallets.error} onRetry={() => void wallets.refetch()} />
    );
  }
  const { tenant } = wallets.data;
  // Another tenant's id, or one that does not exist: the API answers null for both.
  if (tenant === null) {
    return <LoadError what="wallets" error={new ApiError('NOT_FOUND', `No tenant ${tenantId}`)} />;
  }
  const currency = tenant.wallet.currency;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{tenant.name}: wallets</Title>
        <Text mt={4}>
          Live figures, refreshed every minute. Pending charges are usage not on the bill yet: each
          hour is charged once it is settled.
        </Text>
      </div>
      <WalletCard title="Tenant wallet" wallet={tenant.wallet} wide />
      <Title order={2}>Sub-accounts</Title>
      {tenant.subAccounts.length === 0 ? (
        <Text>No sub-accounts: everything {tenant.name} runs draws on the tenant wallet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {tenant.subAccounts.map((sub) => (
            <WalletCard
              key={sub.id}
              title={sub.name}
              subtitle={
                sub.monthlyBudget === null
                  ? 'No monthly budget'
                  : `Monthly budget ${formatAmount(sub.monthlyBudget, currency)}`
              }
              wallet={sub.wallet}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
