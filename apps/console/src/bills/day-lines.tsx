import { Fragment } from 'react';
import { Table, Text } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { LoadError, Loading } from '../layout/states';
import { formatAmount, formatMoney } from '../money/money';
import { RESOURCE_NAMES } from '../spending/spend-words';
import { TenantDayLinesQuery } from './bills.queries';
import { hourBills } from './hour-bills';

const DAY_MS = 86_400_000;
const HOUR = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });

interface Props {
  readonly tenantId: string;
  readonly token: string;
  /** The UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly currency: string;
}

/** A day's bill hour by hour: each namespace's lines per resource, and each hour's total. */
export function DayLines({ tenantId, token, day, currency }: Props) {
  const from = new Date(`${day}T00:00:00Z`);
  const lines = useOperation(
    TenantDayLinesQuery,
    {
      tenantId,
      from: from.toISOString(),
      to: new Date(from.getTime() + DAY_MS).toISOString(),
    },
    token,
  );
  const what = `the hours of ${day}`;
  if (lines.isPending) return <Loading what={what} />;
  if (lines.isError) {
    return <LoadError what={what} error={lines.error} onRetry={() => void lines.refetch()} />;
  }
  const bills = hourBills(lines.data.tenant?.workspaces.flatMap((w) => w.usage) ?? []);
  if (bills.length === 0) {
    return <Text>No settled hours on {day}: the namespaces that ran then have moved away.</Text>;
  }
  return (
    <Table layout="fixed" captionSide="top" verticalSpacing={4}>
      <Table.Caption>Hourly lines of {day} (UTC)</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Namespace</Table.Th>
          <Table.Th scope="col">Resource</Table.Th>
          <Table.Th scope="col" ta="right">
            Quantity
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Amount
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bills.map((bill) => (
          <Fragment key={bill.hour}>
            <Table.Tr bg="gray.0">
              <Table.Th scope="rowgroup" colSpan={3}>
                {HOUR.format(new Date(bill.hour))}–
                {HOUR.format(new Date(new Date(bill.hour).getTime() + 3_600_000))} UTC
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {formatMoney(bill.total, currency)}
              </Table.Td>
            </Table.Tr>
            {bill.lines.map((line) => (
              <Table.Tr key={`${line.namespace} ${line.resource}`}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{line.namespace}</Table.Td>
                <Table.Td>{RESOURCE_NAMES[line.resource] ?? line.resource}</Table.Td>
                <Table.Td ta="right">{line.quantity}</Table.Td>
                <Table.Td ta="right">{formatAmount(line.amount, currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}
