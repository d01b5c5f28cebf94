import {
  type LocalizedText,
  type Location,
  type Meeting,
  type MeetingStatus,
  type Participant,
  PUBLIC_MEETING_STATUSES,
  toRoman,
} from '@plenum/shared';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { MeetingTable, ParticipantTable } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';

// ---- Meetings --------------------------------------------------------------------------------

/** A meeting row with the names of its body, from which the meeting's own name derives. */
export type MeetingRow = Selectable<MeetingTable> & {
  bodyName: string;
  bodyNameGenitive: string | null;
};

/** The body's name as it follows "meeting of" in one language, falling back to the other. */
function nameAfterMeetingOf(
  name: LocalizedText,
  genitive: LocalizedText | null,
  lang: 'en' | 'ru',
): string {
  const other = lang === 'en' ? 'ru' : 'en';
  return genitive?.[lang] ?? name[lang] ?? genitive?.[other] ?? name[other] ?? '';
}

/** "XXI meeting of the …" / "XXI заседание …" (DESIGN §2: the name derives from number and body). */
export function meetingName(
  numeral: string,
  kind: string,
  bodyName: LocalizedText,
  bodyNameGenitive: LocalizedText | null,
): LocalizedText {
  const extraordinary = kind === 'extraordinary';
  const en = nameAfterMeetingOf(bodyName, bodyNameGenitive, 'en');
  const ru = nameAfterMeetingOf(bodyName, bodyNameGenitive, 'ru');
  return {
    en: `${numeral} ${extraordinary ? 'extraordinary meeting' : 'meeting'} of the ${en}`,
    ru: `${numeral} ${extraordinary ? 'внеочередное заседание' : 'заседание'} ${ru}`,
  };
}

export function mapMeeting(row: MeetingRow): Meeting {
  const numeral = toRoman(row.number);
  return {
    id: row.id,
    bodyId: row.bodyId,
    number: row.number,
    numeral,
    name: meetingName(
      numeral,
      row.kind,
      parseText(row.bodyName),
      parseTextOrNull(row.bodyNameGenitive),
    ),
    kind: row.kind as Meeting['kind'],
    status: row.status as MeetingStatus,
    startDate: row.startDate,
    endDate: row.endDate,
    startTime: row.startTime,
    timeZone: row.timeZone,
    location: row.location === null ? null : (JSON.parse(row.location) as Location),
    chairPersonId: row.chairPersonId,
    parentMeetingId: row.parentMeetingId,
    agendaStatus: row.agendaStatus as Meeting['agendaStatus'],
    agendaApprovedAt: row.agendaApprovedAt,
    notes: parseTextOrNull(row.notes),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Meetings joined with their body, in one query (the name needs the body's names). */
function selectMeetings(db: Tx) {
  return db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .selectAll('meetings')
    .select(['bodies.name as bodyName', 'bodies.nameGenitive as bodyNameGenitive']);
}

/** A meeting the caller may read: anonymous callers see only announced meetings or later. */
export function findMeeting(db: Tx, id: string, publicOnly: boolean) {
  let query = selectMeetings(db).where('meetings.id', '=', id);
  if (publicOnly) {
    query = query.where('meetings.status', 'in', [...PUBLIC_MEETING_STATUSES]);
  }
  return query.executeTakeFirst();
}

export interface MeetingListFilter {
  publicOnly: boolean;
  bodyId?: string;
  statuses?: MeetingStatus[];
  parentMeetingId?: string;
  endsOnOrAfter?: string;
  endsBefore?: string;
  from?: string;
  to?: string;
  ascending: boolean;
  after: [string, string] | null;
  limit: number;
}

/** A page of meetings ordered by (startDate, id), with the access filter in the WHERE clause. */
export function listMeetings(db: Tx, f: MeetingListFilter) {
  let query = selectMeetings(db);
  if (f.publicOnly) {
    query = query.where('meetings.status', 'in', [...PUBLIC_MEETING_STATUSES]);
  }
  if (f.bodyId !== undefined) {
    query = query.where('meetings.bodyId', '=', f.bodyId);
  }
  if (f.statuses !== undefined) {
    query = query.where('meetings.status', 'in', f.statuses);
  }
  if (f.parentMeetingId !== undefined) {
    query = query.where('meetings.parentMeetingId', '=', f.parentMeetingId);
  }
  if (f.endsOnOrAfter !== undefined) {
    query = query.where('meetings.endDate', '>=', f.endsOnOrAfter);
  }
  if (f.endsBefore !== undefined) {
    query = query.where('meetings.endDate', '<', f.endsBefore);
  }
  if (f.from !== undefined) {
    query = query.where('meetings.startDate', '>=', f.from);
  }
  if (f.to !== undefined) {
    query = query.where('meetings.startDate', '<=', f.to);
  }
  if (f.after) {
    const [date, id] = f.after;
    const op = f.ascending ? '>' : '<';
    query = query.where((eb) =>
      eb.or([
        eb('meetings.startDate', op, date),
        eb.and([eb('meetings.startDate', '=', date), eb('meetings.id', op, id)]),
      ]),
    );
  }
  const direction = f.ascending ? 'asc' : 'desc';
  return query
    .orderBy('meetings.startDate', direction)
    .orderBy('meetings.id', direction)
    .limit(f.limit + 1)
    .execute();
}

/**
 * The bare meeting row, locked against concurrent agenda and status changes until the
 * transaction ends (PostgreSQL; SQLite serialises writers anyway).
 */
export function lockMeetingRow(trx: Tx, dialect: DialectName, id: string) {
  let query = trx.selectFrom('meetings').selectAll().where('id', '=', id);
  if (dialect === 'postgres') {
    query = query.forUpdate();
  }
  return query.executeTakeFirst();
}

export const findBodyNames = (db: Tx, id: string) =>
  db
    .selectFrom('bodies')
    .select(['id', 'name', 'nameGenitive'])
    .where('id', '=', id)
    .executeTakeFirst();

export async function personExists(db: Tx, id: string): Promise<boolean> {
  const row = await db.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function bodyExists(db: Tx, id: string): Promise<boolean> {
  const row = await db.selectFrom('bodies').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function memberStateExists(db: Tx, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberStates')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export const findMeetingLink = (db: Tx, id: string) =>
  db
    .selectFrom('meetings')
    .select(['id', 'bodyId', 'parentMeetingId'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The highest number any meeting of the body carries, or 0. */
export async function maxMeetingNumber(db: Tx, bodyId: string): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('bodyId', '=', bodyId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function countChildMeetings(db: Tx, id: string): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parentMeetingId', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const insertMeeting = (db: Tx, row: Insertable<MeetingTable>) =>
  db.insertInto('meetings').values(row).execute();

/** Updates when the stored version is still `version`; returns the number of rows changed. */
export async function updateMeeting(
  db: Tx,
  id: string,
  version: number,
  values: Updateable<MeetingTable>,
): Promise<number> {
  const result = await db
    .updateTable('meetings')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteMeeting(db: Tx, id: string, version: number): Promise<number> {
  const result = await db
    .deleteFrom('meetings')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- Participants ----------------------------------------------------------------------------

export type ParticipantRow = Selectable<ParticipantTable> & {
  personName: string;
  personPosition: string | null;
  personMemberState: string | null;
};

export function mapParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    meetingId: row.meetingId,
    personId: row.personId,
    person: {
      id: row.personId,
      name: parseText(row.personName),
      position: parseTextOrNull(row.personPosition),
      memberState: row.personMemberState,
    },
    role: row.role as Participant['role'],
    memberState: row.memberState,
    bodyId: row.bodyId,
    notable: row.notable === 1,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Participants joined with their person, in one query. */
function selectParticipants(db: Tx) {
  return db
    .selectFrom('participants')
    .innerJoin('persons', 'persons.id', 'participants.personId')
    .selectAll('participants')
    .select([
      'persons.name as personName',
      'persons.position as personPosition',
      'persons.memberState as personMemberState',
    ]);
}

export const findParticipant = (db: Tx, meetingId: string, id: string) =>
  selectParticipants(db)
    .where('participants.meetingId', '=', meetingId)
    .where('participants.id', '=', id)
    .executeTakeFirst();

/** A page of a meeting's participants in the order they were added. */
export function listParticipants(
  db: Tx,
  q: { meetingId: string; after: string | null; limit: number },
) {
  let query = selectParticipants(db).where('participants.meetingId', '=', q.meetingId);
  if (q.after !== null) {
    query = query.where('participants.id', '>', q.after);
  }
  return query
    .orderBy('participants.id')
    .limit(q.limit + 1)
    .execute();
}

export const findPersonSummary = (db: Tx, id: string) =>
  db
    .selectFrom('persons')
    .select(['id', 'name', 'position', 'memberState'])
    .where('id', '=', id)
    .executeTakeFirst();

export const insertParticipant = (db: Tx, row: Insertable<ParticipantTable>) =>
  db.insertInto('participants').values(row).execute();

export async function updateParticipant(
  db: Tx,
  id: string,
  version: number,
  values: Updateable<ParticipantTable>,
): Promise<number> {
  const result = await db
    .updateTable('participants')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteParticipant(db: Tx, id: string, version: number): Promise<number> {
  const result = await db
    .deleteFrom('participants')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
