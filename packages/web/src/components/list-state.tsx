import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadMore } from './cursor-list.tsx';
import { LoadError, PageLoader } from './page.tsx';

/** What a cursor list (useCursorList) shows: loading, its error, its empty text, or its rows. */
export function ListState({
  list,
  empty,
  children,
}: {
  list: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    items: readonly unknown[];
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
  };
  /** Shown when the list has no rows (e.g. nothing matches the filters). */
  empty: string;
  /** The rows; "Show more" follows them while there are further pages. */
  children: ReactNode;
}) {
  if (list.isPending) {
    return <PageLoader />;
  }
  if (list.isError) {
    return <LoadError error={list.error} retry={() => list.refetch()} />;
  }
  if (list.items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {empty}
      </Text>
    );
  }
  return (
    <>
      {children}
      <LoadMore {...list} />
    </>
  );
}
