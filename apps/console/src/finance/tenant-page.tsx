import { Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { TenantActions } from '../actions/tenant-actions';
import { TenantInvoices } from '../actions/tenant-invoices';
import { ApiError } from '../api/graphql-client';
import { TenantAuditTrail } from '../audit/tenant-audit-trail';
import { useOperation } from '../api/use-operation';
import type { FinanceTenantQuery as TenantResult, NamespaceState } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { LedgerEntries } from '../ledger/ledger-entries';
import { formatAmount } from '../money/money';
import { RouteLink } from '../routing/link';
import { WalletCard } from '../wallets/wallet-card';
import { FinanceTenantQuery } from './finance.queries';

type Tenant = NonNullable<TenantResult['tenant']>;

const NAMESPACE_STATES: Readonly<Record<NamespaceState, string>> = {
  ACTIVE: 'Active',
  SUSPENDING: 'Being suspended',
  SUSPENDED: 'Suspended',
  RESUMING: 'Resuming',
};

/** One tenant for finance: its wallets live, sub-accounts and budgets, workspaces, members. */
export function TenantPage({ tenantId, token }: { tenantId: string; token: string }) {
  const reply = useOperation(FinanceTenantQuery, { tenantId }, token);
  const back = <RouteLink to={{ page: 'tenants', search: '' }}>All tenants</RouteLink>;
  if (reply.isPending) return <Loading what="the tenant" />;
  if (reply.isError) {
    return <LoadError what="the tenant" error={reply.error} onRetry={() => void reply.refetch()} />;
  }
  const { tenant } = reply.data;
  if (tenant === null) {
    return (
      <Stack>
        <LoadError what="the tenant" error={new ApiError('NOT_FOUND', `No tenant ${tenantId}`)} />
        {back}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <div>
        {back}
        <Title order={1} mt="xs">
          {tenant.name}
        </Title>
        <Text mt={4}>
          Tenant id{' '}
          <Text span ff="monospace">
            {tenant.id}
          </Text>
          , money in {tenant.currency}. Live figures, refreshed every minute.
        </Text>
      </div>
      <WalletCard title="Tenant wallet" wallet={tenant.wallet} wide />
      <TenantActions
        wallets={actionWallets(tenant)}
        namespaces={tenant.workspaces.map((w) => w.namespace)}
        token={token}
      />
      <SubAccounts tenant={tenant} />
      <Workspaces tenant={tenant} />
      <Members tenant={tenant} />
      <TenantInvoices tenantId={tenant.id} token={token} />
      <LedgerEntries
        walletId={tenant.wallet.id}
        title="Ledger entries of the tenant wallet"
        token={token}
      />
      <TenantAuditTrail tenantId={tenant.id} token={token} />
    </Stack>
  );
}

/** The wallets finance may act on: the tenant's, then each sub-account's. */
function actionWallets(tenant: Tenant) {
  return [
    { id: tenant.wallet.id, name: 'the tenant wallet', currency: tenant.currency },
    ...tenant.subAccounts.map((sub) => ({
      id: sub.wallet.id,
      name: `sub-account ${sub.name}`,
      currency: tenant.currency,
    })),
  ];
}

function SubAccounts({ tenant }: { tenant: Tenant }) {
  const money = (amount: string | null, none: string) =>
    amount === null ? none : formatAmount(amount, tenant.currency);
  return (
    <>
      <Title order={2}>Sub-accounts and budgets</Title>
      {tenant.subAccounts.length === 0 ? (
        <Text>No sub-accounts: everything {tenant.name} runs draws on the tenant wallet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {tenant.subAccounts.map((sub) => (
            <WalletCard
              key={sub.id}
              title={sub.name}
              subtitle={`Monthly budget ${money(sub.monthlyBudget, 'none')} · spending cap ${money(sub.spendingCap, 'none')}`}
              wallet={sub.wallet}
            />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

function Workspaces({ tenant }: { tenant: Tenant }) {
  return (
    <>
      <Title order={2}>Workspaces</Title>
      {tenant.workspaces.length === 0 ? (
        <Text>No workspaces: {tenant.name} runs no namespace Tally meters.</Text>
      ) : (
        <Table aria-label="Workspaces" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Namespace</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Paid by</Table.Th>
              <Table.Th scope="col" ta="right">
                Monthly spending cap
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tenant.workspaces.map((workspace) => (
              <Table.Tr key={workspace.id}>
                <Table.Td ff="monospace">{workspace.namespace}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="dot"
                    radius="sm"
                    color={workspace.state === 'ACTIVE' ? 'green' : 'red'}
                  >
                    {NAMESPACE_STATES[workspace.state]}
                  </Badge>
                  {workspace.suspensionReasons.length > 0 && (
                    <Text span size="xs" ml="xs">
                      ({workspace.suspensionReasons.join(', ').toLowerCase().replace('_', ' ')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{workspace.subAccount?.name ?? 'Tenant wallet'}</Table.Td>
                <Table.Td ta="right">
                  {workspace.spendingCap === null
                    ? 'None'
                    : formatAmount(workspace.spendingCap, tenant.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function Members({ tenant }: { tenant: Tenant }) {
  return (
    <>
      <Title order={2}>Members</Title>
      {tenant.members.length === 0 ? (
        <Text>No members.</Text>
      ) : (
        <Table aria-label="Members" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">E-mail</Table.Th>
              <Table.Th scope="col">Identity provider subject</Table.Th>
              <Table.Th scope="col">User id</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tenant.members.map(({ user, role }) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.email ?? 'No e-mail'}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.externalId}</Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {user.id}
                </Table.Td>
                <Table.Td>{role.charAt(0) + role.slice(1).toLowerCase()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
