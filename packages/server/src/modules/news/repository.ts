import type { Language, LocalizedText, NewsItem, NewsListItem } from '@plenum/shared';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { NewsItemTable } from '../../db/tables/news.ts';
import type { Tx } from '../../platform/context.ts';
import { fileHref } from '../../platform/files.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { wherePubliclyVisible } from './access.ts';

export type NewsRow = Selectable<NewsItemTable>;
type NewsListRow = Omit<NewsRow, 'body' | 'bodyHtml' | 'searchText'>;

/** The list order: the public date, or the last change of an item that was never public. */
const sortKeySql = sql<string>`coalesce(news_items.published_at, news_items.publish_at, news_items.updated_at)`;

/** Languages of the interface in which the title or the body is missing. */
export function missingLanguages(title: LocalizedText, body: LocalizedText | null): Language[] {
  return (['en', 'ru'] as const).filter((lang) => !title[lang] || !body?.[lang]);
}

/**
 * What a reader sees of the status: a scheduled item whose time has come is published (the job
 * only catches the stored status up), with its scheduled time as the publication time.
 */
function effective(row: NewsListRow, now: string) {
  const due = row.status === 'scheduled' && row.publishAt !== null && row.publishAt <= now;
  return {
    status: (due ? 'published' : row.status) as NewsItem['status'],
    publishAt: due ? null : row.publishAt,
    publishedAt: due ? row.publishAt : row.publishedAt,
    publiclyVisible: due || row.status === 'published',
  };
}

export function mapNewsListItem(
  row: NewsListRow & { hasBody: Language[] },
  now: string,
): NewsListItem {
  const title = parseText(row.title);
  return {
    id: row.id,
    slug: row.slug,
    section: row.section as NewsItem['section'],
    title,
    summary: parseTextOrNull(row.summary),
    ...effective(row, now),
    missingLanguages: (['en', 'ru'] as const).filter(
      (lang) => !title[lang] || !row.hasBody.includes(lang),
    ),
    meetingId: row.meetingId,
    bodyId: row.bodyId,
    imageSha256: row.imageSha256,
    imageHref: row.imageSha256 ? fileHref(row.imageSha256) : null,
    imageAlt: parseTextOrNull(row.imageAlt),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The stored body, or null for '{}' (a draft without a body yet). */
export function parseBody(value: string): LocalizedText | null {
  const body = JSON.parse(value) as LocalizedText;
  return body.en === undefined && body.ru === undefined ? null : body;
}

export function mapNewsItem(row: NewsRow, now: string): NewsItem {
  const body = parseBody(row.body);
  const title = parseText(row.title);
  const { hasBody: _, ...item } = mapNewsListItem(
    { ...row, hasBody: (['en', 'ru'] as const).filter((l) => !!body?.[l]) },
    now,
  ) as NewsListItem & { hasBody?: unknown };
  return {
    ...item,
    missingLanguages: missingLanguages(title, body),
    body,
    bodyHtml: JSON.parse(row.bodyHtml) as NewsItem['bodyHtml'],
  };
}

/** An item by id; `publicOnly` leaves out what the public may not see (404 for them). */
export function findNewsItem(db: Tx, id: string, publicOnly: boolean, now: string) {
  let query = db.selectFrom('newsItems').selectAll().where('id', '=', id);
  if (publicOnly) {
    query = query.where(wherePubliclyVisible(now));
  }
  return query.executeTakeFirst();
}

export interface NewsFilters {
  section?: string;
  status?: string;
  meetingId?: string;
  /** A LIKE pattern over search_text. */
  q?: string;
  publicOnly: boolean;
}

/** A page of items (limit + 1 rows), newest public date first, then last change. */
export async function listNewsItems(
  db: Tx,
  f: NewsFilters,
  now: string,
  after: [string, string] | null,
  limit: number,
) {
  let query = db.selectFrom('newsItems').select([
    'id',
    'slug',
    'section',
    'title',
    'summary',
    'status',
    'publishAt',
    'publishedAt',
    'meetingId',
    'bodyId',
    'imageSha256',
    'imageAlt',
    'version',
    'createdAt',
    'updatedAt',
    'createdBy',
    sortKeySql.as('sortKey'),
    // Which languages have a body, without fetching the bodies themselves.
    sql<number>`case when body like '%"en":%' then 1 else 0 end`.as('bodyEn'),
    sql<number>`case when body like '%"ru":%' then 1 else 0 end`.as('bodyRu'),
  ]);
  if (f.publicOnly) {
    query = query.where(wherePubliclyVisible(now));
  }
  if (f.section) {
    query = query.where('section', '=', f.section);
  }
  if (f.meetingId) {
    query = query.where('meetingId', '=', f.meetingId);
  }
  if (f.status === 'published') {
    query = query.where(wherePubliclyVisible(now));
  } else if (f.status === 'scheduled') {
    query = query.where('status', '=', 'scheduled').where('publishAt', '>', now);
  } else if (f.status === 'draft') {
    query = query.where('status', '=', 'draft');
  }
  if (f.q) {
    query = query.where(sql<boolean>`search_text like ${f.q} escape '\\'`);
  }
  if (after) {
    const [key, id] = after;
    query = query.where((eb) =>
      eb.or([eb(sortKeySql, '<', key), eb.and([eb(sortKeySql, '=', key), eb('id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy(sortKeySql, 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return rows.map((r) => ({
    ...r,
    hasBody: [...(r.bodyEn ? ['en' as const] : []), ...(r.bodyRu ? ['ru' as const] : [])],
  }));
}

/** Slugs equal to `base` or `base-…`, to pick the first free suffix from. */
export async function slugsLike(db: Tx, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('newsItems')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export const insertNewsItem = (db: Tx, row: Insertable<NewsItemTable>) =>
  db.insertInto('newsItems').values(row).execute();

/** Updates an item at the version it was read; 0 when someone changed it meanwhile. */
export async function updateNewsItem(
  db: Tx,
  id: string,
  version: number,
  values: Updateable<NewsItemTable>,
): Promise<number> {
  const result = await db
    .updateTable('newsItems')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteNewsItem(db: Tx, id: string, version: number): Promise<number> {
  const result = await db
    .deleteFrom('newsItems')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Scheduled items whose time has come (the job flips them). */
export const dueScheduledIds = async (db: Tx, now: string, limit: number) =>
  (
    await db
      .selectFrom('newsItems')
      .select('id')
      .where('status', '=', 'scheduled')
      .where('publishAt', '<=', now)
      .orderBy('publishAt')
      .limit(limit)
      .execute()
  ).map((r) => r.id);

/**
 * Flips one due scheduled item to published, its publication time being its scheduled time.
 * Conditional on the item still being scheduled and due, so of several instances running the
 * job at once exactly one flips it; returns whether this call did.
 */
export async function claimDueItem(db: Tx, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('newsItems')
    .set((eb) => ({
      status: 'published',
      publishedAt: eb.ref('publishAt'),
      publishAt: null,
      version: eb('version', '+', 1),
      updatedAt: now,
    }))
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('publishAt', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- References ------------------------------------------------------------------------------

export const findMeetingBody = (db: Tx, id: string) =>
  db.selectFrom('meetings').select(['id', 'bodyId']).where('id', '=', id).executeTakeFirst();

export async function bodyExists(db: Tx, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('bodies').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  );
}

export const findFiles = (db: Tx, sha256s: string[]) =>
  sha256s.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('files')
        .select(['sha256', 'mediaType'])
        .where('sha256', 'in', sha256s)
        .execute();

/** The files linked to an item. */
export const linkedFiles = async (db: Tx, newsId: string) =>
  (
    await db
      .selectFrom('fileLinks')
      .select('sha256')
      .where('ownerType', '=', 'news')
      .where('ownerId', '=', newsId)
      .execute()
  ).map((r) => r.sha256);

export async function unlinkFile(db: Tx, newsId: string, sha256: string): Promise<void> {
  await db
    .deleteFrom('fileLinks')
    .where('ownerType', '=', 'news')
    .where('ownerId', '=', newsId)
    .where('sha256', '=', sha256)
    .execute();
}
