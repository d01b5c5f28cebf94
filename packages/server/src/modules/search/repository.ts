import {
  type Language,
  PUBLIC_MEETING_STATUSES,
  SEARCH_TYPES,
  type SearchHit,
  type SearchType,
} from '@plenum/shared';
import { type Expression, type Insertable, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';
import type { SearchDocumentTable } from '../../db/tables/search.ts';
import { isSignedIn, isStaff } from '../../platform/access.ts';
import type { Actor, Tx } from '../../platform/context.ts';
import { parseText } from '../../platform/text.ts';
import { whereDocumentReadable } from '../documents/access.ts';
import { audienceTag, fts5Match, type QueryPhrase, tsQuery, typeTag } from './analysis.ts';

// ---- Sources: what the index holds of each record --------------------------------------------

/** Meetings with the names of their body (the meeting's name derives from them). */
export const loadMeetingRows = (db: Tx, ids: string[]) =>
  db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select([
      'meetings.id',
      'meetings.bodyId',
      'meetings.number',
      'meetings.kind',
      'meetings.status',
      'meetings.startDate',
      'meetings.location',
      'bodies.name as bodyName',
      'bodies.nameGenitive as bodyNameGenitive',
      'bodies.shortName as bodyShortName',
    ])
    .where('meetings.id', 'in', ids)
    .execute();

export const loadStateNames = (db: Tx, codes: string[]) =>
  db.selectFrom('memberStates').select(['code', 'name']).where('code', 'in', codes).execute();

/** Agenda items with what their visibility depends on: their meeting's status. */
export const loadAgendaItemRows = (db: Tx, ids: string[]) =>
  db
    .selectFrom('agendaItems')
    .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
    .select([
      'agendaItems.id',
      'agendaItems.meetingId',
      'agendaItems.title',
      'agendaItems.kind',
      'agendaItems.description',
      'agendaItems.public',
      'meetings.status as meetingStatus',
      'meetings.startDate as meetingStartDate',
      'meetings.bodyId',
    ])
    .where('agendaItems.id', 'in', ids)
    .execute();

export const agendaItemIdsOfMeeting = async (db: Tx, meetingId: string) =>
  (
    await db.selectFrom('agendaItems').select('id').where('meetingId', '=', meetingId).execute()
  ).map((r) => r.id);

export const meetingIdsOfBody = async (db: Tx, bodyId: string) =>
  (await db.selectFrom('meetings').select('id').where('bodyId', '=', bodyId).execute()).map(
    (r) => r.id,
  );

export const loadDecisionRows = (db: Tx, ids: string[]) =>
  db
    .selectFrom('decisions')
    .select([
      'id',
      'bodyId',
      'meetingId',
      'number',
      'kind',
      'title',
      'text',
      'adoptedOn',
      'closedAs',
    ])
    .where('id', 'in', ids)
    .execute();

/**
 * Documents with the text of their latest version and the cached text of its file (its first
 * `maxFileChars` characters: what the index keeps of it).
 */
export const loadDocumentRows = (db: Tx, ids: string[], maxFileChars: number) =>
  db
    .selectFrom('documents')
    .leftJoin('documentVersions', (join) =>
      join
        .onRef('documentVersions.documentId', '=', 'documents.id')
        .onRef('documentVersions.number', '=', 'documents.latestVersion'),
    )
    .leftJoin('fileTexts', 'fileTexts.sha256', 'documentVersions.fileSha256')
    .select([
      'documents.id',
      'documents.title',
      'documents.kind',
      'documents.bodyId',
      'documents.classification',
      'documents.status',
      'documents.updatedAt',
      'documentVersions.text as versionText',
      'documentVersions.fileName',
      sql<string | null>`substr(${sql.ref('fileTexts.text')}, 1, ${maxFileChars})`.as('fileText'),
      'fileTexts.language as fileLanguage',
    ])
    .where('documents.id', 'in', ids)
    .execute();

/** Tables of searchable records (each with a text `id`). */
export type SourceTable = 'meetings' | 'agendaItems' | 'decisions' | 'documents' | 'newsItems';

/** News items with what their visibility depends on (status and scheduled time). */
export const loadNewsRows = (db: Tx, ids: string[]) =>
  db
    .selectFrom('newsItems')
    .select([
      'id',
      'slug',
      'section',
      'title',
      'summary',
      'body',
      'status',
      'publishAt',
      'publishedAt',
      'updatedAt',
      'bodyId',
      'meetingId',
    ])
    .where('id', 'in', ids)
    .execute();

/** A batch of ids of a source table in id order, for building the whole index. */
export async function sourceIds(
  db: Tx,
  table: SourceTable,
  after: string | null,
  limit: number,
): Promise<string[]> {
  let query = db.selectFrom(table).select('id').orderBy('id').limit(limit);
  if (after !== null) {
    query = query.where('id', '>', after);
  }
  return (await query.execute()).map((r) => r.id);
}

/** Whether a source table has any row (an empty index over a non-empty database needs a build). */
export async function sourceHasRows(db: Tx, table: SourceTable): Promise<boolean> {
  return (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) !== undefined;
}

// ---- File texts ------------------------------------------------------------------------------

export const findFile = (db: Tx, sha256: string) =>
  db
    .selectFrom('files')
    .leftJoin('fileTexts', 'fileTexts.sha256', 'files.sha256')
    .select(['files.sha256', 'files.mediaType', 'fileTexts.sha256 as cached'])
    .where('files.sha256', '=', sha256)
    .executeTakeFirst();

/** Files of documents' latest versions whose text is not cached yet. */
export const uncachedDocumentFiles = (db: Tx) =>
  db
    .selectFrom('documents')
    .innerJoin('documentVersions', (join) =>
      join
        .onRef('documentVersions.documentId', '=', 'documents.id')
        .onRef('documentVersions.number', '=', 'documents.latestVersion'),
    )
    .innerJoin('files', 'files.sha256', 'documentVersions.fileSha256')
    .leftJoin('fileTexts', 'fileTexts.sha256', 'files.sha256')
    .where('fileTexts.sha256', 'is', null)
    .select(['files.sha256', 'files.mediaType'])
    .distinct()
    .execute();

/** Stores a file's text once; a concurrent extraction of the same content keeps the first. */
export const insertFileText = (
  db: Tx,
  row: { sha256: string; text: string; language: string | null; extractedAt: string },
) =>
  db
    .insertInto('fileTexts')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();

/** Documents whose latest version carries this file. */
export const documentIdsWithFile = async (db: Tx, sha256: string) =>
  (
    await db
      .selectFrom('documents')
      .innerJoin('documentVersions', (join) =>
        join
          .onRef('documentVersions.documentId', '=', 'documents.id')
          .onRef('documentVersions.number', '=', 'documents.latestVersion'),
      )
      .select('documents.id')
      .where('documentVersions.fileSha256', '=', sha256)
      .execute()
  ).map((r) => r.id);

// ---- The index -------------------------------------------------------------------------------

export type SearchDocumentInsert = Insertable<SearchDocumentTable>;

/** Inserts or replaces index entries (one per type and id). */
export async function upsertSearchDocuments(db: Tx, rows: SearchDocumentInsert[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await db
    .insertInto('searchDocuments')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['entityType', 'entityId']).doUpdateSet((eb) => ({
        parentId: eb.ref('excluded.parentId'),
        title: eb.ref('excluded.title'),
        body: eb.ref('excluded.body'),
        titleTerms: eb.ref('excluded.titleTerms'),
        bodyTerms: eb.ref('excluded.bodyTerms'),
        tags: eb.ref('excluded.tags'),
        audience: eb.ref('excluded.audience'),
        context: eb.ref('excluded.context'),
        url: eb.ref('excluded.url'),
        indexedAt: eb.ref('excluded.indexedAt'),
      })),
    )
    .execute();
}

export async function deleteSearchDocuments(
  db: Tx,
  type: SearchType,
  ids: string[],
): Promise<void> {
  if (ids.length > 0) {
    await db
      .deleteFrom('searchDocuments')
      .where('entityType', '=', type)
      .where('entityId', 'in', ids)
      .execute();
  }
}

export const clearSearchDocuments = (db: Tx) => db.deleteFrom('searchDocuments').execute();

/** Ids of the index entries of a type that follow this parent record. */
export const indexedChildIds = async (db: Tx, type: SearchType, parentId: string) =>
  (
    await db
      .selectFrom('searchDocuments')
      .select('entityId')
      .where('entityType', '=', type)
      .where('parentId', '=', parentId)
      .execute()
  ).map((r) => r.entityId);

export async function isIndexEmpty(db: Tx): Promise<boolean> {
  return (
    (await db.selectFrom('searchDocuments').select('id').limit(1).executeTakeFirst()) === undefined
  );
}

// ---- Queries ---------------------------------------------------------------------------------

/**
 * Who sees what (DESIGN §3): staff every entry; signed-in users public and internal entries and
 * the restricted documents whose access list admits them; anonymous callers public entries.
 */
type Scope = 'all' | 'signedIn' | 'public';
const scopeOf = (actor: Actor): Scope =>
  isStaff(actor) ? 'all' : isSignedIn(actor) ? 'signedIn' : 'public';

/**
 * A restricted document's entry is admitted by the document's current access list (the
 * documents module's rule), so a changed list applies at once, without a reindex.
 */
const admitted = (actor: Actor) =>
  sql<SqlBool>`exists (select 1 from documents
    where documents.id = sd.entity_id and ${whereDocumentReadable(actor)})`;

export interface SearchFilter {
  phrases: QueryPhrase[];
  actor: Actor;
  type?: SearchType;
}

// SQLite: type and audience are tokens of the FTS5 index (tagsOf), so the open part of a search
// runs on the index alone; only restricted entries are joined to their documents.

function openMatch(f: SearchFilter, type: SearchType | undefined): string {
  const groups: string[][] = type ? [[typeTag(type)]] : [];
  const scope = scopeOf(f.actor);
  if (scope === 'public') {
    groups.push([audienceTag('public')]);
  } else if (scope === 'signedIn') {
    groups.push([audienceTag('public'), audienceTag('internal')]);
  }
  return fts5Match(f.phrases, ...groups);
}

function restrictedMatch(f: SearchFilter, type: SearchType | undefined): string {
  return fts5Match(f.phrases, ...(type ? [[typeTag(type)]] : []), [audienceTag('restricted')]);
}

// BM25 with title matches weighing ten times body matches; the tags column weighs nothing.
const bm25 = sql`bm25(search_fts, 10.0, 1.0, 0.0)`;

async function sqliteRanked(db: Tx, f: SearchFilter, limit: number, offset: number) {
  const open = sql`select search_fts.rowid as id, ${bm25} as score from search_fts
    where search_fts match ${openMatch(f, f.type)}`;
  const query =
    scopeOf(f.actor) === 'signedIn'
      ? sql`${open} union all
        select sd.id as id, ${bm25} as score
        from search_fts join search_documents sd on sd.id = search_fts.rowid
        where search_fts match ${restrictedMatch(f, f.type)} and ${admitted(f.actor)}`
      : open;
  return sql<{
    id: number;
  }>`${query} order by score, id desc limit ${limit} offset ${offset}`.execute(db);
}

async function sqliteCounts(db: Tx, f: SearchFilter): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const type of SEARCH_TYPES) {
    const row = await sql<{ n: number }>`select count(*) as n from search_fts
      where search_fts match ${openMatch(f, type)}`.execute(db);
    counts.set(type, Number(row.rows[0]?.n ?? 0));
  }
  if (scopeOf(f.actor) === 'signedIn') {
    const restricted = await sql<{ entityType: string; n: number }>`
      select sd.entity_type, count(*) as n
      from search_fts join search_documents sd on sd.id = search_fts.rowid
      where search_fts match ${restrictedMatch(f, undefined)} and ${admitted(f.actor)}
      group by sd.entity_type`.execute(db);
    for (const r of restricted.rows) {
      counts.set(r.entityType, (counts.get(r.entityType) ?? 0) + Number(r.n));
    }
  }
  return counts;
}

// PostgreSQL: one GIN-indexed tsvector; access and type are columns of the same row.

function pgReadable(actor: Actor): Expression<SqlBool> {
  switch (scopeOf(actor)) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'public':
      return sql<SqlBool>`sd.audience = 'public'`;
    case 'signedIn':
      return sql<SqlBool>`(sd.audience in ('public', 'internal')
        or (sd.audience = 'restricted' and ${admitted(actor)}))`;
  }
}

function pgMatching(f: SearchFilter, type: SearchType | undefined) {
  return sql`from search_documents sd
    where sd.tsv @@ to_tsquery('simple', ${tsQuery(f.phrases)})
    ${type ? sql`and sd.entity_type = ${type}` : sql``}
    and ${pgReadable(f.actor)}`;
}

/**
 * For the rest of the transaction, steer PostgreSQL off sequential scans: with a broad query its
 * estimate favours reading the table, but testing every row's vector means fetching each one out
 * of line (hundreds of ms at 50,000 entries); the GIN index finds the matches without that.
 */
export async function preferIndexScans(trx: Tx): Promise<void> {
  await sql`set local enable_seqscan = off`.execute(trx);
}

/** Above this many matches PostgreSQL ranks by the title's vector only (see below). */
export const PRECISE_RANK_LIMIT = 1000;

/**
 * PostgreSQL's ts_rank reads each matching row's whole vector, out of line for long texts
 * (~20 µs a row): fine for a selective query, too slow for one matching tens of thousands of
 * entries. Those rank by the small in-row title vector: title matches first, by strength.
 */
async function pgRanked(db: Tx, f: SearchFilter, limit: number, offset: number, precise: boolean) {
  const vector = precise ? sql`sd.tsv` : sql`sd.title_tsv`;
  return sql<{ id: number }>`select sd.id ${pgMatching(f, f.type)}
    order by ts_rank(array[0.05, 0.1, 0.2, 1.0]::float4[], ${vector},
      to_tsquery('simple', ${tsQuery(f.phrases)})) desc, sd.id desc
    limit ${limit} offset ${offset}`.execute(db);
}

async function pgCounts(db: Tx, f: SearchFilter): Promise<Map<string, number>> {
  const result = await sql<{ entityType: string; n: number }>`
    select sd.entity_type, count(*) as n ${pgMatching(f, undefined)}
    group by sd.entity_type`.execute(db);
  return new Map(result.rows.map((r) => [r.entityType, Number(r.n)]));
}

/** Matching entries per type that the actor may read (whatever the type filter). */
export const countByType = (db: Tx, dialect: DialectName, f: SearchFilter) =>
  dialect === 'postgres' ? pgCounts(db, f) : sqliteCounts(db, f);

/** A page of matching entry ids, best first (ties: newest entry first). */
export async function rankedIds(
  db: Tx,
  dialect: DialectName,
  f: SearchFilter,
  page: { limit: number; offset: number; matches: number },
): Promise<number[]> {
  const result =
    dialect === 'postgres'
      ? await pgRanked(db, f, page.limit, page.offset, page.matches <= PRECISE_RANK_LIMIT)
      : await sqliteRanked(db, f, page.limit, page.offset);
  return result.rows.map((r) => Number(r.id));
}

/** The stored entries of a page, to build hits from. */
export const loadEntries = (db: Tx, ids: number[]) =>
  db
    .selectFrom('searchDocuments')
    .select(['id', 'entityType', 'entityId', 'title', 'body', 'context', 'url'])
    .where('id', 'in', ids)
    .execute();

export type EntryRow = Awaited<ReturnType<typeof loadEntries>>[number];

/** A hit from its stored entry, but for the snippet (made from `body` for the query). */
export function mapEntry(row: EntryRow): {
  hit: Omit<SearchHit, 'snippet' | 'snippetLanguage'>;
  body: Partial<Record<Language, string>>;
} {
  return {
    hit: {
      type: row.entityType as SearchType,
      id: row.entityId,
      title: parseText(row.title),
      url: row.url,
      context: JSON.parse(row.context) as SearchHit['context'],
    },
    body: JSON.parse(row.body) as Partial<Record<Language, string>>,
  };
}

export const PUBLIC_STATUSES: readonly string[] = PUBLIC_MEETING_STATUSES;
