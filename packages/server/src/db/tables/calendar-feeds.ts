/** Personal calendar feeds (migration 0015). */

export interface CalendarFeedTable {
  /** One feed per user: creating a new one replaces (rotates) the old. */
  userId: string;
  /** SHA-256 of the secret in the feed's URL; the secret itself is never stored. */
  secretHash: string;
  createdAt: string;
  /** When a calendar last fetched the feed, written at most once an hour. */
  lastUsedAt: string | null;
}

export interface CalendarFeedTables {
  calendarFeeds: CalendarFeedTable;
}
