import {
  type Language,
  type LocalizedText,
  type Location,
  SEARCH_TYPES,
  type SearchHit,
  type SearchType,
  toRoman,
} from '@plenum/shared';
import { type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from '../../db/database.ts';
import { nowIso, type Tx } from '../../platform/context.ts';
import { type FileStore, filePath } from '../../platform/files.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { extractText } from '../../platform/text-extract.ts';
import { meetingName } from '../meetings/repository.ts';
import { isPubliclyVisible } from '../news/access.ts';
import { dominantLanguage, markdownToText, tagsOf, termsOf } from './analysis.ts';
import * as repo from './repository.ts';

/**
 * Keeps search_documents in step with the records. Services call `reindex(trx, type, id)` in the
 * transaction of every change of a searchable record (also after deleting it: a record that no
 * longer exists leaves the index), `reindexAll` builds the index from scratch. A new searchable
 * type (news) is one entry in SOURCES, with its name in SEARCH_TYPES and its table in
 * repo.SourceTable.
 */

// 'staff': only the secretariat and admins (news not yet public); no other scope admits it.
type Audience = 'public' | 'internal' | 'restricted' | 'staff';

/** What the index holds of one record. */
interface IndexedRecord {
  id: string;
  /** The record whose visibility this one follows (an agenda item's meeting). */
  parentId: string | null;
  title: LocalizedText;
  /** Words matched with the title's weight but not shown: numbers, numerals, short names. */
  titleExtra: string;
  /** Plain text per language (Markdown stripped). */
  body: Partial<Record<Language, string>>;
  audience: Audience;
  context: SearchHit['context'];
  url: string;
}

interface IndexSource {
  table: repo.SourceTable;
  /** Records loaded at once by reindexAll (smaller for records with long texts). */
  batch: number;
  load(db: Tx, ids: string[]): Promise<IndexedRecord[]>;
  /** Records whose entries derive from this one, to refresh with it. */
  children?: { type: SearchType; ids(db: Tx, id: string): Promise<string[]> };
}

/** Longest body text indexed per language (PostgreSQL caps a tsvector at 1 MB). */
const MAX_BODY = 500_000;

const noContext = {
  date: null,
  number: null,
  status: null,
  kind: null,
  bodyId: null,
  meetingId: null,
} satisfies SearchHit['context'];

function markdownBody(text: LocalizedText | null): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  if (text?.en) {
    out.en = markdownToText(text.en);
  }
  if (text?.ru) {
    out.ru = markdownToText(text.ru);
  }
  return out;
}

/** Joins texts per language, skipping empty parts. */
function joinBodies(
  ...parts: Partial<Record<Language, string | null | undefined>>[]
): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  for (const lang of ['en', 'ru'] as const) {
    const texts = parts.map((p) => p[lang]).filter((t): t is string => !!t && t.length > 0);
    if (texts.length > 0) {
      out[lang] = texts.join('\n');
    }
  }
  return out;
}

/** One text in both languages (codes and kinds, the same in each). */
const bothLanguages = (text: string): Partial<Record<Language, string>> => ({ en: text, ru: text });

/** Localized texts grouped by a record's id and joined per language. */
function groupTexts(
  pairs: [string, Partial<Record<Language, string>>][],
): Map<string, Partial<Record<Language, string>>> {
  const grouped = new Map<string, Partial<Record<Language, string>>[]>();
  for (const [id, text] of pairs) {
    grouped.set(id, [...(grouped.get(id) ?? []), text]);
  }
  return new Map([...grouped].map(([id, texts]) => [id, joinBodies(...texts)]));
}

const SOURCES: Record<SearchType, IndexSource> = {
  // ---- news (modules/news): public once publicly visible, else for staff only ----
  news: {
    table: 'newsItems',
    batch: 100,
    async load(db, ids) {
      const now = nowIso();
      const rows = await repo.loadNewsRows(db, ids);
      return rows.map((row) => {
        const visible = isPubliclyVisible(row, now);
        return {
          id: row.id,
          parentId: null,
          title: parseText(row.title),
          titleExtra: row.slug,
          body: joinBodies(
            parseTextOrNull(row.summary) ?? {},
            markdownBody(JSON.parse(row.body) as LocalizedText),
          ),
          audience: visible ? 'public' : 'staff',
          context: {
            ...noContext,
            date: (row.publishedAt ?? row.publishAt ?? row.updatedAt).slice(0, 10),
            status: visible ? 'published' : row.status,
            kind: row.section,
            bodyId: row.bodyId,
            meetingId: row.meetingId,
          },
          url: `/app/news/${row.id}`,
        };
      });
    },
  },
  // ---- end news ----

  // ---- registers (issue 6): internal records, read by every signed-in user ----
  standard: {
    table: 'standards',
    batch: 500,
    async load(db, ids) {
      const rows = await repo.loadStandardRows(db, ids);
      return rows.map((row) => ({
        id: row.id,
        parentId: null,
        title: parseText(row.title),
        titleExtra: row.designation,
        body: markdownBody(parseTextOrNull(row.description)),
        audience: 'internal',
        context: { ...noContext, number: row.designation, status: row.status, bodyId: row.bodyId },
        url: `/app/standards/${row.id}`,
      }));
    },
  },

  program: {
    table: 'programs',
    batch: 200,
    async load(db, ids) {
      const rows = await repo.loadProgramRows(db, ids);
      const measures = groupTexts(
        (await repo.loadMeasureTitles(db, ids)).map((m) => [m.programId, parseText(m.title)]),
      );
      return rows.map((row) => ({
        id: row.id,
        parentId: null,
        title: parseText(row.title),
        titleExtra: '',
        // Its measures' titles: a program is found by what it plans.
        body: joinBodies(
          markdownBody(parseTextOrNull(row.description)),
          measures.get(row.id) ?? {},
        ),
        audience: 'internal',
        context: { ...noContext, date: row.periodFrom, status: row.status, bodyId: row.bodyId },
        url: `/app/programs/${row.id}`,
      }));
    },
  },

  project: {
    table: 'projects',
    batch: 200,
    async load(db, ids) {
      const rows = await repo.loadProjectRows(db, ids);
      const participants = groupTexts(
        (await repo.loadParticipantNames(db, ids)).map((p) => [p.projectId, parseText(p.name)]),
      );
      return rows.map((row) => ({
        id: row.id,
        parentId: null,
        title: parseText(row.title),
        titleExtra: '',
        body: joinBodies(
          markdownBody(parseTextOrNull(row.description)),
          participants.get(row.id) ?? {},
          bothLanguages(row.kind.replaceAll('_', ' ')),
        ),
        audience: 'internal',
        context: {
          ...noContext,
          date: row.startDate ?? row.updatedAt.slice(0, 10),
          status: row.status,
          kind: row.kind,
        },
        url: `/app/projects/${row.id}`,
      }));
    },
  },

  ip_result: {
    table: 'ipResults',
    batch: 200,
    async load(db, ids) {
      const rows = await repo.loadIpResultRows(db, ids);
      const holderRows = await repo.loadHolderNames(db, ids);
      const codes = [...new Set(holderRows.flatMap((h) => (h.memberState ? [h.memberState] : [])))];
      const states = new Map(
        codes.length > 0
          ? (await repo.loadStateNames(db, codes)).map((s) => [s.code, parseText(s.name)])
          : [],
      );
      const holders = groupTexts(
        holderRows.map((h): [string, LocalizedText] => [
          h.ipResultId,
          h.organizationName
            ? parseText(h.organizationName)
            : h.memberState
              ? joinBodies(states.get(h.memberState) ?? {}, bothLanguages(h.memberState))
              : {},
        ]),
      );
      return rows.map((row) => ({
        id: row.id,
        parentId: null,
        title: parseText(row.title),
        titleExtra: '',
        body: joinBodies(
          markdownBody(parseTextOrNull(row.description)),
          holders.get(row.id) ?? {},
          bothLanguages(row.kind.replaceAll('_', ' ')),
        ),
        // A restricted result is readable by the secretariat and its access list; the index
        // does not apply access lists of IP results, so only staff find it (its listed readers
        // open it from the register).
        audience: row.classification === 'restricted' ? 'staff' : 'internal',
        context: { ...noContext, date: row.updatedAt.slice(0, 10), kind: row.kind },
        url: `/app/ip-results/${row.id}`,
      }));
    },
  },
  // ---- end registers ----

  meeting: {
    table: 'meetings',
    batch: 500,
    async load(db, ids) {
      const rows = await repo.loadMeetingRows(db, ids);
      const locations = new Map(
        rows.map((r) => [r.id, r.location ? (JSON.parse(r.location) as Location) : null]),
      );
      const codes = [...new Set([...locations.values()].flatMap((l) => (l ? [l.country] : [])))];
      const states = new Map(
        codes.length > 0
          ? (await repo.loadStateNames(db, codes)).map((s) => [s.code, parseText(s.name)])
          : [],
      );
      return rows.map((row) => {
        const numeral = toRoman(row.number);
        const location = locations.get(row.id) ?? null;
        const country = location ? states.get(location.country) : undefined;
        const shortName = parseTextOrNull(row.bodyShortName);
        return {
          id: row.id,
          parentId: null,
          title: meetingName(
            numeral,
            row.kind,
            parseText(row.bodyName),
            parseTextOrNull(row.bodyNameGenitive),
          ),
          titleExtra: [String(row.number), shortName?.en, shortName?.ru].join(' '),
          body: joinBodies(
            location?.city ?? {},
            location?.venue ?? {},
            country ?? {},
            location ? { en: location.country, ru: location.country } : {},
          ),
          // DESIGN §3: anonymous callers see meetings announced or later.
          audience: repo.PUBLIC_STATUSES.includes(row.status) ? 'public' : 'internal',
          context: {
            ...noContext,
            date: row.startDate,
            number: numeral,
            status: row.status,
            kind: row.kind,
            bodyId: row.bodyId,
          },
          url: `/app/meetings/${row.id}`,
        };
      });
    },
    // An agenda item's visibility follows its meeting's status.
    children: { type: 'agenda_item', ids: repo.agendaItemIdsOfMeeting },
  },

  agenda_item: {
    table: 'agendaItems',
    batch: 500,
    async load(db, ids) {
      const rows = await repo.loadAgendaItemRows(db, ids);
      return rows.map((row) => ({
        id: row.id,
        parentId: row.meetingId,
        title: parseText(row.title),
        titleExtra: '',
        body: markdownBody(parseTextOrNull(row.description)),
        // Anonymous callers read the public items of public meetings only (agenda service).
        audience:
          row.public === 1 && repo.PUBLIC_STATUSES.includes(row.meetingStatus)
            ? 'public'
            : 'internal',
        context: {
          ...noContext,
          date: row.meetingStartDate,
          kind: row.kind,
          bodyId: row.bodyId,
          meetingId: row.meetingId,
        },
        url: `/app/meetings/${row.meetingId}/agenda`,
      }));
    },
  },

  decision: {
    table: 'decisions',
    batch: 500,
    async load(db, ids) {
      const rows = await repo.loadDecisionRows(db, ids);
      return rows.map((row) => ({
        id: row.id,
        parentId: null,
        title: parseText(row.title),
        titleExtra: row.number,
        body: markdownBody(parseText(row.text)),
        // Decisions are the internal record: every signed-in user reads them.
        audience: 'internal',
        context: {
          ...noContext,
          date: row.adoptedOn,
          number: row.number,
          status: row.closedAs,
          kind: row.kind,
          bodyId: row.bodyId,
          meetingId: row.meetingId,
        },
        url: `/app/decisions/${row.id}`,
      }));
    },
  },

  document: {
    table: 'documents',
    // A file's text may run to MAX_BODY characters: keep a batch's memory small.
    batch: 25,
    async load(db, ids) {
      const rows = await repo.loadDocumentRows(db, ids, MAX_BODY);
      return rows.map((row) => {
        // The file's text joins the body of the language it is written in.
        const fileLanguage = (row.fileLanguage as Language | null) ?? 'en';
        const fileText = row.fileText ? { [fileLanguage]: row.fileText } : {};
        return {
          id: row.id,
          parentId: null,
          title: parseText(row.title),
          titleExtra: '',
          body: joinBodies(
            markdownBody(parseTextOrNull(row.versionText)),
            fileText,
            row.fileName ? { [fileLanguage]: row.fileName } : {},
          ),
          audience: row.classification as Audience,
          context: {
            ...noContext,
            date: row.updatedAt.slice(0, 10),
            status: row.status,
            kind: row.kind,
            bodyId: row.bodyId,
          },
          url: `/app/documents/${row.id}`,
        };
      });
    },
  },
};

function toEntry(type: SearchType, record: IndexedRecord, at: string): repo.SearchDocumentInsert {
  const body: Partial<Record<Language, string>> = {};
  for (const lang of ['en', 'ru'] as const) {
    const text = record.body[lang];
    if (text) {
      body[lang] = text.slice(0, MAX_BODY);
    }
  }
  return {
    entityType: type,
    entityId: record.id,
    parentId: record.parentId,
    title: JSON.stringify(record.title),
    body: JSON.stringify(body),
    titleTerms: termsOf(`${record.title.en ?? ''}\n${record.title.ru ?? ''}\n${record.titleExtra}`),
    bodyTerms: termsOf(`${body.en ?? ''}\n${body.ru ?? ''}`),
    tags: tagsOf(type, record.audience),
    audience: record.audience,
    context: JSON.stringify(record.context),
    url: record.url,
    indexedAt: at,
  };
}

function sourceOf(type: SearchType): IndexSource {
  const source = SOURCES[type];
  if (!source) {
    throw new Error(`Not a searchable type: ${String(type)}`);
  }
  return source;
}

/** Brings the entries of these records up to date: added, replaced, or removed when gone. */
async function refresh(db: Tx, type: SearchType, ids: string[]): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  const records = await sourceOf(type).load(db, ids);
  const at = nowIso();
  await repo.upsertSearchDocuments(
    db,
    records.map((r) => toEntry(type, r, at)),
  );
  const found = new Set(records.map((r) => r.id));
  await repo.deleteSearchDocuments(
    db,
    type,
    ids.filter((id) => !found.has(id)),
  );
}

/**
 * Re-reads one record into the index, in the caller's transaction. A record that no longer
 * exists is removed. A meeting also refreshes its agenda items (their visibility follows it).
 */
export async function reindex(db: Tx, type: SearchType, id: string): Promise<void> {
  await refresh(db, type, [id]);
  const children = sourceOf(type).children;
  if (children) {
    const ids = new Set([
      ...(await children.ids(db, id)),
      ...(await repo.indexedChildIds(db, children.type, id)),
    ]);
    await refresh(db, children.type, [...ids]);
  }
}

/**
 * Refreshes the meetings of a body (and their agenda items): a meeting's name derives from its
 * body's name, so renaming a body changes what its meetings are found by.
 */
export async function reindexBody(db: Tx, bodyId: string): Promise<void> {
  for (const id of await repo.meetingIdsOfBody(db, bodyId)) {
    await reindex(db, 'meeting', id);
  }
}

/**
 * Projects and IP results are found by the names of their organizations: renaming one refreshes
 * the entries that name it.
 */
export async function reindexOrganization(db: Tx, organizationId: string): Promise<void> {
  for (const id of await repo.projectIdsOfOrganization(db, organizationId)) {
    await reindex(db, 'project', id);
  }
  for (const id of await repo.ipResultIdsOfOrganization(db, organizationId)) {
    await reindex(db, 'ip_result', id);
  }
}

/** Removes a record's entry (and its children's) from the index. */
export async function removeFromIndex(db: Tx, type: SearchType, id: string): Promise<void> {
  await repo.deleteSearchDocuments(db, type, [id]);
  const children = sourceOf(type).children;
  if (children) {
    await repo.deleteSearchDocuments(
      db,
      children.type,
      await repo.indexedChildIds(db, children.type, id),
    );
  }
}

/**
 * Extracts and caches the text of a stored file (once per content), then refreshes the documents
 * whose latest version carries it. Call it outside the write transaction after an upload: a large
 * PDF takes seconds, during which no write should wait.
 */
export async function indexFileText(
  db: Kysely<Database>,
  store: FileStore,
  sha256: string,
): Promise<void> {
  const file = await repo.findFile(db, sha256);
  if (!file) {
    return;
  }
  if (!file.cached) {
    const text = await extractText(filePath(store, sha256), file.mediaType);
    await repo.insertFileText(db, {
      sha256,
      text,
      language: dominantLanguage(text),
      extractedAt: nowIso(),
    });
  }
  const documents = await repo.documentIdsWithFile(db, sha256);
  if (documents.length > 0) {
    await db.transaction().execute((trx) => refresh(trx, 'document', documents));
  }
}

/**
 * Builds the whole index from the records (demo load, bench, a database that predates search).
 * With a file store, the texts of documents' files that were never extracted are extracted first,
 * outside the transaction. Given a Kysely instance it runs in one transaction of its own, so
 * searches see the old index or the new one, never half of it.
 */
const dialectOf = (db: Tx) =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

export async function reindexAll(
  db: Tx,
  opts: { files?: FileStore } = {},
): Promise<Record<SearchType, number>> {
  if (opts.files && !db.isTransaction) {
    for (const file of await repo.uncachedDocumentFiles(db)) {
      const text = await extractText(filePath(opts.files, file.sha256), file.mediaType);
      await repo.insertFileText(db, {
        sha256: file.sha256,
        text,
        language: dominantLanguage(text),
        extractedAt: nowIso(),
      });
    }
  }
  const build = async (trx: Tx) => {
    await repo.clearSearchDocuments(trx);
    const counts = {} as Record<SearchType, number>;
    for (const type of SEARCH_TYPES) {
      counts[type] = 0;
      let after: string | null = null;
      for (;;) {
        const { table, batch } = sourceOf(type);
        const ids = await repo.sourceIds(trx, table, after, batch);
        if (ids.length === 0) {
          break;
        }
        await refresh(trx, type, ids);
        counts[type] += ids.length;
        after = ids[ids.length - 1] ?? null;
      }
    }
    return counts;
  };
  const counts = db.isTransaction
    ? await build(db)
    : await (db as Kysely<Database>).transaction().execute(build);
  await repo.optimizeIndex(db, dialectOf(db));
  return counts;
}

/**
 * Builds the index when it is empty while records exist: a database migrated to search from an
 * earlier version, or restored from a backup without it. Cheap when there is nothing to do.
 */
export async function ensureSearchIndex(
  db: Kysely<Database>,
  opts: { files?: FileStore } = {},
): Promise<boolean> {
  if (!(await repo.isIndexEmpty(db))) {
    return false;
  }
  for (const type of SEARCH_TYPES) {
    if (await repo.sourceHasRows(db, sourceOf(type).table)) {
      await reindexAll(db, opts);
      return true;
    }
  }
  return false;
}
