import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/graphql-client';
import { useOperation } from '../api/use-operation';
import type { NamespaceUsageQuery as UsageResult } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { RouteLink } from '../routing/link';
import { describeMoment } from '../wallets/wallet-words';
import { NamespaceUsageQuery } from './back-office.queries';
import { BarChart } from './bar-chart';
import { PageTable, type PageColumn } from './server-table';
import { hoursOf, resourceSeries, totalOf, type HourLine } from './usage-series';

const HOUR_MS = 3_600_000;
const PERIODS = [
  { value: '24', label: 'Last 24 hours' },
  { value: '72', label: 'Last 3 days' },
  { value: '168', label: 'Last 7 days' },
];
// Kubernetes namespace names: DNS-1123 labels (the API refuses anything else too).
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LINES_PER_PAGE = 50;

/** The settled hours of the last `hours`, up to the current hour (not settled yet). */
function lastHours(hours: number, now = Date.now()): { from: string; to: string } {
  const to = Math.floor(now / HOUR_MS) * HOUR_MS;
  return { from: new Date(to - hours * HOUR_MS).toISOString(), to: new Date(to).toISOString() };
}

/**
 * Any namespace's settled usage and charges by hour and resource: a stacked chart of the
 * charges and every line in a table. The namespace is checked before it is asked for.
 */
export function UsagePage({ token }: { token: string }) {
  const [namespace, setNamespace] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [hours, setHours] = useState('24');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (!NAMESPACE.test(name)) {
      setError('A namespace is up to 63 lower-case letters, digits and dashes, e.g. shop-prod.');
      return;
    }
    setError(null);
    setNamespace(name);
  };
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Usage explorer</Title>
        <Text mt={4}>
          What a namespace used and was charged, hour by hour and resource by resource, once each
          hour is settled into the ledger.
        </Text>
      </div>
      <form onSubmit={submit} aria-label="Usage of a namespace" noValidate>
        <Group align="flex-start">
          <TextInput
            label="Namespace"
            placeholder="shop-prod"
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            error={error}
            autoComplete="off"
            w={280}
          />
          <NativeSelect
            label="Period"
            data={PERIODS}
            value={hours}
            onChange={(event) => setHours(event.currentTarget.value)}
          />
          <Button type="submit" mt={25}>
            Show usage
          </Button>
        </Group>
      </form>
      {namespace === null ? (
        <Text>Name a namespace to see its usage.</Text>
      ) : (
        <NamespaceUsage
          key={`${namespace} ${hours}`}
          namespace={namespace}
          period={lastHours(Number(hours))}
          token={token}
        />
      )}
    </Stack>
  );
}

type Workspace = NonNullable<UsageResult['workspace']>;

function NamespaceUsage({
  namespace,
  period,
  token,
}: {
  namespace: string;
  period: { from: string; to: string };
  token: string;
}) {
  const usage = useOperation(NamespaceUsageQuery, { namespace, ...period }, token);
  if (usage.isPending) return <Loading what={`the usage of ${namespace}`} />;
  if (usage.isError) {
    return (
      <LoadError
        what={`the usage of ${namespace}`}
        error={usage.error}
        onRetry={() => void usage.refetch()}
      />
    );
  }
  if (usage.data.workspace === null) {
    return (
      <LoadError
        what={`the usage of ${namespace}`}
        error={new ApiError('NOT_FOUND', `No workspace ${namespace}`)}
      />
    );
  }
  return <UsageFigures workspace={usage.data.workspace} period={period} />;
}

function UsageFigures({
  workspace,
  period,
}: {
  workspace: Workspace;
  period: { from: string; to: string };
}) {
  const currency = workspace.wallet.currency;
  const hours = hoursOf(period.from, period.to);
  const [page, setPage] = useState(0);
  // Newest hour first; an hour's resources in the API's order (the sort is stable).
  const newestFirst = [...workspace.usage].sort((a, b) => Date.parse(b.hour) - Date.parse(a.hour));
  const shown = newestFirst.slice(page * LINES_PER_PAGE, (page + 1) * LINES_PER_PAGE);
  return (
    <Stack gap="md">
      <Text>
        <Text span ff="monospace">
          {workspace.namespace}
        </Text>{' '}
        of{' '}
        <RouteLink to={{ page: 'tenant', tenantId: workspace.tenant.id }}>
          {workspace.tenant.name}
        </RouteLink>
        : {totalOf(workspace.usage, currency)} charged in these hours;{' '}
        {formatAmount(workspace.pendingCharges, currency)} pending in hours not settled yet.
      </Text>
      {workspace.usage.length === 0 ? (
        <Text role="status">No settled usage in these hours.</Text>
      ) : (
        <>
          <BarChart
            categories={hours.map((hour) => `${hour.slice(5, 10)} ${hour.slice(11, 16)}`)}
            series={resourceSeries(workspace.usage, hours)}
            currency={currency}
            stacked
            label={`Stacked bar chart of ${workspace.namespace}'s charges per hour and resource in ${currency}; the table below lists every line.`}
          />
          <PageTable
            label={`Usage of ${workspace.namespace} by hour and resource`}
            columns={lineColumns(currency)}
            rows={shown}
            rowKey={(line) => `${line.hour} ${line.resource}`}
          />
          <Group justify="space-between">
            <Text size="sm" c="gray.7" role="status">
              Lines {page * LINES_PER_PAGE + 1}–{page * LINES_PER_PAGE + shown.length} of{' '}
              {newestFirst.length}
            </Text>
            <Group gap="sm">
              <Button variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Newer lines
              </Button>
              <Button
                variant="default"
                disabled={(page + 1) * LINES_PER_PAGE >= newestFirst.length}
                onClick={() => setPage(page + 1)}
              >
                Older lines
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}

function lineColumns(currency: string): PageColumn<HourLine>[] {
  return [
    {
      id: 'hour',
      header: 'Hour (UTC)',
      cell: ({ row }) => describeMoment(row.original.hour, new Date()).at,
    },
    { id: 'resource', header: 'Resource', cell: ({ row }) => row.original.resource },
    { id: 'quantity', header: 'Quantity', numeric: true, cell: ({ row }) => row.original.quantity },
    {
      id: 'amount',
      header: 'Charge',
      numeric: true,
      cell: ({ row }) => formatAmount(row.original.amount, currency),
    },
  ];
}
