import type {
  AgendaItemDocument,
  Consultation,
  ConsultationComment,
  ConsultationOutcome,
  ConsultationPosition,
  ConsultationStatus,
  RoundSummary,
  StatePosition,
} from '@plenum/shared';
import { type Insertable, type Selectable, sql } from 'kysely';
import type {
  ConsultationCommentTable,
  ConsultationStateTable,
  ConsultationTable,
} from '../../db/tables/consultations.ts';
import type { Actor, Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { whereDocumentReadable } from '../documents/access.ts';

export type ConsultationRow = Selectable<ConsultationTable>;
export type StateRow = Selectable<ConsultationStateTable>;
export type CommentRow = Selectable<ConsultationCommentTable>;

/** DESIGN §3 on the joined `documents` row: rounds of unreadable documents are never fetched. */
const readable = (actor: Actor) => whereDocumentReadable(actor);

// ---- Rounds ----------------------------------------------------------------------------------

/**
 * A round with its document, its version's number, and the previous round of the same document
 * (with whether the version's text or file changed since), in one query.
 */
function roundsQuery(db: Tx, actor: Actor) {
  return db
    .selectFrom('consultations')
    .innerJoin('documents', 'documents.id', 'consultations.documentId')
    .innerJoin('documentVersions as v', 'v.id', 'consultations.versionId')
    .leftJoin('consultations as p', (join) =>
      join
        .onRef('p.documentId', '=', 'consultations.documentId')
        .on('p.round', '=', sql<number>`consultations.round - 1`),
    )
    .leftJoin('documentVersions as pv', 'pv.id', 'p.versionId')
    .selectAll('consultations')
    .select([
      'documents.title as documentTitle',
      'documents.kind as documentKind',
      'documents.status as documentStatus',
      'v.number as versionNumber',
      'p.id as previousId',
      'p.round as previousRound',
      'p.outcome as previousOutcome',
      'pv.number as previousVersionNumber',
      sql<number>`(case when p.id is null then 0
        when coalesce(v.text, '') <> coalesce(pv.text, '')
          or coalesce(v.file_sha256, '') <> coalesce(pv.file_sha256, '') then 1
        else 0 end)`.as('changed'),
    ])
    .where(readable(actor));
}

export type RoundRow = Awaited<ReturnType<ReturnType<typeof roundsQuery>['execute']>>[number];

export const findRound = (db: Tx, actor: Actor, id: string) =>
  roundsQuery(db, actor).where('consultations.id', '=', id).executeTakeFirst();

export interface RoundFilters {
  documentId?: string;
  status?: ConsultationStatus;
  memberState?: string;
  councilMeetingId?: string;
  /** Rounds tied to a council meeting held in preparation of this meeting. */
  parentMeetingId?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
}

/** Rounds newest first (ids are time-ordered), only of documents the actor may read. */
export function listRounds(
  db: Tx,
  actor: Actor,
  f: RoundFilters,
  after: string | null,
  limit: number,
) {
  let query = roundsQuery(db, actor);
  if (f.documentId) {
    query = query.where('consultations.documentId', '=', f.documentId);
  }
  if (f.status) {
    query = query.where('consultations.status', '=', f.status);
  }
  if (f.councilMeetingId) {
    query = query.where('consultations.councilMeetingId', '=', f.councilMeetingId);
  }
  if (f.deadlineFrom) {
    query = query.where('consultations.deadline', '>=', f.deadlineFrom);
  }
  if (f.deadlineTo) {
    query = query.where('consultations.deadline', '<=', f.deadlineTo);
  }
  if (f.memberState) {
    const state = f.memberState;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('consultationStates as s')
          .select('s.consultationId')
          .whereRef('s.consultationId', '=', 'consultations.id')
          .where('s.memberState', '=', state),
      ),
    );
  }
  if (after) {
    query = query.where('consultations.id', '<', after);
  }
  return query
    .orderBy('consultations.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export const listStates = (db: Tx, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as StateRow[])
    : db
        .selectFrom('consultationStates')
        .selectAll()
        .where('consultationId', 'in', ids)
        .orderBy('consultationId')
        .orderBy('memberState')
        .execute();

export const findState = (db: Tx, consultationId: string, memberState: string) =>
  db
    .selectFrom('consultationStates')
    .selectAll()
    .where('consultationId', '=', consultationId)
    .where('memberState', '=', memberState)
    .executeTakeFirst();

/** Comment counts per round: total and not yet resolved. */
export async function commentCounts(
  db: Tx,
  ids: string[],
): Promise<Map<string, { total: number; unresolved: number }>> {
  const out = new Map<string, { total: number; unresolved: number }>();
  if (ids.length === 0) {
    return out;
  }
  const rows = await db
    .selectFrom('consultationComments')
    .select([
      'consultationId',
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when resolution is null then 1 else 0 end)`.as('unresolved'),
    ])
    .where('consultationId', 'in', ids)
    .groupBy('consultationId')
    .execute();
  for (const row of rows) {
    out.set(row.consultationId, { total: Number(row.total), unresolved: Number(row.unresolved) });
  }
  return out;
}

export function mapPosition(row: StateRow): StatePosition {
  return {
    consultationId: row.consultationId,
    memberState: row.memberState,
    position: row.position as ConsultationPosition | null,
    note: parseTextOrNull(row.positionNote),
    positionAt: row.positionAt,
    positionBy: row.positionBy,
    version: row.version,
  };
}

/** The round as the API shows it; `today` decides whether the deadline has passed. */
export function mapRound(
  row: RoundRow,
  states: StateRow[],
  comments: { total: number; unresolved: number },
  today: string,
): Consultation {
  const positions = states.map(mapPosition);
  const count = (p: ConsultationPosition) => positions.filter((s) => s.position === p).length;
  const answered = positions.filter((s) => s.position !== null).length;
  const hasPrevious =
    row.previousId !== null && row.previousRound !== null && row.previousVersionNumber !== null;
  return {
    id: row.id,
    document: {
      id: row.documentId,
      title: parseText(row.documentTitle),
      kind: row.documentKind,
      status: row.documentStatus,
    },
    versionId: row.versionId,
    versionNumber: row.versionNumber,
    round: row.round,
    memberStates: states.map((s) => s.memberState),
    deadline: row.deadline,
    deadlinePassed: today > row.deadline,
    silenceProcedure: row.silenceProcedure === 1,
    councilMeetingId: row.councilMeetingId,
    status: row.status as ConsultationStatus,
    outcome: row.outcome as ConsultationOutcome | null,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    previousRound: hasPrevious
      ? {
          id: row.previousId as string,
          round: row.previousRound as number,
          versionNumber: row.previousVersionNumber as number,
          outcome: row.previousOutcome as ConsultationOutcome | null,
        }
      : null,
    changedFromPrevious: Number(row.changed) === 1,
    compareLink: hasPrevious
      ? `/documents/${row.documentId}/versions/compare?from=${row.previousVersionNumber}&to=${row.versionNumber}`
      : null,
    positions,
    answers: {
      answered,
      concur: count('concur'),
      concurWithComments: count('concur_with_comments'),
      object: count('object'),
      abstain: count('abstain'),
      pending: positions.length - answered,
    },
    comments,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The rounds of a document, latest first, with their versions' numbers. */
export const listDocumentRounds = (db: Tx, documentId: string) =>
  db
    .selectFrom('consultations')
    .innerJoin('documentVersions as v', 'v.id', 'consultations.versionId')
    .select([
      'consultations.id',
      'consultations.round',
      'consultations.status',
      'consultations.versionId',
      'v.number as versionNumber',
    ])
    .where('consultations.documentId', '=', documentId)
    .orderBy('consultations.round', 'desc')
    .execute();

export const insertRound = (db: Tx, row: Insertable<ConsultationTable>) =>
  db.insertInto('consultations').values(row).execute();

export const insertStates = (db: Tx, rows: Insertable<ConsultationStateTable>[]) =>
  db.insertInto('consultationStates').values(rows).execute();

/** Updates a round if it is still at `version`; returns the number of rows changed (0: stale). */
export async function updateRound(
  db: Tx,
  id: string,
  version: number,
  values: Partial<ConsultationRow>,
): Promise<number> {
  const result = await db
    .updateTable('consultations')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function updateState(
  db: Tx,
  consultationId: string,
  memberState: string,
  version: number,
  values: Partial<StateRow>,
): Promise<number> {
  const result = await db
    .updateTable('consultationStates')
    .set(values)
    .where('consultationId', '=', consultationId)
    .where('memberState', '=', memberState)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- Documents, versions, states and meetings the rounds refer to ----------------------------

export const findDocument = (db: Tx, id: string) =>
  db
    .selectFrom('documents')
    .select([
      'id',
      'title',
      'kind',
      'status',
      'classification',
      'accessList',
      'latestVersion',
      'version',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

export const findVersion = (db: Tx, documentId: string, where: { id?: string; number?: number }) =>
  db
    .selectFrom('documentVersions')
    .select(['id', 'number'])
    .where('documentId', '=', documentId)
    .$if(where.id !== undefined, (q) => q.where('id', '=', where.id as string))
    .$if(where.number !== undefined, (q) => q.where('number', '=', where.number as number))
    .executeTakeFirst();

/** PostgreSQL: holds the document row until the transaction ends, so rounds open one at a time. */
export async function lockDocument(db: Tx, id: string): Promise<void> {
  await sql`select id from documents where id = ${id} for update`.execute(db);
}

export const findMemberStates = (db: Tx, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([] as { code: string; status: string }[])
    : db.selectFrom('memberStates').select(['code', 'status']).where('code', 'in', codes).execute();

export const findMeetingWithBody = (db: Tx, id: string) =>
  db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select(['meetings.id', 'meetings.status', 'meetings.parentMeetingId', 'bodies.kind'])
    .where('meetings.id', '=', id)
    .executeTakeFirst();

// ---- Comments --------------------------------------------------------------------------------

export function mapComment(row: CommentRow): ConsultationComment {
  return {
    id: row.id,
    consultationId: row.consultationId,
    number: row.number,
    memberState: row.memberState,
    clause: row.clause,
    comment: parseText(row.comment),
    proposedText: parseTextOrNull(row.proposedText),
    resolution: row.resolution as ConsultationComment['resolution'],
    response: parseTextOrNull(row.response),
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
    createdBy: row.createdBy,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export interface CommentFilters {
  memberState?: string;
  resolved?: boolean;
}

/** A round's comments in the order of the consolidated table (by number). */
export function listComments(
  db: Tx,
  consultationId: string,
  f: CommentFilters,
  after: number | null,
  limit: number | null,
) {
  let query = db
    .selectFrom('consultationComments')
    .selectAll()
    .where('consultationId', '=', consultationId);
  if (f.memberState) {
    query = query.where('memberState', '=', f.memberState);
  }
  if (f.resolved === true) {
    query = query.where('resolution', 'is not', null);
  } else if (f.resolved === false) {
    query = query.where('resolution', 'is', null);
  }
  if (after !== null) {
    query = query.where('number', '>', after);
  }
  query = query.orderBy('number');
  return limit === null ? query.execute() : query.limit(limit + 1).execute();
}

export const findComment = (db: Tx, consultationId: string, id: string) =>
  db
    .selectFrom('consultationComments')
    .selectAll()
    .where('consultationId', '=', consultationId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function nextCommentNumber(db: Tx, consultationId: string): Promise<number> {
  const row = await db
    .selectFrom('consultationComments')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('consultationId', '=', consultationId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export const insertComment = (db: Tx, row: Insertable<ConsultationCommentTable>) =>
  db.insertInto('consultationComments').values(row).execute();

export async function updateComment(
  db: Tx,
  id: string,
  version: number,
  values: Partial<CommentRow>,
): Promise<number> {
  const result = await db
    .updateTable('consultationComments')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteComment(db: Tx, id: string, version: number): Promise<number> {
  const result = await db
    .deleteFrom('consultationComments')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- Council → commission, agenda items -------------------------------------------------------

/** Latest round of each given document (readable or not: callers pass readable documents). */
export async function latestRounds(
  db: Tx,
  documentIds: string[],
): Promise<Map<string, RoundSummary>> {
  const out = new Map<string, RoundSummary>();
  if (documentIds.length === 0) {
    return out;
  }
  const rows = await db
    .selectFrom('consultations as c')
    .innerJoin('documentVersions as v', 'v.id', 'c.versionId')
    .select([
      'c.id',
      'c.documentId',
      'c.round',
      'c.status',
      'c.outcome',
      'c.deadline',
      'c.councilMeetingId',
      'v.number as versionNumber',
    ])
    .where('c.documentId', 'in', documentIds)
    .where(({ eb, selectFrom }) =>
      eb(
        'c.round',
        '=',
        selectFrom('consultations as l')
          .select((e) => e.fn.max('l.round').as('max'))
          .whereRef('l.documentId', '=', 'c.documentId'),
      ),
    )
    .execute();
  for (const r of rows) {
    out.set(r.documentId, {
      id: r.id,
      round: r.round,
      versionNumber: r.versionNumber,
      status: r.status as ConsultationStatus,
      outcome: r.outcome as ConsultationOutcome | null,
      deadline: r.deadline,
      councilMeetingId: r.councilMeetingId,
    });
  }
  return out;
}

/**
 * Documents whose latest round was tied to a council meeting held in preparation of the given
 * (commission) meeting, readable by the actor, by document id.
 */
export function listDocumentsReady(
  db: Tx,
  actor: Actor,
  meetingId: string,
  after: string | null,
  limit: number,
) {
  let query = db
    .selectFrom('consultations as c')
    .innerJoin('meetings as cm', 'cm.id', 'c.councilMeetingId')
    .innerJoin('documents', 'documents.id', 'c.documentId')
    .innerJoin('documentVersions as v', 'v.id', 'c.versionId')
    .select([
      'documents.id as documentId',
      'documents.title',
      'documents.kind',
      'documents.status as documentStatus',
      'c.id',
      'c.round',
      'c.status',
      'c.outcome',
      'c.deadline',
      'c.councilMeetingId',
      'v.number as versionNumber',
    ])
    .where('cm.parentMeetingId', '=', meetingId)
    .where(({ eb, selectFrom }) =>
      eb(
        'c.round',
        '=',
        selectFrom('consultations as l')
          .select((e) => e.fn.max('l.round').as('max'))
          .whereRef('l.documentId', '=', 'c.documentId'),
      ),
    )
    .where(readable(actor));
  if (after) {
    query = query.where('documents.id', '>', after);
  }
  return query
    .orderBy('documents.id')
    .limit(limit + 1)
    .execute();
}

export type ReadyRow = Awaited<ReturnType<typeof listDocumentsReady>>[number];

export function listAgendaItemDocuments(db: Tx, actor: Actor, agendaItemId: string) {
  return db
    .selectFrom('agendaItemDocuments as a')
    .innerJoin('documents', 'documents.id', 'a.documentId')
    .select([
      'a.agendaItemId',
      'a.documentId',
      'a.position',
      'a.createdAt',
      'documents.title',
      'documents.kind',
      'documents.status',
    ])
    .where('a.agendaItemId', '=', agendaItemId)
    .where(readable(actor))
    .orderBy('a.position')
    .orderBy('a.documentId')
    .execute();
}

export type AgendaDocumentRow = Awaited<ReturnType<typeof listAgendaItemDocuments>>[number];

export function mapAgendaItemDocument(
  row: AgendaDocumentRow,
  latest: RoundSummary | null,
): AgendaItemDocument {
  return {
    agendaItemId: row.agendaItemId,
    documentId: row.documentId,
    position: row.position,
    document: {
      id: row.documentId,
      title: parseText(row.title),
      kind: row.kind,
      status: row.status,
    },
    latestRound: latest,
    createdAt: row.createdAt,
  };
}

export const findAgendaItem = (db: Tx, meetingId: string, itemId: string) =>
  db
    .selectFrom('agendaItems')
    .select(['id', 'meetingId'])
    .where('id', '=', itemId)
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();

export async function nextAgendaDocumentPosition(db: Tx, agendaItemId: string): Promise<number> {
  const row = await db
    .selectFrom('agendaItemDocuments')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('agendaItemId', '=', agendaItemId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function deleteAgendaItemDocument(
  db: Tx,
  agendaItemId: string,
  documentId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('agendaItemDocuments')
    .where('agendaItemId', '=', agendaItemId)
    .where('documentId', '=', documentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Member states' names by code (JSON LocalizedText parsed), for exports. */
export async function stateNames(db: Tx, codes: string[]) {
  const out = new Map<string, ReturnType<typeof parseText>>();
  if (codes.length === 0) {
    return out;
  }
  const rows = await db
    .selectFrom('memberStates')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .execute();
  for (const row of rows) {
    out.set(row.code, parseText(row.name));
  }
  return out;
}
