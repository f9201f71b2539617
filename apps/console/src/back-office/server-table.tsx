import { Table } from '@mantine/core';
import {
  flexRender,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
} from '@tanstack/react-table';

/** The back office's tables page on the server: a table holds one page, as the API sent it. */
const features = tableFeatures({});

export type PageColumn<Row extends RowData> = ColumnDef<typeof features, Row> & {
  /** Amounts line up on the right. */
  readonly numeric?: boolean;
};

interface Props<Row extends RowData> {
  readonly label: string;
  readonly columns: readonly PageColumn<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
}

/** One page of rows through TanStack Table, drawn as a Mantine table with column headers. */
export function PageTable<Row extends RowData>({ label, columns, rows, rowKey }: Props<Row>) {
  const table = useTable({
    features,
    columns: columns,
    data: rows,
    getRowId: rowKey,
  });
  const numeric = (column: { columnDef: unknown }) =>
    (column.columnDef as PageColumn<Row>).numeric ? 'right' : undefined;
  return (
    <Table aria-label={label} striped highlightOnHover>
      <Table.Thead>
        {table.getHeaderGroups().map((group) => (
          <Table.Tr key={group.id}>
            {group.headers.map((header) => (
              <Table.Th key={header.id} scope="col" ta={numeric(header.column)}>
                {flexRender(header.column.columnDef.header, header.getContext())}
              </Table.Th>
            ))}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {table.getRowModel().rows.map((row) => (
          <Table.Tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <Table.Td key={cell.id} ta={numeric(cell.column)}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
