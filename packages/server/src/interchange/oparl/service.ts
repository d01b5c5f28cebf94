import type { Language } from '@plenum/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import * as map from './mappers.ts';
import * as repo from './repository.ts';
import { type BodyList, oparlUrls } from './urls.ts';

/**
 * OParl lists and objects for one caller. A list is a sequence of sources (e.g. a body's papers:
 * documents, then decisions, then — under modified_since — deleted ones), each ordered by an
 * immutable key; a page takes rows source after source, and the cursor names the source and the
 * last key. Single objects are read through the same sources, so a list and an object's own URL
 * apply the same access rules.
 */

export interface OParlCtx {
  db: Kysely<Database>;
  dialect: DialectName;
  actor: Actor;
  lang: Language;
  publicUrl: string;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

export interface ListQuery {
  filter: repo.TimeFilter;
  limit: number;
  cursor?: string;
}

interface Source<R> {
  fetch(w: repo.Window): Promise<R[]>;
  key(row: R): string[];
  build(rows: R[]): Promise<map.OParlObject[]>;
}

// Sources of several row types share one list; each builds its own rows.
// biome-ignore lint/suspicious/noExplicitAny: the row type is private to each source
type AnySource = Source<any>;

interface Env {
  db: Kysely<Database>;
  audience: repo.Audience;
  m: map.MapCtx;
  website: string;
}

async function envOf(ctx: OParlCtx): Promise<Env | undefined> {
  const rootId = await repo.findRootBodyId(ctx.db);
  if (rootId === undefined) {
    return undefined;
  }
  return {
    db: ctx.db,
    audience: { actor: ctx.actor, dialect: ctx.dialect },
    m: { urls: oparlUrls(ctx.publicUrl), lang: ctx.lang, rootId, publicUrl: ctx.publicUrl },
    website: ctx.publicUrl,
  };
}

const group = <T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) {
      list.push(row);
    } else {
      out.set(k, [row]);
    }
  }
  return out;
};

const unique = (values: readonly string[]) => [...new Set(values)];

// ---- Sources ------------------------------------------------------------------------------------

function rootBodySource(e: Env): Source<repo.RootBodyRow> {
  return {
    fetch: (w) => repo.fetchRootBody(e.db, e.m.rootId, w),
    key: (r) => [r.id],
    build: async (rows) => rows.map((r) => map.mapBody(e.m, r, e.website)),
  };
}

function bodyOrganizationSource(e: Env): Source<repo.BodyOrganizationRow> {
  return {
    fetch: (w) => repo.fetchBodyOrganizations(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) => {
      const memberships = await repo.membershipIdsOf(
        e.db,
        e.audience,
        'bodyId',
        rows.map((r) => r.id),
      );
      return rows.map((r) => map.mapBodyOrganization(e.m, r, memberships.get(r.id) ?? []));
    },
  };
}

function delegationSource(e: Env): Source<repo.DelegationRow> {
  return {
    fetch: (w) => repo.fetchDelegations(e.db, e.audience, w),
    key: (r) => [r.code],
    build: async (rows) => {
      const memberships = await repo.membershipIdsOf(
        e.db,
        e.audience,
        'memberState',
        rows.map((r) => r.code),
      );
      return rows.map((r) => map.mapDelegation(e.m, r, memberships.get(r.code) ?? []));
    },
  };
}

function personSource(e: Env): Source<repo.PersonRow> {
  return {
    fetch: (w) => repo.fetchPersons(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) => {
      const memberships = group(
        await repo.membershipsOfPersons(
          e.db,
          rows.map((r) => r.id),
        ),
        (m) => m.personId,
      );
      return rows.map((r) => map.mapPerson(e.m, r, memberships.get(r.id) ?? []));
    },
  };
}

function membershipSource(e: Env): Source<repo.MembershipRow> {
  return {
    fetch: (w) => repo.fetchMemberships(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) => rows.map((r) => map.mapMembership(e.m, r, false)),
  };
}

/**
 * Numbers a meeting's visible items as the caller sees them, depth-first: `number` "2.1" and
 * `order` 1..n. Items whose parent is hidden are left out with their branch (agenda module).
 */
function placeAgenda(rows: readonly repo.AgendaItemRow[]): Map<string, map.Placement> {
  const children = group(rows, (r) => r.parentId ?? '');
  for (const list of children.values()) {
    list.sort((a, b) => a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const out = new Map<string, map.Placement>();
  const walk = (parentId: string, prefix: string) => {
    for (const [index, row] of (children.get(parentId) ?? []).entries()) {
      const number = prefix ? `${prefix}.${index + 1}` : String(index + 1);
      out.set(row.id, { order: out.size + 1, number });
      walk(row.id, number);
    }
  };
  walk('', '');
  return out;
}

const fromDocumentLink = (r: repo.DocumentConsultationRow): map.ConsultationRef => ({
  agendaItemId: r.agendaItemId,
  paperId: r.paperId,
  meetingId: r.meetingId,
  bodyId: r.bodyId,
  createdAt: r.createdAt,
  modified: r.modified,
  adopted: false,
});

const fromDecision = (r: repo.DecisionConsultationRow): map.ConsultationRef => ({
  agendaItemId: r.agendaItemId as string,
  paperId: r.paperId,
  meetingId: r.meetingId,
  bodyId: r.bodyId,
  createdAt: r.createdAt,
  modified: r.modified,
  adopted: true,
});

/** The agenda items of `meetingIds` that the caller reads, placed and with their children. */
async function agendaOf(e: Env, meetingIds: string[]) {
  const items = await repo.agendaItemsOfMeetings(e.db, e.audience, meetingIds);
  const itemIds = items.map((i) => i.id);
  const [files, documentLinks, decisions] = await Promise.all([
    repo.filesOf(e.db, e.audience, 'agenda_item', itemIds),
    repo.documentConsultationsOf(e.db, e.audience, 'agendaItemId', itemIds),
    repo.decisionConsultationsOf(e.db, e.audience, itemIds),
  ]);
  const placements = new Map<string, map.Placement>();
  for (const list of group(items, (i) => i.meetingId).values()) {
    for (const [id, placement] of placeAgenda(list)) {
      placements.set(id, placement);
    }
  }
  const filesByItem = group(files, (f) => f.ownerId);
  const consultations = group(
    [...documentLinks.map(fromDocumentLink), ...decisions.map(fromDecision)],
    (k) => k.agendaItemId,
  );
  return {
    items,
    build: (item: repo.AgendaItemRow, embedded: boolean) => {
      const placement = placements.get(item.id);
      return placement
        ? map.mapAgendaItem(
            e.m,
            item,
            placement,
            {
              files: filesByItem.get(item.id) ?? [],
              consultations: consultations.get(item.id) ?? [],
            },
            embedded,
          )
        : null;
    },
  };
}

function meetingSource(e: Env): Source<repo.MeetingRow> {
  return {
    fetch: (w) => repo.fetchMeetings(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) => {
      const ids = rows.map((r) => r.id);
      const [agenda, participants] = await Promise.all([
        agendaOf(e, ids),
        repo.participantsOf(e.db, e.audience, ids),
      ]);
      const byMeeting = group(agenda.items, (i) => i.meetingId);
      return rows.map((r) => {
        const items = (byMeeting.get(r.id) ?? [])
          .map((i) => agenda.build(i, true))
          .filter((i): i is map.OParlObject => i !== null)
          .sort((a, b) => (a.order as number) - (b.order as number));
        return map.mapMeeting(e.m, r, items, unique(participants.get(r.id) ?? []));
      });
    },
  };
}

function locationSource(e: Env): Source<repo.LocationRow> {
  return {
    fetch: (w) => repo.fetchLocations(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) =>
      rows
        .map((r) => map.mapLocation(e.m, r, false))
        .filter((l): l is map.OParlObject => l !== null),
  };
}

function agendaItemSource(e: Env): Source<repo.AgendaItemRow> {
  return {
    fetch: (w) => repo.fetchAgendaItems(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) => {
      const agenda = await agendaOf(e, unique(rows.map((r) => r.meetingId)));
      return rows
        .map((r) => agenda.build(r, false))
        .filter((i): i is map.OParlObject => i !== null);
    },
  };
}

function documentSource(e: Env): Source<repo.DocumentRow> {
  return {
    fetch: (w) => repo.fetchDocuments(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) => {
      const ids = rows.map((r) => r.id);
      const [files, links, decisions] = await Promise.all([
        repo.filesOfDocuments(e.db, e.audience, ids),
        repo.documentConsultationsOf(e.db, e.audience, 'documentId', ids),
        repo.readableDecisionIds(
          e.db,
          e.audience,
          rows.map((r) => r.adoptedByDecisionId).filter((d): d is string => d !== null),
        ),
      ]);
      const filesByDocument = group(files, (f) => f.documentId ?? '');
      const linksByDocument = group(links, (l) => l.paperId);
      return rows.map((r) =>
        map.mapDocumentPaper(e.m, r, {
          files: filesByDocument.get(r.id) ?? [],
          consultations: (linksByDocument.get(r.id) ?? []).map(fromDocumentLink),
          adoptedBy:
            r.adoptedByDecisionId && decisions.has(r.adoptedByDecisionId)
              ? r.adoptedByDecisionId
              : null,
        }),
      );
    },
  };
}

function decisionSource(e: Env): Source<repo.DecisionRow> {
  return {
    fetch: (w) => repo.fetchDecisions(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) => {
      const ids = rows.map((r) => r.id);
      const [files, adopted] = await Promise.all([
        repo.filesOf(e.db, e.audience, 'decision', ids),
        repo.documentsAdoptedBy(e.db, e.audience, ids),
      ]);
      const filesByDecision = group(files, (f) => f.ownerId);
      return rows.map((r) =>
        map.mapDecisionPaper(e.m, r, {
          files: filesByDecision.get(r.id) ?? [],
          consultation:
            r.agendaItemId && r.meetingId
              ? {
                  agendaItemId: r.agendaItemId,
                  paperId: r.id,
                  meetingId: r.meetingId,
                  bodyId: r.bodyId,
                  createdAt: r.createdAt,
                  modified: r.updatedAt,
                  adopted: true,
                }
              : null,
          adopted: adopted.get(r.id) ?? [],
        }),
      );
    },
  };
}

function documentConsultationSource(
  e: Env,
  pair?: [string, string],
): Source<repo.DocumentConsultationRow> {
  return {
    fetch: (w) => repo.fetchDocumentConsultations(e.db, e.audience, { ...w, onlyPair: pair }),
    key: (r) => [r.agendaItemId, r.paperId],
    build: async (rows) => rows.map((r) => map.mapConsultation(e.m, fromDocumentLink(r), false)),
  };
}

function decisionConsultationSource(
  e: Env,
  pair?: [string, string],
): Source<repo.DecisionConsultationRow> {
  return {
    fetch: (w) => repo.fetchDecisionConsultations(e.db, e.audience, { ...w, onlyPair: pair }),
    key: (r) => [r.agendaItemId as string, r.paperId],
    build: async (rows) => rows.map((r) => map.mapConsultation(e.m, fromDecision(r), false)),
  };
}

function fileSource(e: Env): Source<repo.FileRow> {
  return {
    fetch: (w) => repo.fetchFiles(e.db, e.audience, w),
    key: (r) => [r.id],
    build: async (rows) => rows.map((r) => map.mapFile(e.m, r, false)),
  };
}

function tombstoneSource(
  e: Env,
  types: readonly repo.TombstoneEntity[],
): Source<repo.TombstoneRow> {
  return {
    fetch: (w) => repo.fetchTombstones(e.db, e.audience, types, w),
    key: (r) => [r.entityId],
    build: async (rows) => {
      const created = await repo.createdAtOf(e.db, rows);
      return rows.map((r) => map.mapTombstone(e.m, r, created.get(r.entityId)));
    },
  };
}

// ---- Lists ----------------------------------------------------------------------------------------

/**
 * The sources of a body's external list. Deleted objects join a list only when the client syncs
 * (modified_since), as OParl asks; a plain list holds what exists.
 */
function listSources(e: Env, list: BodyList, q: ListQuery): AnySource[] {
  const deleted = (types: repo.TombstoneEntity[]): AnySource[] =>
    q.filter.modifiedSince !== undefined ? [tombstoneSource(e, types)] : [];
  switch (list) {
    case 'organizations':
      return [bodyOrganizationSource(e), delegationSource(e), ...deleted(['body', 'member_state'])];
    case 'persons':
      return [personSource(e), ...deleted(['person'])];
    case 'meetings':
      return [meetingSource(e), ...deleted(['meeting'])];
    case 'papers':
      return [documentSource(e), decisionSource(e), ...deleted(['document', 'decision'])];
    case 'agenda-items':
      return [agendaItemSource(e), ...deleted(['agenda_item'])];
    case 'consultations':
      return [documentConsultationSource(e), decisionConsultationSource(e)];
    case 'files':
      return [fileSource(e)];
    case 'locations':
      return [locationSource(e)];
    case 'memberships':
      return [membershipSource(e), ...deleted(['membership'])];
    case 'legislative-terms':
      return [];
  }
}

export interface ListPage {
  data: map.OParlObject[];
  pagination: { elementsPerPage: number };
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
}

/** One page over the sources: rows from one source after another, `limit` in all. */
async function paginate(sources: AnySource[], q: ListQuery): Promise<ListPage> {
  const cursor = decodeCursorValues(q.cursor);
  const start = cursor ? cursor.source : 0;
  if (start >= Math.max(sources.length, 1) && cursor) {
    throw badCursor();
  }
  const taken: { source: number; rows: unknown[] }[] = [];
  let count = 0;
  let last: { source: number; key: string[] } | null = null;
  let next: string | null = null;
  for (let i = start; i < sources.length; i++) {
    const source = sources[i] as AnySource;
    const room = q.limit - count;
    const rows = await source.fetch({
      after: i === start && cursor ? cursor.key : null,
      limit: room + 1,
      filter: q.filter,
    });
    if (room === 0) {
      if (rows.length > 0 && last) {
        next = encodeCursor([last.source, ...last.key]);
        break;
      }
      continue;
    }
    const page = rows.slice(0, room);
    if (page.length > 0) {
      taken.push({ source: i, rows: page });
      count += page.length;
      last = { source: i, key: source.key(page[page.length - 1]) };
    }
    if (rows.length > room && last) {
      next = encodeCursor([last.source, ...last.key]);
      break;
    }
  }
  const built = await Promise.all(taken.map((t) => (sources[t.source] as AnySource).build(t.rows)));
  return { data: built.flat(), pagination: { elementsPerPage: q.limit }, next };
}

const badCursor = () =>
  new AppError('validation_failed', 'Not a cursor from this list; start again without it.', {
    errors: [{ path: 'query.cursor', message: 'Not a cursor from this list' }],
  });

function decodeCursorValues(cursor: string | undefined): { source: number; key: string[] } | null {
  if (cursor === undefined) {
    return null;
  }
  for (const arity of [2, 3]) {
    try {
      const values = decodeCursor(cursor, arity);
      if (values) {
        const [source, ...key] = values;
        if (
          typeof source === 'number' &&
          Number.isInteger(source) &&
          source >= 0 &&
          key.every((k) => typeof k === 'string')
        ) {
          return { source, key: key as string[] };
        }
      }
    } catch {
      // another arity, or reported below
    }
  }
  throw badCursor();
}

/** A page of one of the root body's external lists; 404 for another body. */
export async function bodyListPage(
  ctx: OParlCtx,
  bodyId: string,
  list: BodyList,
  q: ListQuery,
): Promise<ListPage> {
  const e = await envOf(ctx);
  if (!e || bodyId !== e.m.rootId) {
    throw notFound('body');
  }
  return paginate(listSources(e, list, q), q);
}

/** The System's list of bodies: the one Body (docs/interchange.md), if the directory has one. */
export async function bodiesPage(ctx: OParlCtx, q: ListQuery): Promise<ListPage> {
  const e = await envOf(ctx);
  if (!e) {
    return { data: [], pagination: { elementsPerPage: q.limit }, next: null };
  }
  return paginate([rootBodySource(e)], q);
}

// ---- Single objects --------------------------------------------------------------------------------

export type ObjectKind =
  | 'body'
  | 'organization'
  | 'delegation'
  | 'person'
  | 'membership'
  | 'meeting'
  | 'location'
  | 'agenda-item'
  | 'paper'
  | 'file';

function objectSources(e: Env, kind: ObjectKind): AnySource[] {
  const deleted = (types: repo.TombstoneEntity[]) => tombstoneSource(e, types);
  switch (kind) {
    case 'body':
      return [rootBodySource(e)];
    case 'organization':
      return [bodyOrganizationSource(e), deleted(['body'])];
    case 'delegation':
      return [delegationSource(e), deleted(['member_state'])];
    case 'person':
      return [personSource(e), deleted(['person'])];
    case 'membership':
      return [membershipSource(e), deleted(['membership'])];
    case 'meeting':
      return [meetingSource(e), deleted(['meeting'])];
    case 'location':
      return [locationSource(e)];
    case 'agenda-item':
      return [agendaItemSource(e), deleted(['agenda_item'])];
    case 'paper':
      return [documentSource(e), decisionSource(e), deleted(['document', 'decision'])];
    case 'file':
      return [fileSource(e)];
  }
}

async function firstOf(sources: AnySource[], only: string): Promise<map.OParlObject | undefined> {
  for (const source of sources) {
    const rows = await source.fetch({ after: null, limit: 1, filter: {}, only });
    if (rows.length > 0) {
      return (await source.build(rows))[0];
    }
  }
  return undefined;
}

/** One object at its URL as the caller may read it (a deleted one as `deleted: true`), or 404. */
export async function getObject(
  ctx: OParlCtx,
  kind: ObjectKind,
  id: string,
): Promise<map.OParlObject> {
  const e = await envOf(ctx);
  const found = e ? await firstOf(objectSources(e, kind), id) : undefined;
  if (!found) {
    throw notFound(kind.replace('-', ' '));
  }
  return found;
}

/** A file link the caller may read, for its content at accessUrl and downloadUrl; else 404. */
export async function readableFile(ctx: OParlCtx, id: string): Promise<repo.FileRow> {
  const e = await envOf(ctx);
  const [row] = e
    ? await repo.fetchFiles(e.db, e.audience, { after: null, limit: 1, filter: {}, only: id })
    : [];
  if (!row) {
    throw notFound('file');
  }
  return row;
}

export async function getConsultation(
  ctx: OParlCtx,
  agendaItemId: string,
  paperId: string,
): Promise<map.OParlObject> {
  const e = await envOf(ctx);
  const pair: [string, string] = [agendaItemId, paperId];
  const found = e
    ? await firstOf(
        [documentConsultationSource(e, pair), decisionConsultationSource(e, pair)],
        paperId,
      )
    : undefined;
  if (!found) {
    throw notFound('consultation');
  }
  return found;
}

export async function getSystem(ctx: OParlCtx): Promise<map.OParlObject> {
  const [name, first] = await Promise.all([
    repo.findRootBodyName(ctx.db),
    repo.firstRecordedAt(ctx.db),
  ]);
  return map.mapSystem(
    { urls: oparlUrls(ctx.publicUrl), lang: ctx.lang },
    { name, website: ctx.publicUrl, created: first ?? '1970-01-01T00:00:00.000Z' },
  );
}
