import { Button, Center } from '@mantine/core';
import type { Page } from '@plenum/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../app/api.ts';

/** A cursor-paginated list (`{items, nextCursor}`), read page by page with "Show more". */
export function useCursorList<T>(
  key: readonly unknown[],
  path: string,
  query: Query = {},
  enabled = true,
) {
  const result = useInfiniteQuery({
    enabled,
    queryKey: [...key, 'list', query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { ...query, limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}

export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  const { t } = useTranslation();
  if (!hasNextPage) {
    return null;
  }
  return (
    <Center mt="md">
      <Button variant="default" loading={isFetchingNextPage} onClick={() => fetchNextPage()}>
        {t('common.showMore')}
      </Button>
    </Center>
  );
}
