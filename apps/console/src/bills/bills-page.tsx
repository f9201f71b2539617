import { Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useMemo, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { useOperation } from '../api/use-operation';
import { LoadError, Loading } from '../layout/states';
import { formatMoney } from '../money/money';
import { lastDays, spendTable } from '../spending/spend-series';
import { TenantBillsQuery } from './bills.queries';
import { DayLines } from './day-lines';
import { InvoicesTable } from './invoices-table';
import { StatementCard } from './statement-card';

const BILLED_DAYS = 30;

/** What the tenant was billed: each day with its hours, the invoices, the month's statement. */
export function BillsPage({ tenantId, token }: { tenantId: string; token: string }) {
  const range = useMemo(() => lastDays(BILLED_DAYS, new Date()), []);
  const bills = useOperation(TenantBillsQuery, { tenantId, from: range.from, to: range.to }, token);
  if (bills.isPending) return <Loading what="bills" />;
  if (bills.isError) {
    return <LoadError what="bills" error={bills.error} onRetry={() => void bills.refetch()} />;
  }
  const { tenant, invoices } = bills.data;
  if (tenant === null) {
    return <LoadError what="bills" error={new ApiError('NOT_FOUND', `No tenant ${tenantId}`)} />;
  }
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{tenant.name}: bills</Title>
        <Text mt={4}>
          Every settled hour is billed once, per namespace and resource. Open a day to see its
          hours; invoices and statements are issued per calendar month (UTC).
        </Text>
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="billed-days">
        <Title order={2} id="billed-days" mb="md">
          Days
        </Title>
        <BilledDays
          tenantId={tenantId}
          token={token}
          currency={tenant.currency}
          days={range.days}
          rows={tenant.dailySpend}
        />
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="invoices">
        <Title order={2} id="invoices" mb="md">
          Invoices
        </Title>
        <InvoicesTable invoices={invoices} currency={tenant.currency} token={token} />
      </Card>
      <StatementCard tenantId={tenantId} token={token} />
    </Stack>
  );
}

interface DaysProps {
  readonly tenantId: string;
  readonly token: string;
  readonly currency: string;
  readonly days: readonly string[];
  readonly rows: Parameters<typeof spendTable>[0];
}

/** The days that were billed, newest first, each opening its hourly lines beneath it. */
function BilledDays({ tenantId, token, currency, days, rows }: DaysProps) {
  const [open, setOpen] = useState<string | null>(null);
  const table = useMemo(() => spendTable(rows, days, (key) => key), [rows, days]);
  const billed = days
    .map((day, i) => ({ day, total: table.dayTotals[i] }))
    .filter(({ day }) => rows.some((row) => row.day === day))
    .reverse();
  if (billed.length === 0) {
    return (
      <Text>
        Nothing billed in the last {BILLED_DAYS} days. An hour is billed once it is settled, about
        an hour after it ran.
      </Text>
    );
  }
  return (
    <Table layout="fixed" captionSide="top">
      <Table.Caption>Billed days of the last {BILLED_DAYS} days (UTC)</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Day</Table.Th>
          <Table.Th scope="col" ta="right">
            Billed
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Hours
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {billed.map(({ day, total }) => (
          <Fragment key={day}>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                {day}
              </Table.Th>
              <Table.Td ta="right">{formatMoney(total, currency)}</Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="default"
                  size="xs"
                  aria-expanded={open === day}
                  aria-controls={`hours-${day}`}
                  onClick={() => setOpen(open === day ? null : day)}
                >
                  {open === day ? `Hide hours of ${day}` : `Show hours of ${day}`}
                </Button>
              </Table.Td>
            </Table.Tr>
            {open === day && (
              <Table.Tr id={`hours-${day}`}>
                <Table.Td colSpan={3}>
                  <DayLines tenantId={tenantId} token={token} day={day} currency={currency} />
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}
