import { Badge, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useOperation } from '../api/use-operation';
import type { DebtBoardQuery as BoardResult, DebtState } from '../gql/graphql';
import { CursorPager, useCursorPages } from '../layout/cursor-pages';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { RouteLink } from '../routing/link';
import { navigate } from '../routing/route';
import { DEBT_STATES, describeMoment } from '../wallets/wallet-words';
import { DebtBoardQuery } from './back-office.queries';
import { PageTable, type PageColumn } from './server-table';

type Debtor = BoardResult['debtBoard']['edges'][number]['node'];

/** The states of the board, worst last, as the debt ladder climbs. */
export const BOARD_STATES: readonly DebtState[] = ['LOW_BALANCE', 'CRITICAL', 'SUSPENDED'];
const PAGE_SIZE = 25;

const columns: PageColumn<Debtor>[] = [
  {
    id: 'tenant',
    header: 'Tenant',
    cell: ({ row }) => (
      <RouteLink to={{ page: 'tenant', tenantId: row.original.tenant.id }}>
        {row.original.tenant.name}
      </RouteLink>
    ),
  },
  {
    id: 'wallet',
    header: 'Wallet',
    cell: ({ row }) => (row.original.wallet.kind === 'TENANT' ? 'Tenant wallet' : 'Sub-account'),
  },
  {
    id: 'available',
    header: 'Available balance',
    numeric: true,
    cell: ({ row }) =>
      formatAmount(row.original.wallet.availableBalance, row.original.wallet.currency),
  },
  {
    id: 'since',
    header: 'In this state',
    cell: ({ row }) => {
      const since = describeMoment(row.original.since, new Date());
      return `since ${since.at} (${since.relative.replace(' ago', '')})`;
    },
  },
  {
    id: 'runsOut',
    header: 'Runs out',
    cell: ({ row }) =>
      row.original.wallet.runsOutAt === null
        ? 'Not spending'
        : describeMoment(row.original.wallet.runsOutAt, new Date()).at,
  },
];

/** Wallets in debt, one state at a time, longest in it first; the state lives in the address. */
export function DebtBoardPage({ state, token }: { state: DebtState; token: string }) {
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(reset, [state, reset]);
  const board = useOperation(
    DebtBoardQuery,
    { state, first: PAGE_SIZE, after: pages.after },
    token,
  );
  const words = DEBT_STATES[state];
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Debt board</Title>
        <Text mt={4}>
          Wallets that are running out of money or have run out, across every tenant, longest in
          their state first.
        </Text>
      </div>
      <NativeSelect
        label="Debt state"
        maw={240}
        value={state}
        data={BOARD_STATES.map((s) => ({ value: s, label: DEBT_STATES[s].label }))}
        onChange={(event) =>
          navigate({ page: 'debts', state: event.currentTarget.value as DebtState })
        }
      />
      <Text>
        <Badge variant="dot" radius="sm" color={words.color} mr="xs">
          {words.label}
        </Badge>
        {words.meaning}
      </Text>
      {board.isPending ? (
        <Loading what="the debt board" />
      ) : board.isError ? (
        <LoadError what="the debt board" error={board.error} onRetry={() => void board.refetch()} />
      ) : board.data.debtBoard.edges.length === 0 ? (
        <Text role="status">No wallet is {words.label.toLowerCase()} now.</Text>
      ) : (
        <>
          <PageTable
            label={`${words.label} wallets`}
            columns={columns}
            rows={board.data.debtBoard.edges.map((edge) => edge.node)}
            rowKey={(debtor) => debtor.wallet.id}
          />
          <CursorPager pages={pages} pageInfo={board.data.debtBoard.pageInfo} />
        </>
      )}
    </Stack>
  );
}
