import { Stack, Table, Text, Title } from '@mantine/core';
import { ApiError } from '../api/graphql-client';
import { useOperation } from '../api/use-operation';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { TenantWalletsQuery } from '../wallets/wallets.queries';
import { useManagesTenant } from '../session/manages-tenant';
import { RechargeNotice } from './recharge-notice';
import { TopUpForm } from './top-up-form';
import { TransferForm } from './transfer-form';
import { walletChoices } from './wallet-choices';

interface Props {
  readonly tenantId: string;
  readonly token: string;
  /** The top-up Checkout came back from, if any. */
  readonly recharge: string | null;
}

/** Adding money to the tenant's wallets by card, and moving it between them. */
export function TopUpPage({ tenantId, token, recharge }: Props) {
  const manages = useManagesTenant();
  const wallets = useOperation(TenantWalletsQuery, { tenantId }, token);
  if (wallets.isPending) return <Loading what="wallets" />;
  if (wallets.isError) {
    return (
      <LoadError what="wallets" error={wallets.error} onRetry={() => void wallets.refetch()} />
    );
  }
  const { tenant } = wallets.data;
  if (tenant === null) {
    return <LoadError what="wallets" error={new ApiError('NOT_FOUND', `No tenant ${tenantId}`)} />;
  }
  const currency = tenant.wallet.currency;
  const choices = walletChoices(tenant);
  return (
    <Stack gap="lg">
      <Title order={1}>{tenant.name}: top up and transfer</Title>
      {recharge !== null && <RechargeNotice id={recharge} token={token} />}
      <Table layout="fixed" captionSide="top" maw={640}>
        <Table.Caption>Balances now</Table.Caption>
        <Table.Tbody>
          {choices.map((wallet) => (
            <Table.Tr key={wallet.id}>
              <Table.Th scope="row" fw={500}>
                {wallet.label}
              </Table.Th>
              <Table.Td ta="right" data-testid={`balance-${wallet.label}`}>
                {formatAmount(wallet.balance, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <TopUpForm wallets={choices} currency={currency} token={token} />
      {!manages ? (
        <Text>Only the tenant's owners and admins move money between its wallets.</Text>
      ) : choices.length > 1 ? (
        <TransferForm wallets={choices} currency={currency} token={token} />
      ) : (
        <Text>
          Transfers move money between the tenant wallet and its sub-accounts: {tenant.name} has
          none yet.
        </Text>
      )}
    </Stack>
  );
}
