import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { ApiError } from '../api/graphql-client';
import { useOperation } from '../api/use-operation';
import type { TenantBudgetsQuery as Budgets } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { useManagesTenant } from '../session/manages-tenant';
import { AlertsSection } from './alerts-section';
import { BudgetForms } from './budget-forms';
import { TenantBudgetsQuery } from './budgets.queries';

type Tenant = NonNullable<Budgets['tenant']>;

/** Where the tenant's money may go: sub-accounts and their budgets, caps, and alerts. */
export function BudgetsPage({ tenantId, token }: { tenantId: string; token: string }) {
  const manages = useManagesTenant();
  const budgets = useOperation(TenantBudgetsQuery, { tenantId }, token);
  if (budgets.isPending) return <Loading what="budgets" />;
  if (budgets.isError) {
    return (
      <LoadError what="budgets" error={budgets.error} onRetry={() => void budgets.refetch()} />
    );
  }
  const { tenant } = budgets.data;
  if (tenant === null) {
    return <LoadError what="budgets" error={new ApiError('NOT_FOUND', `No tenant ${tenantId}`)} />;
  }
  const subAccounts = tenant.subAccounts.map((sub) => ({ id: sub.id, label: sub.name }));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{tenant.name}: budgets and alerts</Title>
        <Text mt={4}>
          A sub-account gets its monthly budget from the tenant wallet on the first of each month
          (UTC); a spending cap stops its namespaces for the rest of the month once reached.
        </Text>
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="sub-accounts">
        <Title order={2} id="sub-accounts" mb="md">
          Sub-accounts
        </Title>
        <SubAccountsTable tenant={tenant} />
      </Card>
      {manages ? (
        <BudgetForms
          tenantId={tenant.id}
          currency={tenant.currency}
          token={token}
          subAccounts={subAccounts}
          workspaces={tenant.workspaces.map((w) => ({ id: w.id, label: w.namespace }))}
        />
      ) : (
        <Text>Only the tenant's owners and admins open sub-accounts and set budgets and caps.</Text>
      )}
      <AlertsSection
        currency={tenant.currency}
        token={token}
        wallets={[
          { walletId: tenant.wallet.id, subAccountId: null, label: 'Tenant wallet' },
          ...tenant.subAccounts.map((sub) => ({
            walletId: sub.wallet.id,
            subAccountId: sub.id,
            label: sub.name,
          })),
        ]}
      />
    </Stack>
  );
}

function SubAccountsTable({ tenant }: { tenant: Tenant }) {
  const money = (amount: string | null, none: string) =>
    amount === null ? none : formatAmount(amount, tenant.currency);
  if (tenant.subAccounts.length === 0) {
    return (
      <Text>No sub-accounts yet: everything {tenant.name} runs draws on the tenant wallet.</Text>
    );
  }
  return (
    <Table layout="fixed" captionSide="top" striped>
      <Table.Caption>Sub-accounts, their money and limits</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Sub-account</Table.Th>
          <Table.Th scope="col" ta="right">
            Balance
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Monthly budget
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Spending cap
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tenant.subAccounts.map((sub) => (
          <Table.Tr key={sub.id}>
            <Table.Th scope="row" fw={400}>
              {sub.name}
            </Table.Th>
            <Table.Td ta="right">{money(sub.wallet.balance, '')}</Table.Td>
            <Table.Td ta="right">{money(sub.monthlyBudget, 'None')}</Table.Td>
            <Table.Td ta="right">{money(sub.spendingCap, 'None')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
