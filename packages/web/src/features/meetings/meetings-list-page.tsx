import { Button, Group, Text } from '@mantine/core';
import { MEETING_STATUSES, type Meeting } from '@plenum/shared';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { BodyFilter } from '../../components/body-filter.tsx';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { MeetingRows } from './meeting-rows.tsx';

export function MeetingsListPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/meetings' });
  const navigate = useNavigate({ from: '/meetings' });
  const when = search.when ?? 'upcoming';
  const list = useCursorList<Meeting>(['meetings'], '/meetings', {
    when,
    bodyId: search.bodyId,
    status: search.status,
  });
  const statuses = search.status ? search.status.split(',') : [];

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        actions={
          canWrite(me?.user) && (
            <ButtonLink to="/meetings/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('meetings.new')}
            </ButtonLink>
          )
        }
      />
      {/* Upcoming and past are two addresses of the list: links, marked as the current one. */}
      <Group component="nav" aria-label={t('meetings.when')} gap={4} mb="md">
        {(['upcoming', 'past'] as const).map((value) => (
          <ButtonLink
            key={value}
            to="/meetings"
            search={(s) => ({ ...s, when: value === 'past' ? 'past' : undefined })}
            variant={when === value ? 'light' : 'subtle'}
            color={when === value ? 'indigo' : 'gray'}
            aria-current={when === value ? 'page' : undefined}
          >
            {t(`meetings.${value}`)}
          </ButtonLink>
        ))}
      </Group>
      <Group mb="md" gap="lg" align="flex-end">
        <div style={{ flex: '1 1 16rem', maxWidth: 420, minWidth: 0 }}>
          <BodyFilter
            label={t('meetings.body')}
            value={search.bodyId}
            onChange={(bodyId) => navigate({ search: (s) => ({ ...s, bodyId }) })}
          />
        </div>
        <div style={{ flex: '2 1 20rem', minWidth: 0 }}>
          <Text size="sm" fw={500} id="status-filter-label" mb={4}>
            {t('meetings.status')}
          </Text>
          <Group gap={6} role="group" aria-labelledby="status-filter-label">
            {MEETING_STATUSES.map((status) => {
              const on = statuses.includes(status);
              return (
                <Button
                  key={status}
                  size="compact-sm"
                  radius="xl"
                  variant={on ? 'filled' : 'default'}
                  aria-pressed={on}
                  onClick={() => {
                    const next = on ? statuses.filter((x) => x !== status) : [...statuses, status];
                    void navigate({
                      search: (s) => ({ ...s, status: next.length ? next.join(',') : undefined }),
                    });
                  }}
                >
                  {t(`enums.meetingStatus.${status}`)}
                </Button>
              );
            })}
          </Group>
        </div>
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : (
        <>
          <MeetingRows
            meetings={list.items}
            empty={when === 'past' ? t('meetings.nonePast') : t('meetings.noneUpcoming')}
          />
          <LoadMore {...list} />
        </>
      )}
    </>
  );
}
