import { ActionIcon } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import './bell.css';

/**
 * The unread count, polled every minute and when the window regains focus. The lazy parts use the
 * same key (UNREAD_KEY in api.ts) rather than importing this module, which would split it into a
 * chunk of its own with its own preload list (about 1 KB more in the first page).
 */
const unreadCountQuery = queryOptions({
  queryKey: ['notifications', 'unread-count'],
  queryFn: ({ signal }) => api.get<{ count: number }>('/notifications/unread-count', {}, signal),
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
  staleTime: 0,
});

// The panel and its strings load on first open: only the bell is in the first page (DESIGN §6).
const NotificationsPanel = lazy(() =>
  Promise.all([
    import('./notifications-panel.tsx'),
    import('../../app/page-strings.ts').then((m) => m.loadPageStrings()),
  ]).then(([m]) => m),
);

/** The header's bell with the number of unread notifications; opens the latest ones. */
export function Bell() {
  const { t } = useTranslation();
  const count = useQuery(unreadCountQuery).data?.count ?? 0;
  const [opened, setOpened] = useState(false);
  const label = count ? t('notifications.bellUnread', { n: count }) : t('notifications.bell');
  return (
    <>
      <ActionIcon
        variant="default"
        size="lg"
        // The count sits over the corner; ActionIcon would clip it.
        style={{ overflow: 'visible' }}
        onClick={() => setOpened(true)}
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
      >
        <IconBell size={18} aria-hidden />
        {count > 0 && (
          <span className="plenum-bell-count" aria-hidden>
            {count > 99 ? '99+' : count}
          </span>
        )}
      </ActionIcon>
      {opened && (
        <Suspense fallback={null}>
          <NotificationsPanel onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
