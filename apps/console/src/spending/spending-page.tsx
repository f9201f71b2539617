import { Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { useOperation } from '../api/use-operation';
import type { SpendGrouping, TenantSpendingQuery as Spending } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { formatMoney } from '../money/money';
import { WalletCard } from '../wallets/wallet-card';
import { lastDays, spendTable } from './spend-series';
import { GROUPINGS, labelOf, PERIODS, type Period } from './spend-words';
import { TenantSpendingQuery } from './spending.queries';

type Tenant = NonNullable<Spending['tenant']>;

// ECharts is most of the console's weight: fetched when a chart is first drawn, not at sign-in.
const SpendChart = lazy(() =>
  import('./spend-chart').then(({ SpendChart }) => ({ default: SpendChart })),
);

/** The tenant's money now (balance, pending, available, run-out) and its spending per day. */
export function SpendingPage({ tenantId, token }: { tenantId: string; token: string }) {
  const [groupBy, setGroupBy] = useState<SpendGrouping>('NAMESPACE');
  const [period, setPeriod] = useState<Period>(30);
  // The range is fixed when the period is chosen, so the minute's refresh asks the same days.
  const range = useMemo(() => lastDays(period, new Date()), [period]);
  const spending = useOperation(
    TenantSpendingQuery,
    { tenantId, from: range.from, to: range.to, groupBy },
    token,
  );
  if (spending.isPending) return <Loading what="spending" />;
  if (spending.isError) {
    return (
      <LoadError what="spending" error={spending.error} onRetry={() => void spending.refetch()} />
    );
  }
  const { tenant } = spending.data;
  if (tenant === null) {
    return <LoadError what="spending" error={new ApiError('NOT_FOUND', `No tenant ${tenantId}`)} />;
  }
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{tenant.name}: spending</Title>
        <Text mt={4}>
          What the tenant wallet holds now, and what was spent each day (UTC). A day counts the
          hours already settled; the hours running now are in the pending charges.
        </Text>
      </div>
      <WalletCard title="Tenant wallet" wallet={tenant.wallet} wide />
      <Card withBorder padding="lg" component="section" aria-labelledby="spend-per-day">
        <Group justify="space-between" align="flex-end" mb="md">
          <Title order={2} id="spend-per-day">
            Spending per day
          </Title>
          <Group gap="md">
            <NativeSelect
              label="Split by"
              value={groupBy}
              onChange={(event) => setGroupBy(event.currentTarget.value as SpendGrouping)}
              data={Object.entries(GROUPINGS).map(([value, { label }]) => ({ value, label }))}
            />
            <NativeSelect
              label="Period"
              value={String(period)}
              onChange={(event) => setPeriod(Number(event.currentTarget.value) as Period)}
              data={PERIODS.map((days) => ({ value: String(days), label: `Last ${days} days` }))}
            />
          </Group>
        </Group>
        <SpendFigures tenant={tenant} days={range.days} groupBy={groupBy} period={period} />
      </Card>
    </Stack>
  );
}

function SpendFigures({
  tenant,
  days,
  groupBy,
  period,
}: {
  tenant: Tenant;
  days: readonly string[];
  groupBy: SpendGrouping;
  period: Period;
}) {
  // The same answer (a refresh that changed nothing) gives the same table: the chart stays.
  const table = useMemo(
    () => spendTable(tenant.dailySpend, days, labelOf(groupBy, { tenantId: tenant.id, ...tenant })),
    [tenant, days, groupBy],
  );
  const money = (micros: bigint) => formatMoney(micros, tenant.currency);
  const noun = GROUPINGS[groupBy].noun;
  if (table.series.length === 0) {
    return (
      <Text>
        Nothing settled in the last {period} days. Usage shows here once its hour is settled, about
        an hour after it ran.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Text>
        {money(table.total)} in the last {period} days, split by {noun}.
      </Text>
      <Suspense fallback={<Loading what="the chart" />}>
        <SpendChart
          table={table}
          currency={tenant.currency}
          description={`Bar chart of spending per day over the last ${period} days, by ${noun}; the table below has the figures.`}
        />
      </Suspense>
      <Table striped layout="fixed" captionSide="top">
        <Table.Caption>
          Spending of the last {period} days per {noun}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{GROUPINGS[groupBy].label}</Table.Th>
            <Table.Th scope="col" ta="right">
              Spent
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.series.map((series) => (
            <Table.Tr key={series.key}>
              <Table.Th scope="row" fw={400} style={{ overflowWrap: 'anywhere' }}>
                {series.label}
              </Table.Th>
              <Table.Td ta="right">{money(series.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">Total</Table.Th>
            <Table.Td ta="right" fw={700}>
              {money(table.total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Stack>
  );
}
