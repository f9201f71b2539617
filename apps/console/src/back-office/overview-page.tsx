import { Badge, Card, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import type { FinanceOverviewQuery as OverviewResult } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { RouteLink } from '../routing/link';
import { DEBT_STATES } from '../wallets/wallet-words';
import { FinanceOverviewQuery } from './back-office.queries';
import { CurrencyForm } from './currency-form';
import { BarChart } from './bar-chart';
import { formatDay, lastDays } from './period';
import { ReconciliationRunCard } from './reconciliation-run';

type Overview = OverviewResult['financeOverview'];

const PERIODS = [
  { value: '7', label: 'Last 7 days' },
  { value: '14', label: 'Last 14 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

/**
 * Finance's first page: the platform's money in one currency now, charges and recharges per
 * day, wallets per debt state and the last reconciliation run.
 */
export function OverviewPage({ token }: { token: string }) {
  const [currency, setCurrency] = useState('USD');
  const [days, setDays] = useState('14');
  const overview = useOperation(
    FinanceOverviewQuery,
    { currency, ...lastDays(Number(days)) },
    token,
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Overview</Title>
        <Text mt={4}>
          The money of every tenant in one currency, live; charges and recharges by UTC day.
        </Text>
      </div>
      <CurrencyForm label="Overview settings" onCurrency={setCurrency}>
        <NativeSelect
          label="Period"
          data={PERIODS}
          value={days}
          onChange={(event) => setDays(event.currentTarget.value)}
        />
      </CurrencyForm>
      {overview.isPending ? (
        <Loading what="the overview" />
      ) : overview.isError ? (
        <LoadError
          what="the overview"
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      ) : (
        <>
          <Balances overview={overview.data.financeOverview} />
          <DebtStates overview={overview.data.financeOverview} />
          <DailyTotals overview={overview.data.financeOverview} />
          <Title order={2}>Last reconciliation run</Title>
          {overview.data.reconciliationReports.length === 0 ? (
            <Text>No reconciliation has run yet.</Text>
          ) : (
            <ReconciliationRunCard run={overview.data.reconciliationReports[0]} />
          )}
          <RouteLink to={{ page: 'reconciliation' }}>Every reconciliation run</RouteLink>
        </>
      )}
    </Stack>
  );
}

function Balances({ overview }: { overview: Overview }) {
  const money = (amount: string) => formatAmount(amount, overview.currency);
  const figures = [
    {
      label: 'Total balance',
      amount: overview.balance,
      hint: `Of ${overview.wallets} wallets, sub-accounts included.`,
    },
    { label: 'Paid money', amount: overview.paid, hint: 'Recharged and not spent.' },
    {
      label: 'Promotional credit',
      amount: overview.promotional,
      hint: 'Bonuses and grants not spent or expired yet.',
    },
    {
      label: 'Pending usage',
      amount: overview.pendingUsage,
      hint: 'Priced usage of hours not settled into the ledger yet.',
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} aria-label="Balances" component="section">
      {figures.map((figure) => (
        <Card
          key={figure.label}
          withBorder
          padding="md"
          component="article"
          aria-label={figure.label}
        >
          <Text size="sm" c="gray.7">
            {figure.label}
          </Text>
          <Text fz={22} fw={700} style={{ overflowWrap: 'anywhere' }} data-testid="figure">
            {money(figure.amount)}
          </Text>
          <Text size="sm">{figure.hint}</Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function DebtStates({ overview }: { overview: Overview }) {
  const counts = new Map(overview.walletsByDebtState.map((row) => [row.state, row.wallets]));
  return (
    <>
      <Title order={2}>Wallets per debt state</Title>
      <Table aria-label="Wallets per debt state" maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Debt state</Table.Th>
            <Table.Th scope="col" ta="right">
              Wallets
            </Table.Th>
            <Table.Th scope="col">On the debt board</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(Object.keys(DEBT_STATES) as (keyof typeof DEBT_STATES)[]).map((state) => (
            <Table.Tr key={state}>
              <Table.Td>
                <Badge variant="dot" radius="sm" color={DEBT_STATES[state].color}>
                  {DEBT_STATES[state].label}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{counts.get(state) ?? 0}</Table.Td>
              <Table.Td>
                {state === 'NORMAL' ? (
                  'Not in debt'
                ) : (
                  <RouteLink to={{ page: 'debts', state }}>
                    {DEBT_STATES[state].label} wallets
                  </RouteLink>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function DailyTotals({ overview }: { overview: Overview }) {
  const money = (amount: string) => formatAmount(amount, overview.currency);
  const days = overview.dailyTotals;
  return (
    <>
      <Title order={2}>Charges and recharges per day</Title>
      <BarChart
        categories={days.map((day) => day.day.slice(5, 10))}
        series={[
          { name: 'Charges', color: '#c2410c', amounts: days.map((day) => day.charges) },
          { name: 'Recharges', color: '#1d4ed8', amounts: days.map((day) => day.recharges) },
        ]}
        currency={overview.currency}
        label={`Bar chart of charges and recharges per UTC day in ${overview.currency}, ${formatDay(days[0].day)} to ${formatDay(days[days.length - 1].day)}; the table below lists every amount.`}
      />
      <Table aria-label="Charges and recharges per day" striped maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day (UTC)</Table.Th>
            <Table.Th scope="col" ta="right">
              Charges
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Recharges
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...days].reverse().map((day) => (
            <Table.Tr key={day.day}>
              <Table.Td>{formatDay(day.day)}</Table.Td>
              <Table.Td ta="right">{money(day.charges)}</Table.Td>
              <Table.Td ta="right">{money(day.recharges)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
