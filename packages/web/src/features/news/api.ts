import type {
  AnnouncementDraft,
  Language,
  Meeting,
  NewsItem,
  NewsListItem,
  NewsStatus,
} from '@plenum/shared';
import { queryOptions } from '@tanstack/react-query';
import { api, getAll } from '../../app/api.ts';

const enc = encodeURIComponent;

export const newsKey = (id: string) => ['news', id] as const;

export const newsQuery = (id: string) =>
  queryOptions({
    queryKey: newsKey(id),
    queryFn: () => api.get<NewsItem>(`/news/${enc(id)}`),
  });

/** Every meeting, for the meeting select and the list's meeting names (a commission has few). */
export const allMeetingsQuery = queryOptions({
  queryKey: ['meetings', 'list', 'all-for-news'],
  queryFn: () => getAll<Meeting>('/meetings'),
  staleTime: 5 * 60_000,
});

/** Publication steps: POST to /news/{id}/{step} with If-Match. */
export const publishNews = (item: NewsItem) =>
  api.post<NewsItem>(`/news/${enc(item.id)}/publish`, {}, item.version);
export const scheduleNews = (item: NewsItem, publishAt: string) =>
  api.post<NewsItem>(`/news/${enc(item.id)}/schedule`, { publishAt }, item.version);
export const unpublishNews = (item: NewsItem) =>
  api.post<NewsItem>(`/news/${enc(item.id)}/unpublish`, {}, item.version);

/** The generated announcement of a meeting (unsaved). */
export const generateAnnouncement = (meetingId: string, lang: Language) =>
  api.post<AnnouncementDraft>(`/meetings/${enc(meetingId)}/announcement?lang=${lang}`);

/** Saves the generated announcement as a draft news item. */
export const saveAnnouncement = (meetingId: string, lang: Language) =>
  api.post<NewsItem>(`/meetings/${enc(meetingId)}/announcement?lang=${lang}&save=true`);

/** Where the portal shows a published item. */
export const publicUrl = (lang: Language, slug: string) => `/${lang}/news/${enc(slug)}`;

/** Where the API serves a stored file (the server links files the body refers to this way). */
export const fileUrl = (sha256: string) => `/api/v1/files/${sha256}`;

/** Whether a scheduled item's time has come (the portal shows it already). */
export const isDue = (item: Pick<NewsListItem, 'status' | 'publishAt'>, now = Date.now()) =>
  item.status === 'scheduled' && !!item.publishAt && Date.parse(item.publishAt) <= now;

export const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

export type { NewsStatus };
