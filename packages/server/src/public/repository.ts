import {
  type LocalizedText,
  type Location,
  PUBLIC_MEETING_STATUSES,
  toRoman,
} from '@plenum/shared';
import type { Db } from '../db/dialect.ts';
import { meetingName } from '../modules/meetings/repository.ts';
import { publicDate, publicDateSql, wherePubliclyVisible } from '../modules/news/access.ts';
import { parseText, parseTextOrNull } from '../platform/text.ts';

/**
 * The portal's reads. Every query carries the public filter itself (DESIGN §3): news through
 * `wherePubliclyVisible`, meetings by PUBLIC_MEETING_STATUSES, agenda items by their `public`
 * flag; nothing else is fetched, so nothing else can be rendered.
 */

export const NEWS_SECTIONS = ['news', 'announcements', 'press_releases'] as const;
export type NewsSection = (typeof NEWS_SECTIONS)[number];

const PUBLIC_STATUSES = [...PUBLIC_MEETING_STATUSES];

// ---- News ------------------------------------------------------------------------------------

export interface NewsSummary {
  id: string;
  slug: string;
  section: NewsSection;
  title: LocalizedText;
  summary: LocalizedText | null;
  date: string;
  updatedAt: string;
  imageSha256: string | null;
  imageAlt: LocalizedText | null;
}

export interface NewsArticle extends NewsSummary {
  bodyHtml: Partial<Record<'en' | 'ru', string>>;
  createdAt: string;
  body: { slug: string; name: LocalizedText } | null;
  meeting: { id: string; name: LocalizedText } | null;
}

const summaryColumns = [
  'newsItems.id',
  'newsItems.slug',
  'newsItems.section',
  'newsItems.title',
  'newsItems.summary',
  'newsItems.publishedAt',
  'newsItems.publishAt',
  'newsItems.updatedAt',
  'newsItems.imageSha256',
  'newsItems.imageAlt',
] as const;

type SummaryRow = {
  id: string;
  slug: string;
  section: string;
  title: string;
  summary: string | null;
  publishedAt: string | null;
  publishAt: string | null;
  updatedAt: string;
  imageSha256: string | null;
  imageAlt: string | null;
};

function mapSummary(row: SummaryRow): NewsSummary {
  return {
    id: row.id,
    slug: row.slug,
    section: row.section as NewsSection,
    title: parseText(row.title),
    summary: parseTextOrNull(row.summary),
    date: publicDate(row) ?? row.updatedAt,
    updatedAt: row.updatedAt,
    imageSha256: row.imageSha256,
    imageAlt: parseTextOrNull(row.imageAlt),
  };
}

/**
 * Public news, newest first, `limit + 1` rows from `offset` (the extra row tells that an older
 * page exists). `section` narrows to one section.
 */
export async function listPublicNews(
  db: Db,
  now: string,
  opts: { section?: NewsSection; limit: number; offset?: number },
): Promise<NewsSummary[]> {
  let query = db.selectFrom('newsItems').select(summaryColumns).where(wherePubliclyVisible(now));
  if (opts.section) {
    query = query.where('newsItems.section', '=', opts.section);
  }
  const rows = await query
    .orderBy(publicDateSql, 'desc')
    .orderBy('newsItems.id', 'desc')
    .limit(opts.limit + 1)
    .offset(opts.offset ?? 0)
    .execute();
  return rows.map(mapSummary);
}

/** The latest public news with their rendered bodies, for feeds. */
export async function listFeedNews(
  db: Db,
  now: string,
  section: NewsSection | undefined,
  limit: number,
): Promise<(NewsSummary & { bodyHtml: Partial<Record<'en' | 'ru', string>> })[]> {
  let query = db
    .selectFrom('newsItems')
    .select([...summaryColumns, 'newsItems.bodyHtml'])
    .where(wherePubliclyVisible(now));
  if (section) {
    query = query.where('newsItems.section', '=', section);
  }
  const rows = await query
    .orderBy(publicDateSql, 'desc')
    .orderBy('newsItems.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ...mapSummary(row),
    bodyHtml: JSON.parse(row.bodyHtml) as Partial<Record<'en' | 'ru', string>>,
  }));
}

/** One public news item by its slug, with its body and (public) meeting; undefined otherwise. */
export async function findPublicNews(
  db: Db,
  now: string,
  slug: string,
): Promise<NewsArticle | undefined> {
  const row = await db
    .selectFrom('newsItems')
    .leftJoin('bodies', 'bodies.id', 'newsItems.bodyId')
    .leftJoin('meetings', (join) =>
      join
        .onRef('meetings.id', '=', 'newsItems.meetingId')
        .on('meetings.status', 'in', PUBLIC_STATUSES),
    )
    .leftJoin('bodies as meetingBodies', 'meetingBodies.id', 'meetings.bodyId')
    .select([
      ...summaryColumns,
      'newsItems.bodyHtml',
      'newsItems.createdAt',
      'bodies.slug as bodySlug',
      'bodies.name as bodyName',
      'meetings.id as meetingId',
      'meetings.number as meetingNumber',
      'meetings.kind as meetingKind',
      'meetingBodies.name as meetingBodyName',
      'meetingBodies.nameGenitive as meetingBodyNameGenitive',
    ])
    .where('newsItems.slug', '=', slug)
    .where(wherePubliclyVisible(now))
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  return {
    ...mapSummary(row),
    bodyHtml: JSON.parse(row.bodyHtml) as Partial<Record<'en' | 'ru', string>>,
    createdAt: row.createdAt,
    body:
      row.bodySlug && row.bodyName ? { slug: row.bodySlug, name: parseText(row.bodyName) } : null,
    meeting:
      row.meetingId && row.meetingNumber !== null && row.meetingBodyName
        ? {
            id: row.meetingId,
            name: meetingName(
              toRoman(row.meetingNumber),
              row.meetingKind ?? 'regular',
              parseText(row.meetingBodyName),
              parseTextOrNull(row.meetingBodyNameGenitive),
            ),
          }
        : null,
  };
}

/**
 * The public items just newer and just older than `item` in the order of the lists, within one
 * section when `section` is given.
 */
export async function newsNeighbours(
  db: Db,
  now: string,
  item: { id: string; date: string },
  section?: NewsSection,
): Promise<{ newer: NewsSummary | null; older: NewsSummary | null }> {
  const base = () => {
    let query = db.selectFrom('newsItems').select(summaryColumns).where(wherePubliclyVisible(now));
    if (section) {
      query = query.where('newsItems.section', '=', section);
    }
    return query;
  };
  const [newer, older] = await Promise.all([
    base()
      // The plain range first: with a bound date, SQLite seeks the date index only for a
      // range it can see; the OR alone made it scan the index (10 ms instead of 0.2 ms).
      .where(publicDateSql, '>=', item.date)
      .where((eb) =>
        eb.or([
          eb(publicDateSql, '>', item.date),
          eb.and([eb(publicDateSql, '=', item.date), eb('newsItems.id', '>', item.id)]),
        ]),
      )
      .orderBy(publicDateSql, 'asc')
      .orderBy('newsItems.id', 'asc')
      .limit(1)
      .executeTakeFirst(),
    base()
      .where(publicDateSql, '<=', item.date)
      .where((eb) =>
        eb.or([
          eb(publicDateSql, '<', item.date),
          eb.and([eb(publicDateSql, '=', item.date), eb('newsItems.id', '<', item.id)]),
        ]),
      )
      .orderBy(publicDateSql, 'desc')
      .orderBy('newsItems.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { newer: newer ? mapSummary(newer) : null, older: older ? mapSummary(older) : null };
}

/** Public news about one meeting, newest first. */
export async function listNewsOfMeeting(
  db: Db,
  now: string,
  meetingId: string,
): Promise<NewsSummary[]> {
  const rows = await db
    .selectFrom('newsItems')
    .select(summaryColumns)
    .where('newsItems.meetingId', '=', meetingId)
    .where(wherePubliclyVisible(now))
    .orderBy(publicDateSql, 'desc')
    .orderBy('newsItems.id', 'desc')
    .limit(50)
    .execute();
  return rows.map(mapSummary);
}

/** The media type of a lead image, only when a public news item shows it. */
export async function findPublicImage(
  db: Db,
  now: string,
  sha256: string,
): Promise<{ mediaType: string; size: number } | undefined> {
  return db
    .selectFrom('files')
    .select(['files.mediaType', 'files.size'])
    .where('files.sha256', '=', sha256)
    .where('files.mediaType', 'like', 'image/%')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('newsItems')
          .select('newsItems.id')
          .where('newsItems.imageSha256', '=', sha256)
          .where(wherePubliclyVisible(now)),
      ),
    )
    .executeTakeFirst();
}

// ---- Meetings --------------------------------------------------------------------------------

export interface PublicMeeting {
  id: string;
  number: number;
  numeral: string;
  name: LocalizedText;
  kind: string;
  status: string;
  startDate: string;
  endDate: string;
  startTime: string | null;
  timeZone: string;
  location: Location | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  body: { id: string; slug: string; name: LocalizedText; shortName: LocalizedText | null };
}

function selectPublicMeetings(db: Db) {
  return db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select([
      'meetings.id',
      'meetings.number',
      'meetings.kind',
      'meetings.status',
      'meetings.startDate',
      'meetings.endDate',
      'meetings.startTime',
      'meetings.timeZone',
      'meetings.location',
      'meetings.version',
      'meetings.createdAt',
      'meetings.updatedAt',
      'meetings.chairPersonId',
      'meetings.parentMeetingId',
      'bodies.id as bodyId',
      'bodies.slug as bodySlug',
      'bodies.name as bodyName',
      'bodies.nameGenitive as bodyNameGenitive',
      'bodies.shortName as bodyShortName',
    ]);
}

type MeetingSelectRow = Awaited<
  ReturnType<ReturnType<typeof selectPublicMeetings>['executeTakeFirstOrThrow']>
>;

function mapPublicMeeting(row: MeetingSelectRow): PublicMeeting {
  const numeral = toRoman(row.number);
  const bodyName = parseText(row.bodyName);
  return {
    id: row.id,
    number: row.number,
    numeral,
    name: meetingName(numeral, row.kind, bodyName, parseTextOrNull(row.bodyNameGenitive)),
    kind: row.kind,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    startTime: row.startTime,
    timeZone: row.timeZone,
    location: row.location === null ? null : (JSON.parse(row.location) as Location),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    body: {
      id: row.bodyId,
      slug: row.bodySlug,
      name: bodyName,
      shortName: parseTextOrNull(row.bodyShortName),
    },
  };
}

/** Public meetings that end today or later, soonest first. */
export async function listUpcomingMeetings(
  db: Db,
  today: string,
  limit: number,
): Promise<PublicMeeting[]> {
  const rows = await selectPublicMeetings(db)
    .where('meetings.status', 'in', PUBLIC_STATUSES)
    .where('meetings.endDate', '>=', today)
    .orderBy('meetings.startDate', 'asc')
    .orderBy('meetings.id', 'asc')
    .limit(limit)
    .execute();
  return rows.map(mapPublicMeeting);
}

/** Public meetings that ended before today, latest first; `limit + 1` rows from `offset`. */
export async function listPastMeetings(
  db: Db,
  today: string,
  limit: number,
  offset: number,
): Promise<PublicMeeting[]> {
  const rows = await selectPublicMeetings(db)
    .where('meetings.status', 'in', PUBLIC_STATUSES)
    .where('meetings.endDate', '<', today)
    .orderBy('meetings.startDate', 'desc')
    .orderBy('meetings.id', 'desc')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  return rows.map(mapPublicMeeting);
}

/** The public meetings of one body, latest first. */
export async function listMeetingsOfBody(
  db: Db,
  bodyId: string,
  limit: number,
): Promise<PublicMeeting[]> {
  const rows = await selectPublicMeetings(db)
    .where('meetings.status', 'in', PUBLIC_STATUSES)
    .where('meetings.bodyId', '=', bodyId)
    .orderBy('meetings.startDate', 'desc')
    .orderBy('meetings.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(mapPublicMeeting);
}

export interface MeetingPage {
  meeting: PublicMeeting;
  chair: { name: LocalizedText; position: LocalizedText | null } | null;
  parent: PublicMeeting | null;
  eve: PublicMeeting[];
  agenda: { position: string; depth: number; title: LocalizedText }[];
  /** The host country's name, when the meeting has a place. */
  country: LocalizedText | null;
}

/** A public meeting with what its page shows; undefined when missing or not public. */
export async function findPublicMeetingPage(db: Db, id: string): Promise<MeetingPage | undefined> {
  const row = await selectPublicMeetings(db)
    .where('meetings.id', '=', id)
    .where('meetings.status', 'in', PUBLIC_STATUSES)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const location = row.location === null ? null : (JSON.parse(row.location) as Location);
  const [chair, parent, eve, agendaRows, country] = await Promise.all([
    row.chairPersonId
      ? db
          .selectFrom('persons')
          .select(['name', 'position'])
          .where('id', '=', row.chairPersonId)
          .executeTakeFirst()
      : undefined,
    row.parentMeetingId
      ? selectPublicMeetings(db)
          .where('meetings.id', '=', row.parentMeetingId)
          .where('meetings.status', 'in', PUBLIC_STATUSES)
          .executeTakeFirst()
      : undefined,
    selectPublicMeetings(db)
      .where('meetings.parentMeetingId', '=', id)
      .where('meetings.status', 'in', PUBLIC_STATUSES)
      .orderBy('meetings.startDate')
      .orderBy('meetings.id')
      .execute(),
    db
      .selectFrom('agendaItems')
      .select(['id', 'parentId', 'ordinal', 'title'])
      .where('meetingId', '=', id)
      .where('public', '=', 1)
      .orderBy('ordinal')
      .orderBy('id')
      .execute(),
    location
      ? db
          .selectFrom('memberStates')
          .select('name')
          .where('code', '=', location.country)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    meeting: mapPublicMeeting(row),
    chair: chair
      ? { name: parseText(chair.name), position: parseTextOrNull(chair.position) }
      : null,
    parent: parent ? mapPublicMeeting(parent) : null,
    eve: eve.map(mapPublicMeeting),
    agenda: publicAgenda(agendaRows),
    country: country ? parseText(country.name) : null,
  };
}

/**
 * Numbers the public items as the public sees them: hidden items (and the items under them)
 * leave no gap, so the numbering gives no hint that anything else exists (DESIGN §3).
 */
function publicAgenda(
  rows: { id: string; parentId: string | null; ordinal: number; title: string }[],
): MeetingPage['agenda'] {
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const list = children.get(row.parentId) ?? [];
    list.push(row);
    children.set(row.parentId, list);
  }
  const out: MeetingPage['agenda'] = [];
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    const list = children.get(parentId) ?? [];
    list.forEach((row, index) => {
      const position = `${prefix}${index + 1}`;
      out.push({ position, depth, title: parseText(row.title) });
      if (depth < 3) {
        walk(row.id, `${position}.`, depth + 1);
      }
    });
  };
  walk(null, '', 1);
  return out;
}

/**
 * Meetings for the public calendar: every public meeting, and cancelled meetings that had been
 * announced (their audit trail says so), so subscribers see the cancellation; a meeting
 * cancelled while still planned was never public and stays out.
 */
export async function listCalendarMeetings(db: Db): Promise<PublicMeeting[]> {
  const rows = await selectPublicMeetings(db)
    .where((eb) =>
      eb.or([
        eb('meetings.status', 'in', PUBLIC_STATUSES),
        eb.and([
          eb('meetings.status', '=', 'cancelled'),
          eb.exists(
            eb
              .selectFrom('auditEvents')
              .select('auditEvents.seq')
              .where('auditEvents.entityType', '=', 'meeting')
              .whereRef('auditEvents.entityId', '=', 'meetings.id')
              .where('auditEvents.change', 'like', '%"status":%"announced"%'),
          ),
        ]),
      ]),
    )
    .orderBy('meetings.startDate', 'desc')
    .orderBy('meetings.id', 'desc')
    .limit(5000)
    .execute();
  return rows.map(mapPublicMeeting);
}

// ---- Bodies ----------------------------------------------------------------------------------

export interface PublicBody {
  id: string;
  slug: string;
  name: LocalizedText;
  shortName: LocalizedText | null;
  kind: string;
  parentId: string | null;
  established: string | null;
  establishedBy: LocalizedText | null;
  mandate: LocalizedText | null;
  updatedAt: string;
}

function mapBody(row: {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: string | null;
  established: string | null;
  establishedBy: string | null;
  mandate: string | null;
  updatedAt: string;
}): PublicBody {
  return {
    id: row.id,
    slug: row.slug,
    name: parseText(row.name),
    shortName: parseTextOrNull(row.shortName),
    kind: row.kind,
    parentId: row.parentId,
    established: row.established,
    establishedBy: parseTextOrNull(row.establishedBy),
    mandate: parseTextOrNull(row.mandate),
    updatedAt: row.updatedAt,
  };
}

const bodyColumns = [
  'id',
  'slug',
  'name',
  'shortName',
  'kind',
  'parentId',
  'established',
  'establishedBy',
  'mandate',
  'updatedAt',
] as const;

/** Bodies are public (the directory is readable anonymously); the tree is small. */
export async function listBodies(db: Db): Promise<PublicBody[]> {
  const rows = await db
    .selectFrom('bodies')
    .select(bodyColumns)
    .orderBy('sortKey')
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map(mapBody);
}

export async function findBodyBySlug(db: Db, slug: string): Promise<PublicBody | undefined> {
  const row = await db
    .selectFrom('bodies')
    .select(bodyColumns)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? mapBody(row) : undefined;
}

// ---- Sitemap and freshness ---------------------------------------------------------------------

/**
 * Every public page's key and last change, for the sitemap: at most 50,000 addresses fit one
 * sitemap file, and each page counts twice (two languages), so the newest pages are listed.
 */
export async function sitemapEntries(db: Db, now: string) {
  const [news, meetings, bodies] = await Promise.all([
    db
      .selectFrom('newsItems')
      .select(['slug', 'updatedAt', 'publishedAt', 'publishAt'])
      .where(wherePubliclyVisible(now))
      .orderBy(publicDateSql, 'desc')
      .limit(20_000)
      .execute(),
    db
      .selectFrom('meetings')
      .select(['id', 'updatedAt'])
      .where('status', 'in', PUBLIC_STATUSES)
      .orderBy('startDate', 'desc')
      .limit(4_000)
      .execute(),
    db.selectFrom('bodies').select(['slug', 'updatedAt']).orderBy('sortKey').limit(900).execute(),
  ]);
  return { news, meetings, bodies };
}

/** The organization the portal speaks for: the first commission of the directory, if any. */
export async function findSite(
  db: Db,
): Promise<{ name: LocalizedText | null; shortName: LocalizedText | null }> {
  const row = await db
    .selectFrom('bodies')
    .select(['name', 'shortName'])
    .where('kind', '=', 'commission')
    .orderBy('sortKey')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return {
    name: row ? parseText(row.name) : null,
    shortName: row?.shortName ? parseText(row.shortName) : null,
  };
}
