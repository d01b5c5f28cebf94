import {
  type Language,
  PUBLIC_MEETING_STATUSES,
  SEARCH_TYPES,
  type SearchHit,
  type SearchType,
} from '@plenum/shared';
import { type Insertable, sql } from 'kysely';
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
export type SourceTable =
  | 'meetings'
  | 'agendaItems'
  | 'decisions'
  | 'documents'
  | 'newsItems'
  | 'standards'
  | 'programs'
  | 'projects'
  | 'ipResults';

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

// ---- registers (issue 6): standards, programs, projects, IP results ----

export const loadStandardRows = (db: Tx, ids: string[]) =>
  db
    .selectFrom('standards')
    .select(['id', 'designation', 'title', 'description', 'status', 'bodyId', 'updatedAt'])
    .where('id', 'in', ids)
    .execute();

export const loadProgramRows = (db: Tx, ids: string[]) =>
  db
    .selectFrom('programs')
    .select(['id', 'title', 'description', 'status', 'bodyId', 'periodFrom'])
    .where('id', 'in', ids)
    .execute();

/** The titles of programs' measures (a program is found by them), in tree order per program. */
export const loadMeasureTitles = (db: Tx, programIds: string[]) =>
  db
    .selectFrom('programMeasures')
    .select(['programId', 'title'])
    .where('programId', 'in', programIds)
    .orderBy('programId')
    .orderBy('ordinal')
    .execute();

export const loadProjectRows = (db: Tx, ids: string[]) =>
  db
    .selectFrom('projects')
    .select(['id', 'title', 'description', 'kind', 'status', 'startDate', 'updatedAt'])
    .where('id', 'in', ids)
    .execute();

/** The names of projects' participating organizations. */
export const loadParticipantNames = (db: Tx, projectIds: string[]) =>
  db
    .selectFrom('projectParticipants as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizationId')
    .select(['p.projectId', 'o.name'])
    .where('p.projectId', 'in', projectIds)
    .orderBy('p.projectId')
    .orderBy('p.ordinal')
    .execute();

export const loadIpResultRows = (db: Tx, ids: string[]) =>
  db
    .selectFrom('ipResults')
    .select(['id', 'title', 'description', 'kind', 'classification', 'updatedAt'])
    .where('id', 'in', ids)
    .execute();

/** The rights holders of IP results: an organization's name, or a member state's code. */
export const loadHolderNames = (db: Tx, ipResultIds: string[]) =>
  db
    .selectFrom('ipRightsHolders as h')
    .leftJoin('organizations as o', 'o.id', 'h.organizationId')
    .select(['h.ipResultId', 'h.memberState', 'o.name as organizationName'])
    .where('h.ipResultId', 'in', ipResultIds)
    .orderBy('h.ipResultId')
    .orderBy('h.ordinal')
    .execute();

// ---- end registers ----

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
 * Bounds that keep a broad query's cost independent of how many entries it matches (DESIGN §6:
 * search p95 < 50 ms over ~100,000 entries). Mutable for tests, which lower them.
 */
export const searchLimits = {
  /** Facet counts are exact up to this many per type, then reported as capped ("1,000+"). */
  facetCap: 1000,
  /**
   * A query matching at most this many readable entries is ranked precisely (BM25 / ts_rank over
   * every match). A broader one ranks its title matches first — the newest `rankWindow` of them
   * by relevance, older ones by recency — then the body-only matches by recency.
   */
  preciseRank: 1000,
  /** How many of a broad query's newest title matches are ranked by relevance. */
  rankWindow: 200,
};

/**
 * Who sees what (DESIGN §3): staff every entry; signed-in users public and internal entries and
 * the restricted documents whose access list admits them; anonymous callers public entries.
 */
type Scope = 'all' | 'signedIn' | 'public';
const scopeOf = (actor: Actor): Scope =>
  isStaff(actor) ? 'all' : isSignedIn(actor) ? 'signedIn' : 'public';

export interface SearchFilter {
  phrases: QueryPhrase[];
  actor: Actor;
  type?: SearchType;
  /** The restricted entries the actor may read (admittedEntries); null: none beyond its scope. */
  admitted: number[] | null;
}

/** Which of a query's matches: all, those matching in the title, or those matching only in the body. */
type Part = 'all' | 'title' | 'body';

/** Per type: matching entries the actor may read, at most searchLimits.facetCap + 1. */
export type Counts = Map<SearchType, number>;
/**
 * Index entries (ids) of the restricted documents the actor may read, or null when it reads
 * none or every one: started from the access list rows naming its state or bodies (a few
 * hundred at most), each confirmed by the documents module's rule, so a changed list applies at
 * once, without a reindex. Read once per search; the queries then filter the restricted matches
 * by these ids instead of joining and checking every restricted match.
 */
export async function admittedEntries(
  db: Tx,
  actor: Actor,
  /** What the kept answers belong to: the database (not a transaction on it). */
  cacheKey: object = db,
): Promise<number[] | null> {
  if (scopeOf(actor) !== 'signedIn') {
    return null;
  }
  const bodyIds = [...actor.bodyIds].sort();
  const memberState = actor.role === 'delegate' ? actor.memberState : null;
  if (bodyIds.length === 0 && memberState === null) {
    return null;
  }
  // The same readers (state and bodies) are admitted to the same entries until something is
  // written: every change of a document, its access list or the index appends to the audit
  // chain, and a rebuilt index gets new entry ids. So the answer is kept per database and reader
  // against the newest audit sequence and entry id — read on this instance and others alike.
  const probe = await sql<{ seq: number | null; entry: number | null }>`select
    (select max(seq) from audit_events) as seq, (select max(id) from search_documents) as entry`
    .execute(db)
    .then((r) => r.rows[0]);
  const version = `${probe?.seq ?? 0}|${probe?.entry ?? 0}`;
  const key = `${memberState ?? ''}|${bodyIds.join(',')}`;
  let cache = admittedCache.get(cacheKey);
  if (cache?.version !== version) {
    cache = { version, readers: new Map() };
    admittedCache.set(cacheKey, cache);
  }
  const cached = cache.readers.get(key);
  if (cached) {
    return cached;
  }
  const ids = await readAdmittedEntries(db, memberState, bodyIds, actor);
  if (cache.readers.size >= ADMITTED_CACHE_READERS) {
    cache.readers.clear();
  }
  cache.readers.set(key, ids);
  return ids;
}

/** Readers whose admitted entries are kept per database (a state's delegates share one). */
const ADMITTED_CACHE_READERS = 500;
const admittedCache = new WeakMap<object, { version: string; readers: Map<string, number[]> }>();

async function readAdmittedEntries(
  db: Tx,
  memberState: string | null,
  bodyIds: string[],
  actor: Actor,
): Promise<number[]> {
  const listed = [
    ...(memberState !== null ? [sql`document_access.member_state = ${memberState}`] : []),
    ...(bodyIds.length > 0 ? [sql`document_access.body_id in (${sql.join(bodyIds)})`] : []),
  ];
  // The entry's audience is not tested: it sits after the long columns of its row, and a
  // restricted document's entry is restricted (the indexer copies the classification).
  const result = await sql<{ id: number }>`select sd.id from search_documents sd
    where sd.entity_type = 'document' and sd.entity_id in (
      select documents.id from documents
      where documents.classification = 'restricted'
        and documents.id in (select document_access.document_id from document_access
          where ${sql.join(listed, sql` or `)})
        and ${whereDocumentReadable(actor)})`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

// SQLite: type and audience are tokens of the FTS5 index (tagsOf), so the open part of a search
// runs on the index alone. Signed-in users' open part excludes the (few) restricted and staff
// entries with NOT rather than requiring the audience tags that cover almost every row; the
// restricted documents they may read are added from admittedEntries.

const quote = (term: string) => `"${term}"`;

/**
 * A list of ids as one JSON parameter (`in (select value from json_each(?))`): SQLite builds
 * the lookup table once, and the statement stays small however many ids a reader is admitted to
 * (hundreds of bound values cost more to compile and bind than the match itself).
 */
const sqliteIdList = (ids: number[]) => sql`(select value from json_each(${JSON.stringify(ids)}))`;

/** The FTS5 expression of one part of a query, of one type or all, in one audience. */
function ftsExpr(
  f: SearchFilter,
  part: Part,
  type: SearchType | undefined,
  audience: 'open' | 'restricted',
): string {
  // The title part runs on search_title_fts (titles only), the others on search_fts.
  const core = `(${fts5Match(f.phrases)})`;
  let expr = part === 'body' ? `(${core} NOT {title_terms} : ${core})` : core;
  // The restricted part is filtered by the admitted entries, all documents': no type tag.
  if (type && audience !== 'restricted') {
    expr = `(${expr} AND ${quote(typeTag(type))})`;
  }
  if (audience === 'restricted') {
    return `(${expr} AND ${quote(audienceTag('restricted'))})`;
  }
  switch (scopeOf(f.actor)) {
    case 'all':
      return expr;
    case 'public':
      return `(${expr} AND ${quote(audienceTag('public'))})`;
    case 'signedIn':
      return `(${expr} NOT (${quote(audienceTag('restricted'))} OR ${quote(audienceTag('staff'))}))`;
  }
}

/** The first `count` varints of an FTS5 docsize record: the entry's column sizes in tokens. */
function columnSizes(blob: Uint8Array | null, count: number): number[] {
  const sizes: number[] = [];
  let at = 0;
  while (blob && sizes.length < count && at < blob.length) {
    let value = 0;
    for (let i = 0; i < 9 && at < blob.length; i++) {
      const byte = blob[at++] as number;
      if (i === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) {
        break;
      }
    }
    sizes.push(value);
  }
  return sizes;
}

/**
 * Matching entry ids, newest first, at most `limit`, below `before` when given: the open part,
 * and for signed-in users the admitted restricted part. With `scored`, each with the size in
 * tokens of the column it matched in (the title for title matches, else the body), from the
 * index's docsize table: the relevance ranking orders by it. FTS5's bm25() is not used: it
 * counts every row of each of the query's phrases first (tags included) to weigh them, which
 * costs tens of ms for a common word whatever the number of matches.
 */
async function sqliteMatches(
  db: Tx,
  f: SearchFilter,
  part: Part,
  o: { type?: SearchType; limit: number; before?: number; scored?: boolean },
): Promise<{ id: number; score: number }[]> {
  const fts = sql.table(part === 'title' ? 'search_title_fts' : 'search_fts');
  const below = o.before !== undefined ? sql`and ${fts}.rowid < ${o.before}` : sql``;
  const select = (audience: 'open' | 'restricted', extra = sql``) =>
    sql`select ${fts}.rowid as id from ${fts}
      where ${fts} match ${ftsExpr(f, part, o.type, audience)} ${below} ${extra}
      order by ${fts}.rowid desc limit ${o.limit}`;
  // The admitted entries (documents') filter the restricted matches (`+`: not as a lookup per
  // admitted id, which FTS5 would answer by re-running the match for each).
  const admitted = o.type === undefined || o.type === 'document' ? f.admitted : null;
  let query =
    admitted && admitted.length > 0
      ? sql`select id from (${select('open')})
      union all select id from (${select('restricted', sql`and +${fts}.rowid in ${sqliteIdList(admitted)}`)})
      order by id desc limit ${o.limit}`
      : select('open');
  if (o.scored) {
    const docsize = sql.table(part === 'title' ? 'search_title_fts_docsize' : 'search_fts_docsize');
    query = sql`select m.id, d.sz from (${query}) m
      left join ${docsize} d on d.id = m.id order by m.id desc`;
  }
  const result = await sql<{ id: number; sz?: Uint8Array | null }>`${query}`.execute(db);
  // Title sizes: the title index's first column; body sizes: the main index's second.
  const column = part === 'title' ? 0 : 1;
  return result.rows.map((r) => ({
    id: Number(r.id),
    score: o.scored ? (columnSizes(r.sz ?? null, column + 1)[column] ?? 0) : 0,
  }));
}

async function sqliteCounts(db: Tx, f: SearchFilter): Promise<CountResult> {
  const cap = searchLimits.facetCap + 1;
  const admitted = f.admitted && f.admitted.length > 0 ? f.admitted : null;
  // One statement: a capped count per type, each stopping at the cap; and the admitted
  // restricted matches (documents' only).
  const count = (type: SearchType, audience: 'open' | 'restricted', extra = sql``) =>
    sql`(select count(*) from (select 1 from search_fts
      where search_fts match ${ftsExpr(f, 'all', type, audience)} ${extra} limit ${cap}))`;
  const columns = SEARCH_TYPES.map((type, i) => sql`${count(type, 'open')} as ${sql.ref(`n${i}`)}`);
  if (admitted) {
    columns.push(
      sql`${count('document', 'restricted', sql`and +search_fts.rowid in ${sqliteIdList(admitted)}`)} as r`,
    );
  }
  const row = (await sql<Record<string, number>>`select ${sql.join(columns)}`.execute(db)).rows[0];
  return countResult(row);
}

/** What countByType finds. */
export interface CountResult {
  counts: Counts;
  /** Matching restricted entries admitted by the access list (0: ranking may skip them). */
  restricted: number;
}

function countResult(row: Record<string, number> | undefined): CountResult {
  const cap = searchLimits.facetCap + 1;
  const restricted = Number(row?.r ?? 0);
  return {
    counts: new Map(
      SEARCH_TYPES.map((type, i) => {
        const n = Number(row?.[`n${i}`] ?? 0) + (type === 'document' ? restricted : 0);
        return [type, Math.min(n, cap)];
      }),
    ),
    restricted,
  };
}

// PostgreSQL: search_keys (migration 0010) holds each entry's index keys in one GIN-indexed
// tsvector: its terms, pairs of adjacent terms, the same for the title marked, and type and
// audience tags. A query's keys are matched exactly by the index — no row's vector is read — and
// counting or paging reads only the narrow rows. A phrase of two words is its pair key; a longer
// phrase is narrowed by its pairs and then checked on the entry's positions (search_documents).

/**
 * For the rest of the transaction, steer PostgreSQL off sequential scans: testing the keys of
 * every row means fetching each one out of line; the GIN index finds the matches without that.
 */
export async function preferIndexScans(trx: Tx): Promise<void> {
  await sql`set local enable_seqscan = off`.execute(trx);
}

/** Marks a title key (as search_keys_of does). */
const TITLE_KEY = '\ue001';

/** A phrase's keys: its term, or its pairs of adjacent terms; quoted for a tsquery. */
function phraseKeys(phrase: QueryPhrase, title: boolean): string {
  const mark = title ? TITLE_KEY : '';
  if (phrase.length === 1) {
    return `'${mark}${phrase[0]}'`;
  }
  const pairs = phrase.slice(1).map((t, i) => `'${mark}${phrase[i]} ${t}'`);
  return `(${pairs.join(' & ')})`;
}

/** Phrases of three words or more: their pairs narrow, their positions decide. */
const longPhrases = (f: SearchFilter) => f.phrases.some((p) => p.length > 2);

/** The tsquery (text) of one part of a query in one audience (the type is a column: pgMatchQueries). */
function keysQuery(f: SearchFilter, part: Part, audience: 'open' | 'restricted'): string {
  const all = f.phrases.map((p) => phraseKeys(p, false)).join(' & ');
  const title = f.phrases.map((p) => phraseKeys(p, true)).join(' & ');
  const parts = [
    part === 'title'
      ? `(${title})`
      : part === 'body' && !longPhrases(f)
        ? `(${all}) & !(${title})`
        : `(${all})`,
  ];
  // A type is not a key here: pgMatchQueries filters on the type column, so the type's own
  // partial index answers (migration 0017).
  if (audience === 'open' && scopeOf(f.actor) === 'public') {
    parts.push(`'${audienceTag('public')}'`);
  }
  // A signed-in reader's open part and the restricted part are filtered on the audience column
  // (pgMatchQueries).
  return parts.join(' & ');
}

/** The phrase check of long phrases on the entry's positions, and of a body part's exclusion. */
function positionCheck(f: SearchFilter, part: Part) {
  if (!longPhrases(f)) {
    return sql``;
  }
  const q = sql`to_tsquery('simple', ${tsQuery(f.phrases)})`;
  const vector = part === 'title' ? sql`sd.title_tsv` : sql`sd.tsv`;
  const body = part === 'body' ? sql`and not (sd.title_tsv @@ ${q})` : sql``;
  return sql`and exists (select 1 from search_documents sd
    where sd.id = k.id and ${vector} @@ ${q} ${body})`;
}

/**
 * Matches of one part as rows of search_keys `k`: the open part, and for signed-in users the
 * admitted restricted entries. `k.id + 0` keeps the planner from walking the primary key
 * backwards and reading each row's keys: the GIN index answers, the rows only give their ids.
 */
function pgMatchQueries(f: SearchFilter, part: Part, type: SearchType | undefined, extra = sql``) {
  const ofType = type ? sql`and k.entity_type = ${sql.lit(type)}` : sql``;
  // Neither restricted nor unpublished: tested on the rows, not as negated keys (migration 0017).
  const open =
    scopeOf(f.actor) === 'signedIn' ? sql`and k.audience in ('public', 'internal')` : sql``;
  // The restricted entries have a GIN index of their own (migration 0017).
  const restricted = sql`and k.audience = 'restricted'`;
  const one = (audience: 'open' | 'restricted', more = sql``) =>
    sql`from search_keys k where k.keys @@ ${keysQuery(f, part, audience)}::tsquery
      ${ofType} ${audience === 'open' ? open : restricted} ${positionCheck(f, part)} ${extra}
      ${more}`;
  // Admitted entries are documents': other types have no restricted part.
  const admitted = type === undefined || type === 'document' ? f.admitted : null;
  return admitted && admitted.length > 0
    ? [one('open'), one('restricted', sql`and (k.id + 0) = any(${admitted}::bigint[])`)]
    : [one('open')];
}

async function pgCounts(db: Tx, f: SearchFilter): Promise<CountResult> {
  const cap = searchLimits.facetCap + 1;
  const capped = (from: unknown) => sql`(select count(*) from (select ${from} limit ${cap}) c)`;
  const columns = SEARCH_TYPES.map((type, i) => {
    const [open] = pgMatchQueries({ ...f, admitted: null }, 'all', type);
    return sql`${capped(open)} as ${sql.ref(`n${i}`)}`;
  });
  const restricted = pgMatchQueries(f, 'all', 'document')[1];
  if (restricted) {
    columns.push(sql`${capped(restricted)} as r`);
  }
  const row = (await sql<Record<string, number>>`select ${sql.join(columns)}`.execute(db)).rows[0];
  return countResult(row);
}

async function pgIds(
  db: Tx,
  f: SearchFilter,
  part: Part,
  o: { limit: number; before?: number; scored?: boolean },
): Promise<{ id: number; score: number }[]> {
  const below = o.before !== undefined ? sql`and k.id < ${o.before}` : sql``;
  const selects = pgMatchQueries(f, part, f.type, below).map(
    (from) => sql`(select k.id ${from} order by k.id + 0 desc limit ${o.limit})`,
  );
  const ids = sql`select id from (${sql.join(selects, sql` union all `)}) u
    order by id desc limit ${o.limit}`;
  // Scored: title matches by the title's small in-row vector, others (few) by the whole one.
  const query = o.scored
    ? sql`select m.id, ts_rank(array[0.05, 0.1, 0.2, 1.0]::float4[],
          ${part === 'title' ? sql`sd.title_tsv` : sql`sd.tsv`},
          to_tsquery('simple', ${tsQuery(f.phrases)})) as score
        from (${ids}) m join search_documents sd on sd.id = m.id`
    : sql`select id, 0 as score from (${ids}) m`;
  const r = await sql<{ id: number; score: number }>`${query}`.execute(db);
  return r.rows.map((x) => ({ id: Number(x.id), score: -Number(x.score) }));
}

/** Matching entries per type that the actor may read (whatever the type filter), capped. */
export const countByType = (db: Tx, dialect: DialectName, f: SearchFilter) =>
  dialect === 'postgres' ? pgCounts(db, f) : sqliteCounts(db, f);

/**
 * A page of matching entry ids, best first (ties: newest entry first). `matches` is the number
 * of readable matches (capped), `capped` whether a count stopped at the cap.
 */
export async function rankedIds(
  db: Tx,
  dialect: DialectName,
  f: SearchFilter,
  page: { limit: number; offset: number; matches: number; capped: boolean },
): Promise<number[]> {
  const need = page.offset + page.limit;
  const precise = !page.capped && page.matches <= searchLimits.preciseRank;
  const ids =
    dialect === 'postgres'
      ? await ranked(need, precise, (part, o) => pgIds(db, f, part, o))
      : await ranked(need, precise, (part, o) =>
          sqliteMatches(db, f, part, { type: f.type, ...o }),
        );
  return ids.slice(page.offset, need);
}

type Fetch = (
  part: Part,
  o: { limit: number; before?: number; scored?: boolean },
) => Promise<{ id: number; score: number }[]>;

/**
 * The first `need` ids of the ranked order: title matches above body-only matches (a title match
 * ranks above a body match), each tier by relevance (scores: lower is better; ties newest
 * first). With few matches every match is scored. With many (searchLimits), only the newest
 * `rankWindow` title matches are; the older title matches and then the body-only matches follow
 * newest first — so no query ranks more than a bounded set.
 */
async function ranked(need: number, precise: boolean, fetch: Fetch) {
  const byScore = (a: { id: number; score: number }, b: { id: number; score: number }) =>
    a.score - b.score || b.id - a.id;
  const window = precise ? searchLimits.preciseRank + 1 : searchLimits.rankWindow;
  const titles = await fetch('title', { limit: window, scored: true });
  const ids = [...titles].sort(byScore).map((r) => r.id);
  if (ids.length >= need) {
    return ids;
  }
  if (!precise && titles.length === window) {
    const older = await fetch('title', {
      limit: need - ids.length,
      before: titles[titles.length - 1]?.id ?? 0,
    });
    ids.push(...older.map((r) => r.id));
    if (ids.length >= need) {
      return ids;
    }
  }
  const body = await fetch('body', {
    limit: precise ? searchLimits.preciseRank + 1 : need - ids.length,
    scored: precise,
  });
  ids.push(...[...body].sort(byScore).map((r) => r.id));
  return ids;
}

/**
 * After a full build: merges SQLite's FTS5 indexes into one segment each, and PostgreSQL's GIN
 * pending lists into their indexes (every search reads a pending list whole; migration 0024).
 */
export async function optimizeIndex(db: Tx, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
    await sql`insert into search_title_fts(search_title_fts) values ('optimize')`.execute(db);
    return;
  }
  await sql`select gin_clean_pending_list(c.oid::regclass) from pg_class c
    join pg_am a on a.oid = c.relam
    where a.amname = 'gin' and c.relnamespace = current_schema()::regnamespace`.execute(db);
}

/**
 * Characters of each language's text loaded for a snippet: the analysis scans the first 100,000
 * for a match and shows a window around it. A document's text runs to 500,000 characters; the
 * database cuts it rather than handing the whole JSON to JavaScript.
 */
const SNIPPET_SOURCE_CHARS = 110_000;

/**
 * PostgreSQL parses a json text to read a key of it — 3–4 ms for a page of 20 entries of a few KB
 * each, twice (en, ru). An entry up to this size is sent whole and parsed in JavaScript (a
 * fraction of that); only a longer one is cut by the database.
 */
const WHOLE_BODY_BYTES = 256 * 1024;

/** The stored entries of a page, to build hits from. */
export async function loadEntries(db: Tx, dialect: DialectName, ids: number[]) {
  const postgres = dialect === 'postgres';
  const text = (lang: 'en' | 'ru') =>
    postgres
      ? sql<string | null>`case when octet_length(sd.body) > ${WHOLE_BODY_BYTES}
          then left(sd.body::json->>${lang}, ${SNIPPET_SOURCE_CHARS}) end`
      : sql<
          string | null
        >`substr(json_extract(sd.body, ${`$.${lang}`}), 1, ${SNIPPET_SOURCE_CHARS})`;
  const rows = await db
    .selectFrom('searchDocuments as sd')
    .select([
      'sd.id',
      'sd.entityType',
      'sd.entityId',
      'sd.title',
      'sd.context',
      'sd.url',
      text('en').as('bodyEn'),
      text('ru').as('bodyRu'),
      (postgres
        ? sql<
            string | null
          >`case when octet_length(sd.body) <= ${WHOLE_BODY_BYTES} then sd.body end`
        : sql<string | null>`null`
      ).as('bodyWhole'),
    ])
    .where('sd.id', 'in', ids)
    .execute();
  return rows.map(({ bodyWhole, ...row }) => {
    if (bodyWhole === null) {
      return row;
    }
    const body = JSON.parse(bodyWhole) as { en?: string; ru?: string };
    const cut = (t: string | undefined) => (t ? t.slice(0, SNIPPET_SOURCE_CHARS) : null);
    return { ...row, bodyEn: cut(body.en), bodyRu: cut(body.ru) };
  });
}

export type EntryRow = Awaited<ReturnType<typeof loadEntries>>[number];

/** A hit from its stored entry, but for the snippet (made from `body` for the query). */
export function mapEntry(row: EntryRow): {
  hit: Omit<SearchHit, 'snippet' | 'snippetLanguage'>;
  body: Partial<Record<Language, string>>;
} {
  const body: Partial<Record<Language, string>> = {};
  if (row.bodyEn) {
    body.en = row.bodyEn;
  }
  if (row.bodyRu) {
    body.ru = row.bodyRu;
  }
  return {
    hit: {
      type: row.entityType as SearchType,
      id: row.entityId,
      title: parseText(row.title),
      url: row.url,
      context: JSON.parse(row.context) as SearchHit['context'],
    },
    body,
  };
}

export const PUBLIC_STATUSES: readonly string[] = PUBLIC_MEETING_STATUSES;

/** Projects in which an organization takes part. */
export async function projectIdsOfOrganization(db: Tx, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('projectParticipants')
    .select('projectId')
    .distinct()
    .where('organizationId', '=', organizationId)
    .execute();
  return rows.map((r) => r.projectId);
}

/** IP results of which an organization holds rights. */
export async function ipResultIdsOfOrganization(db: Tx, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ipRightsHolders')
    .select('ipResultId')
    .distinct()
    .where('organizationId', '=', organizationId)
    .execute();
  return rows.map((r) => r.ipResultId);
}
