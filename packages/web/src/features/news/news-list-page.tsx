import { Group, Paper, Text } from '@mantine/core';
import { NEWS_SECTIONS, NEWS_STATUSES, type NewsListItem } from '@plenum/shared';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type JSX, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { NativeFilter } from '../documents/native-filter.tsx';
import { allMeetingsQuery } from './api.ts';
import { MissingFlags, NewsStatusBadge } from './labels.tsx';
import { NewsStyles } from './styles.tsx';

/** News items of the portal, newest first: filters by section and status, search, pages of 50. */
export function NewsListPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/news' });
  const navigate = useNavigate({ from: '/news' });
  const set = (patch: Partial<typeof search>) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const list = useCursorList<NewsListItem>(['news'], '/news', {
    section: search.section,
    status: search.status,
    q: search.q,
  });
  const meetings = useQuery(allMeetingsQuery);
  const meetingsById = useMemo(
    () => new Map((meetings.data ?? []).map((m) => [m.id, m])),
    [meetings.data],
  );

  return (
    <>
      <NewsStyles />
      <PageHeader
        title={t('news.title')}
        actions={
          canWrite(me?.user) && (
            <ButtonLink to="/news/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('news.new')}
            </ButtonLink>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('news.searchHint')}
          value={search.q}
          onSearch={(q) => set({ q })}
          mb="sm"
        />
        <div
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-sm)',
            gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
          }}
        >
          <NativeFilter
            label={t('news.sectionLabel')}
            value={search.section}
            onChange={(section) => set({ section })}
            options={NEWS_SECTIONS.map((s) => ({ value: s, label: t(`news.section.${s}`) }))}
          />
          <NativeFilter
            label={t('news.statusLabel')}
            value={search.status}
            onChange={(status) => set({ status })}
            options={NEWS_STATUSES.map((s) => ({ value: s, label: t(`news.status.${s}`) }))}
          />
        </div>
      </Paper>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : list.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('common.noResults')}
        </Text>
      ) : (
        <>
          <Paper withBorder component="ul" className="plenum-rows" aria-label={t('news.title')}>
            {list.items.map((n) => {
              const meeting = n.meetingId ? meetingsById.get(n.meetingId) : undefined;
              return (
                <li key={n.id} className="plenum-row plenum-news-row">
                  <div className="plenum-row-main">
                    <Group gap={6} wrap="wrap" align="center">
                      <AnchorLink to="/news/$newsId" params={{ newsId: n.id }} fw={600}>
                        <LText value={n.title} />
                      </AnchorLink>
                      <MissingFlags languages={n.missingLanguages} />
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t(`news.section.${n.section}`)}
                      {' · '}
                      {meeting ? (
                        <AnchorLink
                          to="/meetings/$meetingId"
                          params={{ meetingId: meeting.id }}
                          size="sm"
                        >
                          <LText value={meeting.name} />
                        </AnchorLink>
                      ) : n.meetingId ? (
                        '…'
                      ) : (
                        t('news.noMeeting')
                      )}
                    </Text>
                  </div>
                  <Group className="plenum-row-status" gap={6}>
                    <NewsStatusBadge item={n} />
                  </Group>
                </li>
              );
            })}
          </Paper>
          <LoadMore {...list} />
        </>
      )}
    </>
  );
}
