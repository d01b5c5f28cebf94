import { z } from 'zod';
import { ZIsoDateTime } from './common.ts';

/**
 * A user's personal calendar feed: a secret iCalendar URL with the meetings, due dates and
 * consultation deadlines the user may see. Only a hash of the secret is stored, so the URL is
 * shown once, when the feed is created or rotated.
 */
export const ZCalendarFeed = z.object({
  exists: z.boolean().describe('Whether the user has a feed URL that works now'),
  createdAt: ZIsoDateTime.nullable().describe('When the current URL was issued'),
  lastUsedAt: ZIsoDateTime.nullable().describe('When a calendar last fetched it (to the hour)'),
});
export type CalendarFeed = z.infer<typeof ZCalendarFeed>;

export const ZCalendarFeedCreated = z.object({
  url: z.string().describe('The secret feed URL, shown this once; subscribe to it in a calendar'),
  createdAt: ZIsoDateTime,
});
export type CalendarFeedCreated = z.infer<typeof ZCalendarFeedCreated>;
