import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * The one rule of who sees a news item (DESIGN §3 "published news"): a published item, or a
 * scheduled one whose time has come. The second half makes a scheduled item public exactly at
 * its time, before the scheduled-publishing job flips its status and after any restart.
 *
 * Use it in `.where(wherePubliclyVisible(now))` on a query over `news_items` (alias-free).
 */
export function wherePubliclyVisible(now: string) {
  return (eb: ExpressionBuilder<Database, 'newsItems'>) =>
    eb.or([
      eb('newsItems.status', '=', 'published'),
      eb.and([eb('newsItems.status', '=', 'scheduled'), eb('newsItems.publishAt', '<=', now)]),
    ]);
}

/**
 * The public date of a visible item: when it became public, or its scheduled time when the job
 * has not flipped it yet. Order public lists by `publicDateSql` (newest first) so they agree.
 */
export function publicDate(row: {
  publishedAt: string | null;
  publishAt: string | null;
}): string | null {
  return row.publishedAt ?? row.publishAt;
}

/** `coalesce(published_at, publish_at)`: the expression the public-listing indexes cover. */
export const publicDateSql: RawBuilder<string | null> = sql<
  string | null
>`coalesce(news_items.published_at, news_items.publish_at)`;

/** The same rule for a row already read (the search index decides an entry's audience by it). */
export function isPubliclyVisible(
  row: { status: string; publishAt: string | null },
  now: string,
): boolean {
  return (
    row.status === 'published' ||
    (row.status === 'scheduled' && row.publishAt !== null && row.publishAt <= now)
  );
}
