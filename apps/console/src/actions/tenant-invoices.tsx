import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { InvoiceDialog } from './invoice-dialog';
import { TenantInvoicesQuery } from './actions.queries';

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

type Opened = { readonly id: string; readonly number: string; readonly action: 'void' | 'reissue' };

/** The tenant's invoices, newest period first, each with Void and Reissue for finance. */
export function TenantInvoices({ tenantId, token }: { tenantId: string; token: string }) {
  const reply = useOperation(TenantInvoicesQuery, { tenantId }, token);
  const [opened, setOpened] = useState<Opened | null>(null);
  const title = <Title order={2}>Invoices</Title>;
  if (reply.isPending) {
    return (
      <>
        {title}
        <Loading what="invoices" />
      </>
    );
  }
  if (reply.isError) {
    return (
      <>
        {title}
        <LoadError what="invoices" error={reply.error} onRetry={() => void reply.refetch()} />
      </>
    );
  }
  const { invoices } = reply.data;
  return (
    <>
      {title}
      {invoices.length === 0 ? (
        <Text role="status">No invoices yet: no month with charges has closed.</Text>
      ) : (
        <Table striped aria-label="Invoices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Period</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col" ta="right">
                Total
              </Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.map((invoice) => (
              <Table.Tr key={invoice.id}>
                <Table.Td ff="monospace">{invoice.number}</Table.Td>
                <Table.Td>{MONTH.format(new Date(invoice.periodStart))}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="dot"
                    radius="sm"
                    color={invoice.status === 'VOID' ? 'gray' : 'green'}
                  >
                    {invoice.status === 'VOID' ? 'Void' : 'Issued'}
                  </Badge>
                  {invoice.voidReason !== null && <Text size="xs">{invoice.voidReason}</Text>}
                </Table.Td>
                <Table.Td ta="right">{formatAmount(invoice.total, invoice.currency)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {invoice.status === 'ISSUED' && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Void ${invoice.number}`}
                        onClick={() => setOpened({ ...invoice, action: 'void' })}
                      >
                        Void
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Reissue ${invoice.number}`}
                      onClick={() => setOpened({ ...invoice, action: 'reissue' })}
                    >
                      Reissue
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {opened !== null && (
        <InvoiceDialog
          invoice={opened}
          action={opened.action}
          onClose={() => setOpened(null)}
          token={token}
        />
      )}
    </>
  );
}
