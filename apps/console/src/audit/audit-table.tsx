import { Table, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import type { AuditLogQuery as AuditLogResult } from '../gql/graphql';
import { formatAmount } from '../money/money';
import { RouteLink } from '../routing/link';
import { AUDIT_KINDS, describeActor } from './audit-words';

export type AuditRecord = AuditLogResult['auditLog']['edges'][number]['node'];

const features = tableFeatures({});
const column = createColumnHelper<typeof features, AuditRecord>();
const WHEN = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

// Ids are long and unbroken: they wrap anywhere rather than widen the table past 1024 px.
const ID_STYLE = { overflowWrap: 'anywhere' } as const;

const columns = column.columns([
  column.accessor('createdAt', {
    header: 'When (UTC)',
    cell: (info) => WHEN.format(new Date(info.getValue())),
  }),
  column.accessor('kind', {
    header: 'Action',
    cell: ({ row }) => (
      <>
        <Text size="sm" fw={600}>
          {AUDIT_KINDS[row.original.kind]}
        </Text>
        <Text size="xs" ff="monospace" style={ID_STYLE}>
          {row.original.targetType} {row.original.targetId}
        </Text>
      </>
    ),
  }),
  column.accessor('actorId', {
    header: 'By',
    cell: ({ row }) => (
      <Text size="xs" ff="monospace" style={ID_STYLE}>
        {describeActor(row.original.actorType, row.original.actorId)}
      </Text>
    ),
  }),
  column.accessor('tenantId', {
    header: 'Tenant',
    cell: (info) => (
      <RouteLink
        to={{ page: 'tenant', tenantId: info.getValue() }}
        size="xs"
        ff="monospace"
        style={ID_STYLE}
      >
        {info.getValue()}
      </RouteLink>
    ),
  }),
  column.accessor('amount', {
    header: 'Amount',
    cell: ({ row }) =>
      row.original.amount === null || row.original.currency === null
        ? 'None'
        : formatAmount(row.original.amount, row.original.currency),
  }),
  column.accessor('reason', { header: 'Reason' }),
]);

/** Audit records as a table; the page around it fetches them a page at a time. */
export function AuditTable({ records, label }: { records: AuditRecord[]; label: string }) {
  const table = useTable({ features, columns, data: records, getRowId: (record) => record.id });
  return (
    <Table striped aria-label={label} layout="fixed">
      <Table.Thead>
        {table.getHeaderGroups().map((group) => (
          <Table.Tr key={group.id}>
            {group.headers.map((header) => (
              <Table.Th key={header.id} scope="col">
                <table.FlexRender header={header} />
              </Table.Th>
            ))}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {table.getRowModel().rows.map((row) => (
          <Table.Tr key={row.id} data-testid="audit-record">
            {row.getAllCells().map((cell) => (
              <Table.Td key={cell.id} fz="sm">
                <table.FlexRender cell={cell} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
