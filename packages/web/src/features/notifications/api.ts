import type { MailPreference, Notification, NotificationPreferences, Page } from '@plenum/shared';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** Everything of the notifications area shares this first key: one invalidation refreshes all. */
export const NOTIFICATIONS = 'notifications';

/** The unread count's key; the bell (first page) polls it (bell.tsx, same key). */
export const UNREAD_KEY = [NOTIFICATIONS, 'unread-count'];

/** The unread count, for the parts that load later (the bell holds its own copy of this). */
export const unreadQuery = queryOptions({
  queryKey: UNREAD_KEY,
  queryFn: ({ signal }) => api.get<{ count: number }>('/notifications/unread-count', {}, signal),
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
  staleTime: 0,
});

/** The latest notifications, for the bell's panel. */
export const latestQuery = queryOptions({
  queryKey: [NOTIFICATIONS, 'latest'],
  queryFn: ({ signal }) => api.get<Page<Notification>>('/notifications', { limit: 10 }, signal),
  staleTime: 0,
});

export const preferencesQuery = queryOptions({
  queryKey: [NOTIFICATIONS, 'preferences'],
  queryFn: ({ signal }) =>
    api.get<NotificationPreferences>('/notifications/preferences', {}, signal),
});

export const markRead = (id: string) => api.post<Notification>(`/notifications/${id}/read`);
export const markAllRead = () => api.post<{ marked: number }>('/notifications/read-all');
export const putMailPreference = (mail: MailPreference, version: number) =>
  api.put<NotificationPreferences>('/notifications/preferences', { mail }, version);

/** After a change: the count, the panel and the page read again. */
export const refreshNotifications = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS] });

/** A notification's workspace link ("/app/decisions/…") as a path of the router (basepath /app). */
export const routerPath = (link: string): string => link.replace(/^\/app(?=\/|$)/, '') || '/';
