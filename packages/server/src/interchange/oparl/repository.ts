import { PUBLIC_MEETING_STATUSES } from '@plenum/shared';
import {
  type Expression,
  expressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import { whereDocumentReadable } from '../../modules/documents/access.ts';
import { isSignedIn, isStaff } from '../../platform/access.ts';
import type { Actor, Tx } from '../../platform/context.ts';

/**
 * The OParl reads. Access (DESIGN §3) is in every WHERE clause, as the REST API applies it:
 * anonymous callers read announced-or-later meetings (and, as the public calendar, cancelled ones
 * that had been announced), public agenda items under public parents, public documents, the
 * directory's bodies and member states; signed-in callers read what the REST API shows them.
 * Lists are keyset-paginated by immutable ids; embedded children are loaded per page, in batches.
 */

/** The created/modified window of an OParl list, as stored ISO instants. */
export interface TimeFilter {
  createdSince?: string;
  createdUntil?: string;
  modifiedSince?: string;
  modifiedUntil?: string;
}

/** Which rows a source fetches: after a key, at most `limit`, in the window, or one id. */
export interface Window {
  after: readonly string[] | null;
  limit: number;
  filter: TimeFilter;
  only?: string;
}

export interface Audience {
  actor: Actor;
  dialect: DialectName;
}

const PUBLIC_STATUSES = [...PUBLIC_MEETING_STATUSES];

/** The latest of several ISO instants; subqueries without rows count as ''. */
function latest(dialect: DialectName, parts: RawBuilder<unknown>[]): RawBuilder<string> {
  const args = sql.join(parts.map((p) => sql`coalesce(${p}, '')`));
  return dialect === 'postgres' ? sql<string>`greatest(${args})` : sql<string>`max(${args})`;
}

function timeWhere(
  created: RawBuilder<unknown>,
  modified: RawBuilder<unknown>,
  f: TimeFilter,
): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (f.createdSince !== undefined) {
    parts.push(sql`${created} >= ${f.createdSince}`);
  }
  if (f.createdUntil !== undefined) {
    parts.push(sql`${created} <= ${f.createdUntil}`);
  }
  if (f.modifiedSince !== undefined) {
    parts.push(sql`${modified} >= ${f.modifiedSince}`);
  }
  if (f.modifiedUntil !== undefined) {
    parts.push(sql`${modified} <= ${f.modifiedUntil}`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

// ---- Visibility --------------------------------------------------------------------------------

/** Meetings the actor reads; `alias` is the meetings table's name in the query. */
function meetingVisible(actor: Actor, alias = 'meetings'): RawBuilder<SqlBool> {
  if (isSignedIn(actor)) {
    return sql<SqlBool>`1 = 1`;
  }
  const m = sql.table(alias);
  // The public calendar's rule: a cancelled meeting stays visible when it had been announced.
  return sql<SqlBool>`(${m}.status in (${sql.join(PUBLIC_STATUSES)})
    or (${m}.status = 'cancelled' and ${wasAnnounced(sql`${m}.id`)}))`;
}

/**
 * Whether the audit trail shows the meeting announced: created so (`"status":"announced"` in the
 * snapshot) or moved there (`"status":["planned","announced"]` in the diff). JSON escapes quotes
 * inside texts, so no text can imitate either.
 */
function wasAnnounced(meetingId: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from audit_events an where an.entity_type = 'meeting'
    and an.entity_id = ${meetingId} and an.action <> 'delete'
    and (an.change like ${'%"status":"announced"%'}
      or an.change like ${'%"status":["planned","announced"]%'}))`;
}

/** The internal record (persons, memberships, decisions): every signed-in caller, no one else. */
const internalRecord = (actor: Actor) =>
  isSignedIn(actor) ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`;

/**
 * Agenda items the actor reads (with their meeting joined as `meetings`): anonymous callers read
 * public items whose parents (at most AGENDA_MAX_DEPTH - 1 above) are public too, as the agenda
 * module lays them out.
 */
function agendaItemVisible(actor: Actor, alias = 'agenda_items'): RawBuilder<SqlBool> {
  if (isSignedIn(actor)) {
    return sql<SqlBool>`1 = 1`;
  }
  const a = sql.table(alias);
  return sql<SqlBool>`(${a}.public = 1 and (${a}.parent_id is null or exists (
    select 1 from agenda_items p where p.id = ${a}.parent_id and p.public = 1 and (
      p.parent_id is null or exists (
        select 1 from agenda_items g where g.id = p.parent_id and g.public = 1)))))`;
}

/** An agenda item (by id expression) that the actor reads, meeting included. */
function agendaItemReadable(actor: Actor, idRef: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from agenda_items vi
    inner join meetings vm on vm.id = vi.meeting_id
    where vi.id = ${idRef} and ${agendaItemVisible(actor, 'vi')} and ${meetingVisible(actor, 'vm')})`;
}

/** A document (by id expression) that the actor reads (documents/access.ts). */
function documentReadable(actor: Actor, idRef: Expression<string>): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.exists(
    eb
      .selectFrom('documents')
      .select('documents.id')
      .where('documents.id', '=', idRef)
      .where(whereDocumentReadable(actor)),
  );
}

const FILE_OWNERS = ['document_version', 'decision', 'agenda_item'] as const;

/** File links whose owner the actor reads (with `file_links` in scope). */
function fileLinkVisible(actor: Actor): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'fileLinks'>();
  const ofDocument = eb.and([
    eb('fileLinks.ownerType', '=', 'document_version'),
    eb.exists(
      eb
        .selectFrom('documentVersions')
        .innerJoin('documents', 'documents.id', 'documentVersions.documentId')
        .select('documentVersions.id')
        .whereRef('documentVersions.id', '=', 'fileLinks.ownerId')
        .where(whereDocumentReadable(actor)),
    ),
  ]);
  const ofAgendaItem = eb.and([
    eb('fileLinks.ownerType', '=', 'agenda_item'),
    agendaItemReadable(actor, sql.ref('file_links.owner_id')),
  ]);
  if (!isSignedIn(actor)) {
    return eb.or([ofDocument, ofAgendaItem]);
  }
  // Decisions are the internal record: every signed-in caller reads them.
  const ofDecision = eb.and([
    eb('fileLinks.ownerType', '=', 'decision'),
    eb.exists(
      eb
        .selectFrom('decisions')
        .select('decisions.id')
        .whereRef('decisions.id', '=', 'fileLinks.ownerId'),
    ),
  ]);
  return eb.or([ofDocument, ofAgendaItem, ofDecision]);
}

// ---- The one Body ------------------------------------------------------------------------------

/**
 * The body OParl publishes as its one Body: the earliest-created commission, else the
 * earliest-created body. Stable while it exists; every other body is an Organization under it.
 */
export async function findRootBodyId(db: Tx): Promise<string | undefined> {
  const row = await db
    .selectFrom('bodies')
    .select('id')
    .orderBy(sql`case when kind = 'commission' then 0 else 1 end`)
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The root body's stored name (the System is named after it). */
export async function findRootBodyName(db: Tx): Promise<string | null> {
  const id = await findRootBodyId(db);
  if (id === undefined) {
    return null;
  }
  const row = await db.selectFrom('bodies').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

const bodyColumns = [
  'bodies.id',
  'bodies.name',
  'bodies.shortName',
  'bodies.kind',
  'bodies.parentId',
  'bodies.established',
  'bodies.createdAt',
] as const;

/** A page of a list in key order: the one object asked for (`only`), or the page after the cursor. */
function pageOf<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  key: string,
  w: Window,
): SelectQueryBuilder<DB, TB, O> {
  let q = query;
  if (w.only !== undefined) {
    q = q.where(sql.ref(key), '=', w.only);
  }
  if (w.after) {
    q = q.where(sql.ref(key), '>', w.after[0] as string);
  }
  return q.orderBy(sql.ref(key)).limit(w.limit);
}

export function fetchRootBody(db: Tx, rootId: string, w: Window) {
  const modified = sql<string>`bodies.updated_at`;
  const query = db
    .selectFrom('bodies')
    .select([...bodyColumns, modified.as('modified')])
    .where('bodies.id', '=', rootId)
    .where(timeWhere(sql`bodies.created_at`, modified, w.filter));
  return pageOf(query, 'bodies.id', w).execute();
}
export type RootBodyRow = Awaited<ReturnType<typeof fetchRootBody>>[number];

/** The earliest instant in the record: the System's `created`. */
export async function firstRecordedAt(db: Tx): Promise<string | undefined> {
  const row = await db
    .selectFrom('auditEvents')
    .select('at')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return row?.at;
}

// ---- Organizations: bodies and member-state delegations ----------------------------------------

export function fetchBodyOrganizations(db: Tx, a: Audience, w: Window) {
  // Memberships are listed (and count as changes) for signed-in callers only.
  const modified = isSignedIn(a.actor)
    ? latest(a.dialect, [
        sql`bodies.updated_at`,
        sql`(select max(ms.updated_at) from memberships ms where ms.body_id = bodies.id)`,
      ])
    : sql<string>`bodies.updated_at`;
  const query = db
    .selectFrom('bodies')
    .select([...bodyColumns, modified.as('modified')])
    .where(timeWhere(sql`bodies.created_at`, modified, w.filter));
  return pageOf(query, 'bodies.id', w).execute();
}
export type BodyOrganizationRow = Awaited<ReturnType<typeof fetchBodyOrganizations>>[number];

export function fetchDelegations(db: Tx, a: Audience, w: Window) {
  const modified = isSignedIn(a.actor)
    ? latest(a.dialect, [
        sql`member_states.updated_at`,
        sql`(select max(ms.updated_at) from memberships ms
          where ms.member_state = member_states.code)`,
      ])
    : sql<string>`member_states.updated_at`;
  const query = db
    .selectFrom('memberStates')
    .select([
      'memberStates.code',
      'memberStates.name',
      'memberStates.status',
      'memberStates.createdAt',
      modified.as('modified'),
    ])
    .where(timeWhere(sql`member_states.created_at`, modified, w.filter));
  return pageOf(query, 'memberStates.code', w).execute();
}
export type DelegationRow = Awaited<ReturnType<typeof fetchDelegations>>[number];

/** The membership ids of the given bodies or member states (signed-in callers only). */
export async function membershipIdsOf(
  db: Tx,
  a: Audience,
  by: 'bodyId' | 'memberState',
  keys: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (keys.length === 0 || !isSignedIn(a.actor)) {
    return out;
  }
  const rows = await db
    .selectFrom('memberships')
    .select(['memberships.id', `memberships.${by} as key`])
    .where(`memberships.${by}`, 'in', keys)
    .orderBy('memberships.id')
    .execute();
  for (const row of rows) {
    if (row.key !== null) {
      out.set(row.key, [...(out.get(row.key) ?? []), row.id]);
    }
  }
  return out;
}

// ---- Persons and memberships (the internal directory: signed-in callers only) ------------------

export function fetchPersons(db: Tx, a: Audience, w: Window) {
  const modified = latest(a.dialect, [
    sql`persons.updated_at`,
    sql`(select max(ms.updated_at) from memberships ms where ms.person_id = persons.id)`,
  ]);
  const query = db
    .selectFrom('persons')
    .select([
      'persons.id',
      'persons.name',
      'persons.memberState',
      'persons.position',
      'persons.createdAt',
      modified.as('modified'),
    ])
    .where(internalRecord(a.actor))
    .where(timeWhere(sql`persons.created_at`, modified, w.filter));
  return pageOf(query, 'persons.id', w).execute();
}
export type PersonRow = Awaited<ReturnType<typeof fetchPersons>>[number];

function selectMemberships(db: Tx) {
  return db
    .selectFrom('memberships')
    .select([
      'memberships.id',
      'memberships.personId',
      'memberships.bodyId',
      'memberships.role',
      'memberships.memberState',
      'memberships.dateFrom',
      'memberships.dateTo',
      'memberships.createdAt',
      'memberships.updatedAt as modified',
    ]);
}
export type MembershipRow = Awaited<
  ReturnType<ReturnType<typeof selectMemberships>['execute']>
>[number];

export function fetchMemberships(db: Tx, a: Audience, w: Window) {
  const query = selectMemberships(db)
    .where(internalRecord(a.actor))
    .where(timeWhere(sql`memberships.created_at`, sql`memberships.updated_at`, w.filter));
  return pageOf(query, 'memberships.id', w).execute();
}

export function membershipsOfPersons(db: Tx, personIds: string[]): Promise<MembershipRow[]> {
  if (personIds.length === 0) {
    return Promise.resolve([]);
  }
  return selectMemberships(db)
    .where('memberships.personId', 'in', personIds)
    .orderBy('memberships.id')
    .execute();
}

// ---- Meetings, locations and agenda items ------------------------------------------------------

/** A meeting's latest change: itself, its visible agenda items, their files and documents. */
/**
 * A meeting's latest change: itself and its visible agenda items with what they carry. The same
 * expression filters (modified_since …) and is shown, so a sync misses nothing it was shown.
 */
function meetingModified(a: Audience): RawBuilder<string> {
  return latest(a.dialect, [
    sql`meetings.updated_at`,
    sql`(select max(${agendaItemModified(a, 'ai')}) from agenda_items ai
      where ai.meeting_id = meetings.id and ${agendaItemVisible(a.actor, 'ai')})`,
  ]);
}

function selectMeetings(db: Tx, a: Audience) {
  return db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select([
      'meetings.id',
      'meetings.bodyId',
      'meetings.number',
      'meetings.kind',
      'meetings.status',
      'meetings.startDate',
      'meetings.endDate',
      'meetings.startTime',
      'meetings.timeZone',
      'meetings.location',
      'meetings.createdAt',
      'meetings.updatedAt',
      'bodies.name as bodyName',
      'bodies.nameGenitive as bodyNameGenitive',
      meetingModified(a).as('modified'),
    ])
    .where(meetingVisible(a.actor));
}
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof selectMeetings>['execute']>>[number];

export function fetchMeetings(db: Tx, a: Audience, w: Window) {
  const query = selectMeetings(db, a).where(
    timeWhere(sql`meetings.created_at`, meetingModified(a), w.filter),
  );
  return pageOf(query, 'meetings.id', w).execute();
}

/** Meetings with a place: each place is an OParl Location (its meeting's changes date it). */
export function fetchLocations(db: Tx, a: Audience, w: Window) {
  const query = db
    .selectFrom('meetings')
    .select([
      'meetings.id',
      'meetings.bodyId',
      'meetings.location',
      'meetings.createdAt',
      'meetings.updatedAt as modified',
    ])
    .where('meetings.location', 'is not', null)
    .where(meetingVisible(a.actor))
    .where(timeWhere(sql`meetings.created_at`, sql`meetings.updated_at`, w.filter));
  return pageOf(query, 'meetings.id', w).execute();
}
export type LocationRow = Awaited<ReturnType<typeof fetchLocations>>[number];

export async function participantsOf(
  db: Tx,
  a: Audience,
  meetingIds: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (meetingIds.length === 0 || !isSignedIn(a.actor)) {
    return out;
  }
  const rows = await db
    .selectFrom('participants')
    .select(['meetingId', 'personId'])
    .where('meetingId', 'in', meetingIds)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    out.set(row.meetingId, [...(out.get(row.meetingId) ?? []), row.personId]);
  }
  return out;
}

/**
 * An agenda item's latest change: itself, its files, the documents linked to it and (for
 * signed-in callers) the decisions adopted under it, as far as the caller reads them.
 */
function agendaItemModified(a: Audience, alias = 'agenda_items'): RawBuilder<string> {
  const item = sql.table(alias);
  return latest(a.dialect, [
    sql`${item}.updated_at`,
    sql`(select max(fl.created_at) from file_links fl
      where fl.owner_type = 'agenda_item' and fl.owner_id = ${item}.id)`,
    sql`(select max(ad.created_at) from agenda_item_documents ad
      where ad.agenda_item_id = ${item}.id
        and ${documentReadable(a.actor, sql.ref<string>('ad.document_id'))})`,
    isSignedIn(a.actor)
      ? sql`(select max(d.updated_at) from decisions d where d.agenda_item_id = ${item}.id)`
      : sql`null`,
  ]);
}

function selectAgendaItems(db: Tx, a: Audience) {
  return db
    .selectFrom('agendaItems')
    .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
    .select([
      'agendaItems.id',
      'agendaItems.meetingId',
      'agendaItems.parentId',
      'agendaItems.ordinal',
      'agendaItems.title',
      'agendaItems.public',
      'agendaItems.createdAt',
      agendaItemModified(a).as('modified'),
    ])
    .where(meetingVisible(a.actor))
    .where(agendaItemVisible(a.actor));
}
export type AgendaItemRow = Awaited<
  ReturnType<ReturnType<typeof selectAgendaItems>['execute']>
>[number];

export function fetchAgendaItems(db: Tx, a: Audience, w: Window) {
  const query = selectAgendaItems(db, a).where(
    timeWhere(sql`agenda_items.created_at`, agendaItemModified(a), w.filter),
  );
  return pageOf(query, 'agendaItems.id', w).execute();
}

/** Every visible item of the given meetings: their numbering depends on the whole agenda. */
export function agendaItemsOfMeetings(
  db: Tx,
  a: Audience,
  meetingIds: string[],
): Promise<AgendaItemRow[]> {
  if (meetingIds.length === 0) {
    return Promise.resolve([]);
  }
  return selectAgendaItems(db, a)
    .where('agendaItems.meetingId', 'in', meetingIds)
    .orderBy('agendaItems.ordinal')
    .orderBy('agendaItems.id')
    .execute();
}

// ---- Papers: documents and decisions -----------------------------------------------------------

function documentModified(a: Audience): RawBuilder<string> {
  return latest(a.dialect, [
    sql`documents.updated_at`,
    sql`(select max(ad.created_at) from agenda_item_documents ad
      where ad.document_id = documents.id
        and ${agendaItemReadable(a.actor, sql.ref('ad.agenda_item_id'))})`,
  ]);
}

export function fetchDocuments(db: Tx, a: Audience, w: Window) {
  const modified = documentModified(a);
  const query = db
    .selectFrom('documents')
    .select([
      'documents.id',
      'documents.title',
      'documents.kind',
      'documents.bodyId',
      'documents.status',
      'documents.adoptedByDecisionId',
      'documents.createdAt',
      modified.as('modified'),
    ])
    .where(whereDocumentReadable(a.actor))
    .where(timeWhere(sql`documents.created_at`, modified, w.filter));
  return pageOf(query, 'documents.id', w).execute();
}
export type DocumentRow = Awaited<ReturnType<typeof fetchDocuments>>[number];

function decisionModified(a: Audience): RawBuilder<string> {
  return latest(a.dialect, [
    sql`decisions.updated_at`,
    sql`(select max(fl.created_at) from file_links fl
      where fl.owner_type = 'decision' and fl.owner_id = decisions.id)`,
  ]);
}

export function fetchDecisions(db: Tx, a: Audience, w: Window) {
  const modified = decisionModified(a);
  const query = db
    .selectFrom('decisions')
    .select([
      'decisions.id',
      'decisions.bodyId',
      'decisions.meetingId',
      'decisions.agendaItemId',
      'decisions.number',
      'decisions.kind',
      'decisions.title',
      'decisions.adoptedOn',
      'decisions.createdAt',
      'decisions.updatedAt',
      modified.as('modified'),
    ])
    .where(internalRecord(a.actor))
    .where(timeWhere(sql`decisions.created_at`, modified, w.filter));
  return pageOf(query, 'decisions.id', w).execute();
}
export type DecisionRow = Awaited<ReturnType<typeof fetchDecisions>>[number];

/** Documents adopted by the given decisions, as the caller reads them. */
export async function documentsAdoptedBy(
  db: Tx,
  a: Audience,
  decisionIds: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (decisionIds.length === 0) {
    return out;
  }
  const rows = await db
    .selectFrom('documents')
    .select(['documents.id', 'documents.adoptedByDecisionId'])
    .where('documents.adoptedByDecisionId', 'in', decisionIds)
    .where(whereDocumentReadable(a.actor))
    .orderBy('documents.id')
    .execute();
  for (const row of rows) {
    const key = row.adoptedByDecisionId as string;
    out.set(key, [...(out.get(key) ?? []), row.id]);
  }
  return out;
}

/** Whether the caller reads these decisions (a document names the decision that adopted it). */
export async function readableDecisionIds(
  db: Tx,
  a: Audience,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0 || !isSignedIn(a.actor)) {
    return new Set();
  }
  const rows = await db.selectFrom('decisions').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

// ---- Consultations: a paper under an agenda item ------------------------------------------------

function selectDocumentConsultations(db: Tx, a: Audience) {
  return db
    .selectFrom('agendaItemDocuments')
    .innerJoin('agendaItems', 'agendaItems.id', 'agendaItemDocuments.agendaItemId')
    .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
    .select([
      'agendaItemDocuments.agendaItemId',
      'agendaItemDocuments.documentId as paperId',
      'agendaItemDocuments.position',
      'agendaItems.meetingId',
      'meetings.bodyId',
      'agendaItemDocuments.createdAt',
      'agendaItemDocuments.createdAt as modified',
    ])
    .where(meetingVisible(a.actor))
    .where(agendaItemVisible(a.actor))
    .where(documentReadable(a.actor, sql.ref<string>('agenda_item_documents.document_id')));
}
export type DocumentConsultationRow = Awaited<
  ReturnType<ReturnType<typeof selectDocumentConsultations>['execute']>
>[number];

export function fetchDocumentConsultations(
  db: Tx,
  a: Audience,
  w: Window & { onlyPair?: [string, string] },
) {
  let query = selectDocumentConsultations(db, a).where(
    timeWhere(
      sql`agenda_item_documents.created_at`,
      sql`agenda_item_documents.created_at`,
      w.filter,
    ),
  );
  if (w.onlyPair) {
    query = query
      .where('agendaItemDocuments.agendaItemId', '=', w.onlyPair[0])
      .where('agendaItemDocuments.documentId', '=', w.onlyPair[1]);
  }
  if (w.after) {
    const [itemId, paperId] = w.after as [string, string];
    query = query.where((eb) =>
      eb.or([
        eb('agendaItemDocuments.agendaItemId', '>', itemId),
        eb.and([
          eb('agendaItemDocuments.agendaItemId', '=', itemId),
          eb('agendaItemDocuments.documentId', '>', paperId),
        ]),
      ]),
    );
  }
  return query
    .orderBy('agendaItemDocuments.agendaItemId')
    .orderBy('agendaItemDocuments.documentId')
    .limit(w.limit)
    .execute();
}

/** The document consultations of the given agenda items or of the given documents. */
export function documentConsultationsOf(
  db: Tx,
  a: Audience,
  by: 'agendaItemId' | 'documentId',
  ids: string[],
): Promise<DocumentConsultationRow[]> {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return selectDocumentConsultations(db, a)
    .where(`agendaItemDocuments.${by}`, 'in', ids)
    .orderBy('agendaItemDocuments.position')
    .orderBy('agendaItemDocuments.documentId')
    .execute();
}

function selectDecisionConsultations(db: Tx, a: Audience) {
  return db
    .selectFrom('decisions')
    .innerJoin('agendaItems', 'agendaItems.id', 'decisions.agendaItemId')
    .select([
      'decisions.agendaItemId',
      'decisions.id as paperId',
      'agendaItems.meetingId',
      'decisions.bodyId',
      'decisions.createdAt',
      'decisions.updatedAt as modified',
    ])
    .where(internalRecord(a.actor));
}
export type DecisionConsultationRow = Awaited<
  ReturnType<ReturnType<typeof selectDecisionConsultations>['execute']>
>[number];

export function fetchDecisionConsultations(
  db: Tx,
  a: Audience,
  w: Window & { onlyPair?: [string, string] },
) {
  let query = selectDecisionConsultations(db, a).where(
    timeWhere(sql`decisions.created_at`, sql`decisions.updated_at`, w.filter),
  );
  if (w.onlyPair) {
    query = query
      .where('decisions.agendaItemId', '=', w.onlyPair[0])
      .where('decisions.id', '=', w.onlyPair[1]);
  }
  if (w.after) {
    const [itemId, paperId] = w.after as [string, string];
    query = query.where((eb) =>
      eb.or([
        eb('decisions.agendaItemId', '>', itemId),
        eb.and([eb('decisions.agendaItemId', '=', itemId), eb('decisions.id', '>', paperId)]),
      ]),
    );
  }
  return query.orderBy('decisions.agendaItemId').orderBy('decisions.id').limit(w.limit).execute();
}

export function decisionConsultationsOf(
  db: Tx,
  a: Audience,
  agendaItemIds: string[],
): Promise<DecisionConsultationRow[]> {
  if (agendaItemIds.length === 0) {
    return Promise.resolve([]);
  }
  return selectDecisionConsultations(db, a)
    .where('decisions.agendaItemId', 'in', agendaItemIds)
    .orderBy('decisions.sortKey')
    .orderBy('decisions.id')
    .execute();
}

// ---- Files ---------------------------------------------------------------------------------------

function selectFileLinks(db: Tx, a: Audience) {
  return db
    .selectFrom('fileLinks')
    .innerJoin('files', 'files.sha256', 'fileLinks.sha256')
    .leftJoin('documentVersions', (join) =>
      join
        .onRef('documentVersions.id', '=', 'fileLinks.ownerId')
        .on('fileLinks.ownerType', '=', 'document_version'),
    )
    .leftJoin('agendaItems', (join) =>
      join
        .onRef('agendaItems.id', '=', 'fileLinks.ownerId')
        .on('fileLinks.ownerType', '=', 'agenda_item'),
    )
    .select([
      'fileLinks.id',
      'fileLinks.sha256',
      'fileLinks.ownerType',
      'fileLinks.ownerId',
      'fileLinks.name',
      'fileLinks.createdAt',
      'fileLinks.createdAt as modified',
      'files.size',
      'files.mediaType',
      'documentVersions.documentId',
      'documentVersions.number as versionNumber',
      'agendaItems.meetingId',
    ])
    .where('fileLinks.ownerType', 'in', [...FILE_OWNERS])
    .where(fileLinkVisible(a.actor));
}
export type FileRow = Awaited<ReturnType<ReturnType<typeof selectFileLinks>['execute']>>[number];

export function fetchFiles(db: Tx, a: Audience, w: Window) {
  const query = selectFileLinks(db, a).where(
    timeWhere(sql`file_links.created_at`, sql`file_links.created_at`, w.filter),
  );
  return pageOf(query, 'fileLinks.id', w).execute();
}

/** The visible files of the given owners, oldest first. */
export function filesOf(
  db: Tx,
  a: Audience,
  ownerType: (typeof FILE_OWNERS)[number],
  ownerIds: string[],
): Promise<FileRow[]> {
  if (ownerIds.length === 0) {
    return Promise.resolve([]);
  }
  return selectFileLinks(db, a)
    .where('fileLinks.ownerType', '=', ownerType)
    .where('fileLinks.ownerId', 'in', ownerIds)
    .orderBy('fileLinks.createdAt')
    .orderBy('fileLinks.id')
    .execute();
}

/** The file links of the versions of the given documents, newest version first. */
export function filesOfDocuments(db: Tx, a: Audience, documentIds: string[]): Promise<FileRow[]> {
  if (documentIds.length === 0) {
    return Promise.resolve([]);
  }
  return selectFileLinks(db, a)
    .where('documentVersions.documentId', 'in', documentIds)
    .orderBy('documentVersions.number', 'desc')
    .orderBy('fileLinks.id')
    .execute();
}

// ---- Deleted objects -----------------------------------------------------------------------------

/** Audit entity types whose deletion leaves an OParl tombstone, and who may see it. */
export const TOMBSTONE_TYPES = {
  meeting: 'Meeting',
  agenda_item: 'AgendaItem',
  document: 'Paper',
  decision: 'Paper',
  person: 'Person',
  membership: 'Membership',
  body: 'Organization',
  member_state: 'Organization',
} as const;
export type TombstoneEntity = keyof typeof TOMBSTONE_TYPES;

/**
 * Deletions the actor may learn of (DESIGN §3: no hint of what it never could read): bodies and
 * member states are public; a meeting was public when it had been announced; an agenda item when
 * it was public in a meeting the caller still reads; decisions, persons and memberships are the
 * internal record; a deleted document's classification is not in its audit event, so only the
 * secretariat sees those.
 */
function tombstoneVisible(actor: Actor): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'auditEvents'>();
  const type = (t: TombstoneEntity) => eb('auditEvents.entityType', '=', t);
  if (isStaff(actor)) {
    return sql<SqlBool>`1 = 1`;
  }
  const open = [type('body'), type('member_state')];
  if (isSignedIn(actor)) {
    return eb.or([
      ...open,
      type('meeting'),
      type('agenda_item'),
      type('decision'),
      type('person'),
      type('membership'),
    ]);
  }
  return eb.or([
    ...open,
    eb.and([type('meeting'), wasAnnounced(sql`audit_events.entity_id`)]),
    eb.and([
      type('agenda_item'),
      eb('auditEvents.change', 'like', '%"public":true%'),
      // The meeting named in the deleted item's snapshot is one the caller still reads.
      sql<SqlBool>`exists (select 1 from meetings where ${meetingVisible(actor)}
        and audit_events.change like '%"meetingId":"' || meetings.id || '"%')`,
    ]),
  ]);
}

export interface TombstoneRow {
  entityType: string;
  entityId: string;
  at: string;
}

/** Deletions of the given entity types in the window, ordered by id, as the actor may see them. */
export function fetchTombstones(
  db: Tx,
  a: Audience,
  types: readonly TombstoneEntity[],
  w: Window,
): Promise<TombstoneRow[]> {
  const query = db
    .selectFrom('auditEvents')
    .select(['auditEvents.entityType', 'auditEvents.entityId', 'auditEvents.at'])
    .where('auditEvents.action', '=', 'delete')
    .where('auditEvents.entityType', 'in', [...types])
    .where(tombstoneVisible(a.actor))
    .where(timeWhere(sql`audit_events.at`, sql`audit_events.at`, w.filter));
  return pageOf(query, 'auditEvents.entityId', w).execute();
}

/** When the deleted entities were created (their first audit event), by id. */
export async function createdAtOf(
  db: Tx,
  rows: readonly TombstoneRow[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (rows.length === 0) {
    return out;
  }
  const found = await db
    .selectFrom('auditEvents')
    .select(['entityId', (eb) => eb.fn.min('at').as('at')])
    .where(
      'entityType',
      'in',
      rows.map((r) => r.entityType),
    )
    .where(
      'entityId',
      'in',
      rows.map((r) => r.entityId),
    )
    .groupBy('entityId')
    .execute();
  for (const row of found) {
    out.set(row.entityId, row.at as string);
  }
  return out;
}
