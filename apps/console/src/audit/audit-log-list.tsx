import { Text } from '@mantine/core';
import { useEffect } from 'react';
import { useOperation } from '../api/use-operation';
import { CursorPager, useCursorPages } from '../layout/cursor-pages';
import { LoadError, Loading } from '../layout/states';
import type { AuditLogFilter } from '../routing/route';
import { AuditTable } from './audit-table';
import { isAuditKind } from './audit-words';
import { AuditLogQuery } from './audit.queries';

interface Props {
  readonly filter: AuditLogFilter;
  readonly pageSize: number;
  readonly token: string;
  /** The table's accessible name. */
  readonly label: string;
  /** What the log holds when a page is empty, in words. */
  readonly emptyWords: string;
}

/**
 * The audit log a page at a time: the API pages with cursors, newest first, so the list keeps
 * the cursor each page was opened with to go back; a new filter starts at the newest again.
 */
export function AuditLogList({ filter, pageSize, token, label, emptyWords }: Props) {
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(reset, [reset, filter.actorId, filter.tenantId, filter.kind, pageSize]);
  const log = useOperation(
    AuditLogQuery,
    {
      actorId: filter.actorId === '' ? null : filter.actorId,
      tenantId: filter.tenantId === '' ? null : filter.tenantId,
      kind: isAuditKind(filter.kind) ? filter.kind : null,
      first: pageSize,
      after: pages.after,
    },
    token,
  );
  if (log.isPending) return <Loading what="the audit log" />;
  if (log.isError) {
    return <LoadError what="the audit log" error={log.error} onRetry={() => void log.refetch()} />;
  }
  const { edges, pageInfo } = log.data.auditLog;
  if (edges.length === 0 && pages.page === 1) return <Text role="status">{emptyWords}</Text>;
  return (
    <>
      <AuditTable records={edges.map((edge) => edge.node)} label={label} />
      <CursorPager
        pages={pages}
        pageInfo={pageInfo}
        words={`Page ${pages.page}, newest first`}
        labels={['Newer', 'Older']}
      />
    </>
  );
}
