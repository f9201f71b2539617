import { Stack, Text, Title } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { CursorPager, useCursorPages } from '../layout/cursor-pages';
import { LoadError, Loading } from '../layout/states';
import { ReconciliationRunsQuery } from './back-office.queries';
import { ReconciliationRunCard } from './reconciliation-run';

const PAGE_SIZE = 10;

/**
 * Reconciliation runs, newest first: what each checked, the mismatches it found and the
 * corrections it posted. Older runs page by the start time of the last one shown.
 */
export function ReconciliationPage({ token }: { token: string }) {
  const pages = useCursorPages();
  const runs = useOperation(
    ReconciliationRunsQuery,
    { first: PAGE_SIZE, before: pages.after },
    token,
  );
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Reconciliation</Title>
        <Text mt={4}>
          Each run re-reads the hours it covers: it refills missing samples, compares the metering
          sources, checks the ledger, and posts a correction where a charge was wrong.
        </Text>
      </div>
      {runs.isPending ? (
        <Loading what="reconciliation runs" />
      ) : runs.isError ? (
        <LoadError
          what="reconciliation runs"
          error={runs.error}
          onRetry={() => void runs.refetch()}
        />
      ) : runs.data.reconciliationReports.length === 0 ? (
        <Text role="status">
          {pages.page === 1 ? 'No reconciliation has run yet.' : 'No older runs.'}
        </Text>
      ) : (
        <>
          {runs.data.reconciliationReports.map((run) => (
            <ReconciliationRunCard key={run.id} run={run} />
          ))}
          <CursorPager
            pages={pages}
            pageInfo={{
              // A full page may have older runs after it; the API pages runs by start time.
              hasNextPage: runs.data.reconciliationReports.length === PAGE_SIZE,
              endCursor: runs.data.reconciliationReports.at(-1)?.startedAt ?? null,
            }}
          />
        </>
      )}
    </Stack>
  );
}
