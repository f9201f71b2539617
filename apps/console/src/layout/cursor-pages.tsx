import { Button, Group, Text } from '@mantine/core';
import { useMemo, useState } from 'react';

/** Where a cursor-paged list is: the cursor each page it came through was opened with. */
export interface CursorPages {
  /** The cursor of the page shown (null: the first). */
  readonly after: string | null;
  /** 1 for the first page. */
  readonly page: number;
  readonly next: (endCursor: string | null) => void;
  readonly previous: () => void;
  /** Back to the first page (a new filter, another page size). */
  readonly reset: () => void;
}

/**
 * The API pages with cursors, forward only: a list keeps the cursors it came through, so
 * going back opens the page it saw before.
 */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const moves = useMemo(
    () => ({
      next: (endCursor: string | null) => setCursors((opened) => [...opened, endCursor]),
      previous: () => setCursors((opened) => (opened.length > 1 ? opened.slice(0, -1) : opened)),
      reset: () => setCursors([null]),
    }),
    [],
  );
  return { after: cursors[cursors.length - 1], page: cursors.length, ...moves };
}

/** The page number in words and the two buttons under a cursor-paged table. */
export function CursorPager({
  pages,
  pageInfo,
  words = `Page ${pages.page}`,
  labels = ['Previous page', 'Next page'],
}: {
  pages: CursorPages;
  pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
  words?: string;
  labels?: readonly [string, string];
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="gray.7" role="status">
        {words}
      </Text>
      <Group gap="sm">
        <Button variant="default" disabled={pages.page === 1} onClick={pages.previous}>
          {labels[0]}
        </Button>
        <Button
          variant="default"
          disabled={!pageInfo.hasNextPage}
          onClick={() => pages.next(pageInfo.endCursor ?? null)}
        >
          {labels[1]}
        </Button>
      </Group>
    </Group>
  );
}
