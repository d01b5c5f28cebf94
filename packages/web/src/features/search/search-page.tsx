import { Alert, Stack, Tabs, Text } from '@mantine/core';
import type { SearchType } from '@plenum/shared';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { LoadMore } from '../../components/cursor-list.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import {
  facetCount,
  fetchSearch,
  formatFacet,
  isSearchType,
  QUERY_MAX,
  routerPath,
  searchKey,
  TYPES,
} from './api.ts';
import { HitView } from './hit.tsx';

const LIMIT = 20;

/** Every hit of a query, by type, page by page (`/search?q=…&type=…`). */
export function SearchPage(): JSX.Element {
  const { t, i18n } = useTranslation();
  const search = useSearch({ from: '/app/search' });
  const navigate = useNavigate({ from: '/search' });
  const q = (search.q ?? '').trim().slice(0, QUERY_MAX);
  const type = isSearchType(search.type) ? search.type : undefined;
  const params = { q, type, lang: i18n.language, limit: LIMIT };
  const result = useInfiniteQuery({
    queryKey: [...searchKey(params), 'pages'],
    queryFn: ({ pageParam, signal }) => fetchSearch({ ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
  const pages = result.data?.pages ?? [];
  const hits = q ? pages.flatMap((p) => p.items) : [];
  const first = pages[0];
  const count = (type?: SearchType) =>
    first ? formatFacet(facetCount(first, type), i18n.language) : undefined;
  const label = (text: string, n: string | undefined) =>
    n === undefined ? text : `${text} (${n})`;

  const results = !q ? (
    <Text c="dimmed">{t('search.pageHint')}</Text>
  ) : result.isPending ? (
    <PageLoader />
  ) : result.isError ? (
    isApiError(result.error) && result.error.status === 422 ? (
      <Alert color="orange">{t('search.invalid', { max: QUERY_MAX })}</Alert>
    ) : (
      <LoadError error={result.error} retry={() => result.refetch()} />
    )
  ) : hits.length === 0 ? (
    <Text c="dimmed" role="status">
      {t('search.none', { q })}
    </Text>
  ) : (
    <>
      <ul className="plenum-results" aria-label={t('search.results')}>
        {hits.map((hit) => (
          <li key={`${hit.type}-${hit.id}`}>
            <a
              href={hit.url}
              onClick={(e) => {
                if (!e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0) {
                  e.preventDefault();
                  void navigate({ href: routerPath(hit.url) });
                }
              }}
            >
              <HitView hit={hit} />
            </a>
          </li>
        ))}
      </ul>
      <LoadMore
        hasNextPage={result.hasNextPage}
        isFetchingNextPage={result.isFetchingNextPage}
        fetchNextPage={result.fetchNextPage}
      />
    </>
  );

  return (
    <>
      <PageHeader title={t('search.pageTitle')} />
      <Stack gap="md">
        <SearchInput
          value={search.q}
          onSearch={(value) =>
            navigate({ search: (s) => ({ ...s, q: value?.slice(0, QUERY_MAX) }), replace: true })
          }
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          maxLength={QUERY_MAX}
          maw={560}
          autoFocus={!search.q}
        />
        <Tabs
          value={type ?? 'all'}
          onChange={(value) =>
            navigate({
              search: (s) => ({ ...s, type: value && value !== 'all' ? value : undefined }),
              replace: true,
            })
          }
          keepMounted={false}
        >
          <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
            <Tabs.Tab value="all">{label(t('search.allTypes'), count())}</Tabs.Tab>
            {TYPES.map((k) => (
              <Tabs.Tab key={k} value={k} style={{ whiteSpace: 'nowrap' }}>
                {label(t(`search.types.${k}`), count(k))}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value={type ?? 'all'} pt="md">
            {results}
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
