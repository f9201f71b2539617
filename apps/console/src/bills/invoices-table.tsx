import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../api/error-words';
import type { TenantBillsQuery } from '../gql/graphql';
import { formatAmount } from '../money/money';
import { downloadPdf } from './pdf-download';

type Invoice = TenantBillsQuery['invoices'][number];

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const STATUS_WORDS: Readonly<Record<Invoice['status'], string>> = {
  DRAFT: 'Draft',
  ISSUED: 'Issued',
  VOID: 'Void',
};

interface Props {
  readonly invoices: readonly Invoice[];
  readonly currency: string;
  readonly token: string;
}

/** The tenant's invoices with their PDFs, one download at a time, its failure in words. */
export function InvoicesTable({ invoices, currency, token }: Props) {
  if (invoices.length === 0) {
    return (
      <Text>No invoices yet: the first is issued when the first month with usage closes.</Text>
    );
  }
  return (
    <Table layout="fixed" captionSide="top">
      <Table.Caption>Invoices, one per month</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Number</Table.Th>
          <Table.Th scope="col">Month</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col" ta="right">
            Total
          </Table.Th>
          <Table.Th scope="col" ta="right">
            PDF
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoices.map((invoice) => (
          <Table.Tr key={invoice.id}>
            <Table.Th scope="row" fw={400}>
              {invoice.number}
            </Table.Th>
            <Table.Td>{MONTH.format(new Date(invoice.periodStart))}</Table.Td>
            <Table.Td>{STATUS_WORDS[invoice.status]}</Table.Td>
            <Table.Td ta="right">{formatAmount(invoice.total, currency)}</Table.Td>
            <Table.Td ta="right">
              {invoice.pdfUrl === null ? (
                'None yet'
              ) : (
                <PdfButton path={invoice.pdfUrl} number={invoice.number} token={token} />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PdfButton({ path, number, token }: { path: string; number: string; token: string }) {
  const [state, setState] = useState<'idle' | 'busy' | { error: unknown }>('idle');
  const download = async () => {
    setState('busy');
    try {
      await downloadPdf(path, token, `invoice-${number}.pdf`);
      setState('idle');
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <>
      <Button
        variant="default"
        size="xs"
        aria-label={`Download ${number}`}
        loading={state === 'busy'}
        onClick={() => void download()}
      >
        Download
      </Button>
      {typeof state === 'object' && (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          {describeError(state.error).words} ({describeError(state.error).code})
        </Text>
      )}
    </>
  );
}
