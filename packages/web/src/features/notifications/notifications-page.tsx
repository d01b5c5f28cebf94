import { Button, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { MAIL_PREFERENCES, type MailPreference, type Notification } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import {
  markAllRead,
  NOTIFICATIONS,
  preferencesQuery,
  putMailPreference,
  refreshNotifications,
  unreadQuery,
} from './api.ts';
import { NotificationItem, useOpenNotification } from './notification-item.tsx';
import { useAction } from './use-action.ts';

/** How the user receives mail of its notifications (sent back with the version read: If-Match). */
function MailPreferenceForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const prefs = useQuery(preferencesQuery);
  const phone = useMediaQuery('(max-width: 48em)');
  const save = useAction(
    (mail: MailPreference) => putMailPreference(mail, prefs.data?.version ?? 0),
    {
      success: (data) => {
        queryClient.setQueryData(preferencesQuery.queryKey, data);
        notifySaved(t);
      },
      error: (error) => handle(error, { reload: () => prefs.refetch() }),
    },
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mail-preference-title">
      <Title order={2} fz="h4" id="mail-preference-title" mb={4}>
        {t('notifications.mailTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('notifications.mailHint')}
      </Text>
      {prefs.isPending ? (
        <PageLoader />
      ) : prefs.isError ? (
        <LoadError error={prefs.error} retry={() => prefs.refetch()} />
      ) : (
        <SegmentedControl
          aria-label={t('notifications.mailTitle')}
          value={save.pending?.value ?? prefs.data.mail}
          onChange={(value) => save.start(value as MailPreference)}
          disabled={save.pending !== null}
          data={MAIL_PREFERENCES.map((m) => ({ value: m, label: t(`notifications.mail.${m}`) }))}
          orientation={phone ? 'vertical' : 'horizontal'}
          fullWidth={phone}
        />
      )}
    </Paper>
  );
}

/** Every notification of the user, newest first, with an unread filter and the mail preference. */
export function NotificationsPage(): JSX.Element {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/notifications' });
  const navigate = useNavigate({ from: '/notifications' });
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const unreadOnly = search.unread === 'true';
  const list = useCursorList<Notification>(
    [NOTIFICATIONS],
    '/notifications',
    unreadOnly ? { unread: 'true' } : {},
  );
  const unread = useQuery(unreadQuery).data?.count ?? 0;
  const open = useOpenNotification();
  const readAll = useAction(markAllRead, {
    success: (r) => notifySaved(t, t('notifications.marked', { n: r.marked })),
    error: (error) => handle(error),
    settled: () => void refreshNotifications(queryClient),
  });

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        actions={
          <Button
            variant="light"
            onClick={() => readAll.start(undefined)}
            loading={readAll.pending !== null}
            disabled={unread === 0}
          >
            {t('notifications.markAll')}
          </Button>
        }
      />
      <Stack gap="lg">
        <SegmentedControl
          aria-label={t('notifications.filter')}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) =>
            navigate({ search: { unread: v === 'unread' ? 'true' : undefined }, replace: true })
          }
          data={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: t('notifications.filterUnread', { n: unread }) },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <LoadError error={list.error} retry={() => list.refetch()} />
        ) : list.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg" role="status">
            {unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}
          </Text>
        ) : (
          <div>
            <Paper withBorder p={4}>
              <ul className="plenum-notification-list" aria-label={t('notifications.title')}>
                {list.items.map((n) => (
                  <li key={n.id}>
                    <NotificationItem notification={n} onOpen={open} />
                  </li>
                ))}
              </ul>
            </Paper>
            <LoadMore
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              fetchNextPage={list.fetchNextPage}
            />
          </div>
        )}
        <MailPreferenceForm />
      </Stack>
    </>
  );
}
