import { Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useOperation } from '../api/use-operation';
import type { TenantStatementQuery as Statement } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { RESOURCE_NAMES } from '../spending/spend-words';
import { TenantStatementQuery } from './bills.queries';

const MONTHS_OFFERED = 12;
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** This month and the eleven before it as YYYY-MM, newest first. */
export function recentMonths(now: Date, count = MONTHS_OFFERED): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7),
  );
}

/** One month's statement: how the balance moved, and the usage it charged per namespace. */
export function StatementCard({ tenantId, token }: { tenantId: string; token: string }) {
  const months = useMemo(() => recentMonths(new Date()), []);
  const [month, setMonth] = useState(months[0]);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="statement">
      <Group justify="space-between" align="flex-end" mb="md">
        <Title order={2} id="statement">
          Statement
        </Title>
        <NativeSelect
          label="Month"
          value={month}
          onChange={(event) => setMonth(event.currentTarget.value)}
          data={months.map((m) => ({
            value: m,
            label: MONTH.format(new Date(`${m}-01T00:00:00Z`)),
          }))}
        />
      </Group>
      <MonthStatement tenantId={tenantId} token={token} month={month} />
    </Card>
  );
}

function MonthStatement({
  tenantId,
  token,
  month,
}: {
  tenantId: string;
  token: string;
  month: string;
}) {
  const statement = useOperation(TenantStatementQuery, { tenantId, month }, token);
  const what = `the statement of ${month}`;
  if (statement.isPending) return <Loading what={what} />;
  if (statement.isError) {
    return (
      <LoadError what={what} error={statement.error} onRetry={() => void statement.refetch()} />
    );
  }
  return <StatementFigures statement={statement.data.statement} />;
}

function StatementFigures({ statement }: { statement: Statement['statement'] }) {
  const money = (amount: string) => formatAmount(amount, statement.currency);
  const figures: [string, string][] = [
    ['Opening balance', statement.opening],
    ['Recharges', statement.recharges],
    ['Charges', statement.charges],
    ['Adjustments', statement.adjustments],
    ['Other (bonuses, refunds…)', statement.other],
    ['Closing balance', statement.closing],
  ];
  return (
    <Stack gap="md">
      <Text>
        {statement.final
          ? 'Final: issued at month-end with its invoice.'
          : 'The figures so far: the month is not closed yet.'}
      </Text>
      <Table layout="fixed" captionSide="top">
        <Table.Caption>How the tenant's balance moved</Table.Caption>
        <Table.Tbody>
          {figures.map(([label, amount]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={500}>
                {label}
              </Table.Th>
              <Table.Td ta="right">{money(amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {statement.usage.length === 0 ? (
        <Text>No usage charged this month.</Text>
      ) : (
        <Table layout="fixed" captionSide="top" striped>
          <Table.Caption>Usage charged, per namespace and resource</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Namespace</Table.Th>
              <Table.Th scope="col">Resource</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statement.usage.map((line) => (
              <Table.Tr key={`${line.namespace} ${line.resource}`}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{line.namespace}</Table.Td>
                <Table.Td>{RESOURCE_NAMES[line.resource] ?? line.resource}</Table.Td>
                <Table.Td ta="right">{money(line.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
