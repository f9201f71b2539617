import { Badge, Table, Text } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import type { RechargeStatus } from '../gql/graphql';
import { formatAmount } from '../money/money';
import { CursorPager, useCursorPages } from '../layout/cursor-pages';
import { QuerySection } from './section';
import { TenantRechargesQuery } from './tenant-money.queries';
import { formatWhen } from './when';

const PAGE_SIZE = 10;

const STATUSES: Readonly<Record<RechargeStatus, { words: string; color: string }>> = {
  PENDING: { words: 'Waiting for payment', color: 'yellow' },
  SUCCEEDED: { words: 'Paid', color: 'green' },
  FAILED: { words: 'Payment failed', color: 'red' },
  EXPIRED: { words: 'Checkout expired', color: 'gray' },
  REFUNDED: { words: 'Refunded', color: 'gray' },
};

/** The tenant's top-ups through Checkout, newest first, a page at a time. */
export function TenantRecharges({
  tenantId,
  currency,
  token,
}: {
  tenantId: string;
  currency: string;
  token: string;
}) {
  const pages = useCursorPages();
  const reply = useOperation(
    TenantRechargesQuery,
    { tenantId, first: PAGE_SIZE, after: pages.after },
    token,
  );
  const money = (amount: string) => formatAmount(amount, currency);
  return (
    <QuerySection title="Recharges" what="recharges" reply={reply}>
      {({ recharges }) =>
        recharges.edges.length === 0 ? (
          <Text role="status">No recharges yet: the tenant has never started a top-up.</Text>
        ) : (
          <>
            <Table striped aria-label="Recharges">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Started</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Amount
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Bonus
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Refunded
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recharges.edges.map(({ node }) => (
                  <Table.Tr key={node.id} data-testid="recharge">
                    <Table.Td>{formatWhen(node.createdAt)}</Table.Td>
                    <Table.Td>
                      <Badge variant="dot" radius="sm" color={STATUSES[node.status].color}>
                        {STATUSES[node.status].words}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{money(node.amount)}</Table.Td>
                    <Table.Td ta="right">{money(node.bonus)}</Table.Td>
                    <Table.Td ta="right">{money(node.refunded)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <CursorPager of="recharges" pages={pages} pageInfo={recharges.pageInfo} />
          </>
        )
      }
    </QuerySection>
  );
}
