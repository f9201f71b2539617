import { Button, Group, Text } from '@mantine/core';
import { useCallback, useState } from 'react';

/**
 * The cursors of the pages a person came through: the API pages forwards only, so going back
 * is opening the previous page's cursor again.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (endCursor: string | null) => setCursors([...cursors, endCursor]),
    previous: () => setCursors(cursors.slice(0, -1)),
    // Stable, so a page can start over when its filter changes (an effect on the filter).
    reset: useCallback(() => setCursors([null]), []),
  };
}

/** "Page n" with Previous and Next buttons under a paged table. */
export function PageButtons({
  pages,
  hasNextPage,
  endCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  hasNextPage: boolean;
  endCursor: string | null;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="gray.7" role="status">
        Page {pages.page}
      </Text>
      <Group gap="sm">
        <Button variant="default" disabled={pages.page === 1} onClick={pages.previous}>
          Previous page
        </Button>
        <Button variant="default" disabled={!hasNextPage} onClick={() => pages.next(endCursor)}>
          Next page
        </Button>
      </Group>
    </Group>
  );
}
