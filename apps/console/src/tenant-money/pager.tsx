import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * Pages walked by the API's cursors: the cursor of each page come through is kept, so Previous
 * goes back without the API having to page backwards.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    previous: cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : null,
    next: (endCursor: string | null) => setCursors([...cursors, endCursor]),
  };
}

export function Pager({
  label,
  pages,
  pageInfo,
}: {
  label: string;
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="gray.7" role="status">
        Page {pages.page}
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          aria-label={`Previous page of ${label}`}
          disabled={pages.previous === null}
          onClick={() => pages.previous?.()}
        >
          Previous page
        </Button>
        <Button
          variant="default"
          aria-label={`Next page of ${label}`}
          disabled={!pageInfo.hasNextPage}
          onClick={() => pages.next(pageInfo.endCursor)}
        >
          Next page
        </Button>
      </Group>
    </Group>
  );
}
