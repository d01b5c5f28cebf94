import type { Insertable } from 'kysely';
import type { MinutesRevisionTable } from '../../db/tables/minutes.ts';
import { decisionStatusSql } from '../../modules/decisions/repository.ts';
import { whereDocumentReadable } from '../../modules/documents/access.ts';
import type { Actor, Tx } from '../../platform/context.ts';

/** The queries of the minutes: what they are assembled from, and their revisions. */

export const findMeetingWithBody = (db: Tx, id: string) =>
  db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .selectAll('meetings')
    .select([
      'bodies.name as bodyName',
      'bodies.nameGenitive as bodyNameGenitive',
      'bodies.shortName as bodyShortName',
      'bodies.kind as bodyKind',
    ])
    .where('meetings.id', '=', id)
    .executeTakeFirst();

export type MeetingWithBodyRow = NonNullable<Awaited<ReturnType<typeof findMeetingWithBody>>>;

export async function findPersons(db: Tx, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .selectFrom('persons')
    .select(['id', 'name', 'position', 'memberState'])
    .where('id', 'in', ids)
    .execute();
}

export const listParticipants = (db: Tx, meetingId: string) =>
  db
    .selectFrom('participants')
    .innerJoin('persons', 'persons.id', 'participants.personId')
    .select([
      'participants.id',
      'participants.personId',
      'participants.role',
      'participants.memberState',
      'participants.bodyId',
      'participants.notable',
      'persons.name',
      'persons.position',
      'persons.memberState as personMemberState',
    ])
    .where('participants.meetingId', '=', meetingId)
    .orderBy('participants.id')
    .execute();

export async function findStateNames(db: Tx, codes: string[]) {
  if (codes.length === 0) {
    return [];
  }
  return db
    .selectFrom('memberStates')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .execute();
}

export async function findBodyNames(db: Tx, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('bodies').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The decisions adopted at a meeting, in the order of their numbers. */
export const listMeetingDecisions = (db: Tx, meetingId: string, today: string) =>
  db
    .selectFrom('decisions')
    .select([
      'decisions.id',
      'decisions.agendaItemId',
      'decisions.number',
      'decisions.kind',
      'decisions.title',
      'decisions.text',
      'decisions.adoptedOn',
      'decisions.ordinal',
    ])
    .select(decisionStatusSql(today).as('status'))
    .where('decisions.meetingId', '=', meetingId)
    .orderBy('decisions.ordinal')
    .orderBy('decisions.number')
    .execute();

/** The text and derived status of decisions by id (those adopted by written procedure). */
export const listDecisionStatuses = (db: Tx, ids: string[], today: string) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('decisions')
        .select(['decisions.id', 'decisions.text'])
        .select(decisionStatusSql(today).as('status'))
        .where('decisions.id', 'in', ids)
        .execute();

/** Every document linked to the meeting's agenda items; access is applied when rendered. */
export const listAgendaDocuments = (db: Tx, meetingId: string) =>
  db
    .selectFrom('agendaItemDocuments as a')
    .innerJoin('agendaItems', 'agendaItems.id', 'a.agendaItemId')
    .innerJoin('documents', 'documents.id', 'a.documentId')
    .select([
      'a.agendaItemId',
      'documents.id',
      'documents.title',
      'documents.kind',
      'documents.classification',
    ])
    .where('agendaItems.meetingId', '=', meetingId)
    .orderBy('a.position')
    .orderBy('a.documentId')
    .execute();

/** The meeting of the same body held before this one (cancelled meetings have no minutes). */
export const findPreviousMeeting = (db: Tx, bodyId: string, number: number) =>
  db
    .selectFrom('meetings')
    .select(['id', 'number', 'kind', 'startDate', 'endDate'])
    .where('bodyId', '=', bodyId)
    .where('number', '<', number)
    .where('status', '!=', 'cancelled')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();

// ---- Revisions -------------------------------------------------------------------------------

/** Revisions with the name parts of the meeting that approved them. */
function selectRevisions(db: Tx) {
  return db
    .selectFrom('minutesRevisions as r')
    .leftJoin('meetings as am', 'am.id', 'r.approvedAtMeetingId')
    .leftJoin('bodies as ab', 'ab.id', 'am.bodyId')
    .select([
      'r.meetingId',
      'r.number',
      'r.status',
      'r.issuedAt',
      'r.issuedByName',
      'r.approvedAtMeetingId',
      'r.approvedOn',
      'r.version',
      'am.number as approvedAtNumber',
      'am.kind as approvedAtKind',
      'ab.name as approvedAtBodyName',
      'ab.nameGenitive as approvedAtBodyNameGenitive',
    ]);
}

export type RevisionRow = Awaited<ReturnType<typeof listRevisions>>[number];

export const listRevisions = (db: Tx, meetingId: string) =>
  selectRevisions(db).where('r.meetingId', '=', meetingId).orderBy('r.number').execute();

export const findLatestRevision = (db: Tx, meetingId: string) =>
  selectRevisions(db)
    .where('r.meetingId', '=', meetingId)
    .orderBy('r.number', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findRevision = (db: Tx, meetingId: string, number: number) =>
  selectRevisions(db)
    .where('r.meetingId', '=', meetingId)
    .where('r.number', '=', number)
    .executeTakeFirst();

export const findSnapshot = (db: Tx, meetingId: string, number: number) =>
  db
    .selectFrom('minutesRevisions')
    .select('snapshot')
    .where('meetingId', '=', meetingId)
    .where('number', '=', number)
    .executeTakeFirst();

export const insertRevision = (db: Tx, row: Insertable<MinutesRevisionTable>) =>
  db.insertInto('minutesRevisions').values(row).execute();

export async function approveRevision(
  db: Tx,
  meetingId: string,
  number: number,
  version: number,
  values: { approvedAtMeetingId: string; approvedOn: string; updatedAt: string },
): Promise<number> {
  const result = await db
    .updateTable('minutesRevisions')
    .set({ ...values, status: 'approved', version: version + 1 })
    .where('meetingId', '=', meetingId)
    .where('number', '=', number)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Ids among `ids` of documents the caller may read (documents/access.ts applies DESIGN §3). */
export async function readableDocumentIds(
  db: Tx,
  actor: Actor,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('documents')
    .select('documents.id')
    .where('documents.id', 'in', ids)
    .where(whereDocumentReadable(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The fields of a meeting that revision rules look at. */
export const findMeetingBrief = (db: Tx, id: string) =>
  db
    .selectFrom('meetings')
    .select(['id', 'bodyId', 'number', 'status', 'startDate', 'endDate'])
    .where('id', '=', id)
    .executeTakeFirst();
