import { Table, Text, Title } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { WalletEntriesQuery } from './actions.queries';

const LATEST = 10;
const WHEN = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** The wallet's latest ledger entries, newest first: where an action's posting shows. */
export function WalletEntries({ walletId, token }: { walletId: string; token: string }) {
  const reply = useOperation(WalletEntriesQuery, { walletId, first: LATEST }, token);
  const title = <Title order={2}>Latest ledger entries of the tenant wallet</Title>;
  if (reply.isPending) {
    return (
      <>
        {title}
        <Loading what="ledger entries" />
      </>
    );
  }
  if (reply.isError) {
    return (
      <>
        {title}
        <LoadError what="ledger entries" error={reply.error} onRetry={() => void reply.refetch()} />
      </>
    );
  }
  if (reply.data.wallet === null) return title;
  const { currency, entries } = reply.data.wallet;
  return (
    <>
      {title}
      {entries.edges.length === 0 ? (
        <Text role="status">No ledger entries yet: nothing has moved money in this wallet.</Text>
      ) : (
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
            {entries.edges.map(({ node }) => (
              <Table.Tr key={node.id} data-testid="ledger-entry">
                <Table.Td>{WHEN.format(new Date(node.createdAt))}</Table.Td>
                <Table.Td>{node.transaction.kind.replaceAll('_', ' ')}</Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {node.transaction.id}
                </Table.Td>
                <Table.Td ta="right">{formatAmount(node.amount, currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
