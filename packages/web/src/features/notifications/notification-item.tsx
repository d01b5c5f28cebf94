import { Text, UnstyledButton } from '@mantine/core';
import type { Notification } from '@plenum/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../app/errors.ts';
import { useFormat } from '../../app/format.ts';
import { markRead, refreshNotifications, routerPath, unreadQuery } from './api.ts';
import './notifications.css';
import { useRelativeTime } from './relative-time.ts';

/** Opening a notification marks it read (in the background) and goes to what it is about. */
export function useOpenNotification(onOpen?: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (n: Notification) => {
    if (!n.readAt) {
      // The bell drops at once; the server's answer then refreshes count and lists.
      queryClient.setQueryData(unreadQuery.queryKey, (old) =>
        old ? { count: Math.max(old.count - 1, 0) } : old,
      );
      markRead(n.id)
        .catch((error: unknown) => notifyError(t, error))
        .finally(() => void refreshNotifications(queryClient));
    }
    onOpen?.();
    void navigate({ href: routerPath(n.link) });
  };
}

/** One notification: unread marker, title, body and how long ago. */
export function NotificationItem({
  notification: n,
  onOpen,
}: {
  notification: Notification;
  onOpen: (n: Notification) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ago = useRelativeTime();
  const unread = !n.readAt;
  return (
    <UnstyledButton
      className="plenum-notification"
      data-unread={unread || undefined}
      onClick={() => onOpen(n)}
      w="100%"
    >
      <span className="plenum-notification-dot" aria-hidden />
      <span style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={unread ? 700 : 500} component="span" display="block">
          {unread && <span className="plenum-visually-hidden">{t('notifications.unread')}: </span>}
          {n.title}
        </Text>
        <Text size="sm" c="dimmed" component="span" display="block" lineClamp={3}>
          {n.body}
        </Text>
        <Text
          size="xs"
          c="dimmed"
          component="time"
          dateTime={n.createdAt}
          title={format.dateTime(n.createdAt)}
        >
          {ago(n.createdAt)}
        </Text>
      </span>
    </UnstyledButton>
  );
}
