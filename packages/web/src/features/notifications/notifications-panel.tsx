import '@mantine/core/styles/Drawer.css';
import { Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../app/errors.ts';
import { ButtonLink } from '../../components/links.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';
import { latestQuery, markAllRead, refreshNotifications } from './api.ts';
import { NotificationItem, useOpenNotification } from './notification-item.tsx';
import { useAction } from './use-action.ts';

/** The latest notifications beside the page, opened by the header's bell. */
export default function NotificationsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)');
  const latest = useQuery(latestQuery);
  const open = useOpenNotification(onClose);
  const readAll = useAction(markAllRead, {
    error: (error) => notifyError(t, error),
    settled: () => void refreshNotifications(queryClient),
  });
  const items = latest.data?.items ?? [];
  const anyUnread = items.some((n) => !n.readAt);

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 420}
      title={t('notifications.title')}
      padding="md"
    >
      <Stack gap="sm">
        <Group justify="flex-end" gap="xs">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => readAll.start(undefined)}
            loading={readAll.pending !== null}
            disabled={!anyUnread}
          >
            {t('notifications.markAll')}
          </Button>
        </Group>
        {latest.isPending ? (
          <PageLoader />
        ) : latest.isError ? (
          <LoadError error={latest.error} retry={() => latest.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            {t('notifications.none')}
          </Text>
        ) : (
          <ul className="plenum-notification-list" aria-label={t('notifications.latest')}>
            {items.map((n) => (
              <li key={n.id}>
                <NotificationItem notification={n} onOpen={open} />
              </li>
            ))}
          </ul>
        )}
        <Group justify="center">
          <ButtonLink to="/notifications" size="compact-sm" variant="subtle" onClick={onClose}>
            {t('notifications.all')}
          </ButtonLink>
        </Group>
      </Stack>
    </Drawer>
  );
}
