import { Alert, Button, Group, NativeSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/error-words';
import { runOperation } from '../api/graphql-client';
import { useOperation } from '../api/use-operation';
import type { LedgerEntryFilter } from '../gql/graphql';
import { CursorPager, useCursorPages } from '../layout/cursor-pages';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { ExportLedgerEntriesMutation, LedgerEntriesQuery } from './ledger.queries';
import { filterOf, NO_FILTER, type Draft } from './ledger-filter';
import { LEDGER_KINDS, ledgerKindWords } from './ledger-words';

const PAGE_SIZES = ['10', '25', '50'];
const WHEN = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});
const KIND_CHOICES = [
  { value: '', label: 'Every kind' },
  ...Object.entries(LEDGER_KINDS).map(([value, label]) => ({ value, label })),
];

/**
 * A wallet's ledger entries, newest first: filtered by kind and by day, paged with the API's
 * cursors (the page keeps those it came through, to go back), and exported as CSV — all the
 * entries the filter selects, which the browser saves as the gateway streams them.
 */
export function LedgerEntries({
  walletId,
  title,
  token,
}: {
  walletId: string;
  title: string;
  token: string;
}) {
  const [draft, setDraft] = useState<Draft>(NO_FILTER);
  const [filter, setFilter] = useState<LedgerEntryFilter | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pageSize, setPageSize] = useState('10');
  const pages = useCursorPages();
  const reply = useOperation(
    LedgerEntriesQuery,
    { walletId, first: Number(pageSize), after: pages.after, filter },
    token,
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const checked = filterOf(draft);
    setProblem(typeof checked === 'string' ? checked : null);
    if (typeof checked === 'string') return;
    setFilter(checked);
    pages.reset();
  };
  const edit = (field: keyof Draft) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  return (
    <>
      <Title order={2}>{title}</Title>
      <form onSubmit={apply} aria-label="Ledger entry filters">
        <Group align="flex-end">
          <NativeSelect
            label="Kind"
            data={KIND_CHOICES}
            value={draft.kind}
            onChange={(event) => edit('kind')(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="From (UTC day)"
            value={draft.fromDay}
            onChange={(event) => edit('fromDay')(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="To (UTC day, included)"
            value={draft.toDay}
            onChange={(event) => edit('toDay')(event.currentTarget.value)}
          />
          <Button type="submit">Filter</Button>
          <NativeSelect
            label="Rows per page"
            data={PAGE_SIZES}
            value={pageSize}
            onChange={(event) => {
              setPageSize(event.currentTarget.value);
              pages.reset();
            }}
          />
          <ExportButton walletId={walletId} filter={filter} token={token} />
        </Group>
        {problem !== null && (
          <Text c="red.8" mt="xs" role="alert">
            {problem}
          </Text>
        )}
      </form>
      {reply.isPending ? (
        <Loading what="ledger entries" />
      ) : reply.isError ? (
        <LoadError what="ledger entries" error={reply.error} onRetry={() => void reply.refetch()} />
      ) : reply.data.wallet === null ? null : reply.data.wallet.entries.edges.length === 0 ? (
        <Text role="status">
          {filter === null
            ? 'No ledger entries yet: nothing has moved money in this wallet.'
            : 'No ledger entry matches these filters.'}
        </Text>
      ) : (
        <>
          <EntriesTable
            entries={reply.data.wallet.entries.edges.map((edge) => edge.node)}
            currency={reply.data.wallet.currency}
          />
          <CursorPager pages={pages} pageInfo={reply.data.wallet.entries.pageInfo} />
        </>
      )}
    </>
  );
}

interface Entry {
  readonly id: string;
  readonly amount: string;
  readonly createdAt: string;
  readonly transaction: { readonly id: string; readonly kind: string };
}

function EntriesTable({ entries, currency }: { entries: readonly Entry[]; currency: string }) {
  return (
    <Table striped aria-label="Latest ledger entries">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">When (UTC)</Table.Th>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">Transaction</Table.Th>
          <Table.Th scope="col" ta="right">
            Amount
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id} data-testid="ledger-entry">
            <Table.Td>{WHEN.format(new Date(entry.createdAt))}</Table.Td>
            <Table.Td>{ledgerKindWords(entry.transaction.kind)}</Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {entry.transaction.id}
            </Table.Td>
            <Table.Td ta="right">{formatAmount(entry.amount, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Asks for a one-time link to the filtered entries and opens it: the gateway answers it as an
 * attachment, so the browser saves the CSV as it streams instead of holding it in the page.
 */
function ExportButton({
  walletId,
  filter,
  token,
}: {
  walletId: string;
  filter: LedgerEntryFilter | null;
  token: string;
}) {
  const [state, setState] = useState<'idle' | 'asking' | 'started' | { error: unknown }>('idle');
  const exportCsv = async () => {
    setState('asking');
    try {
      const { exportLedgerEntries } = await runOperation(
        ExportLedgerEntriesMutation,
        { walletId, filter },
        token,
      );
      window.location.assign(exportLedgerEntries.url);
      setState('started');
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <>
      <Button variant="default" loading={state === 'asking'} onClick={() => void exportCsv()}>
        Export CSV
      </Button>
      {state === 'started' && (
        <Text size="sm" role="status">
          The download has started: every entry these filters select, newest first.
        </Text>
      )}
      {typeof state === 'object' && (
        <Alert color="red" variant="outline" title="Could not export" role="alert">
          {describeError(state.error).words} ({describeError(state.error).code})
        </Alert>
      )}
    </>
  );
}
