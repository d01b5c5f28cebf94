import type { Tx } from '../../platform/context.ts';

/** What an announcement says about a meeting's body. */
export const findBody = (db: Tx, id: string) =>
  db
    .selectFrom('bodies')
    .select([
      'id',
      'kind',
      'name',
      'nameGenitive',
      'shortName',
      'established',
      'establishedBy',
      'mandate',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

export const findStateName = (db: Tx, code: string) =>
  db
    .selectFrom('memberStates')
    .select(['code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();

export const findPerson = (db: Tx, id: string) =>
  db
    .selectFrom('persons')
    .select(['id', 'name', 'position'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The chair and the notable participants, in the order they were added. */
export const listNamedParticipants = (db: Tx, meetingId: string) =>
  db
    .selectFrom('participants')
    .innerJoin('persons', 'persons.id', 'participants.personId')
    .select([
      'participants.personId',
      'participants.role',
      'participants.notable',
      'persons.name',
      'persons.position',
    ])
    .where('participants.meetingId', '=', meetingId)
    .where((eb) =>
      eb.or([eb('participants.role', '=', 'chair'), eb('participants.notable', '=', 1)]),
    )
    .orderBy('participants.id')
    .execute();

/** The public top-level items of the agenda, in order. */
export const listTopAgendaItems = (db: Tx, meetingId: string) =>
  db
    .selectFrom('agendaItems')
    .select(['id', 'kind', 'title'])
    .where('meetingId', '=', meetingId)
    .where('parentId', 'is', null)
    .where('public', '=', 1)
    .orderBy('ordinal')
    .execute();

/** The body's meeting before this one (the one whose decisions it reviews). */
export const findPreviousMeeting = (db: Tx, bodyId: string, number: number) =>
  db
    .selectFrom('meetings')
    .select(['id', 'number', 'kind', 'startDate', 'location'])
    .where('bodyId', '=', bodyId)
    .where('number', '<', number)
    .where('status', '!=', 'cancelled')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Meetings held on the eve of, and in preparation of, this one (councils), by date. */
export const listEveMeetings = (db: Tx, meetingId: string) =>
  db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select([
      'meetings.id',
      'meetings.startDate',
      'bodies.name as bodyName',
      'bodies.nameGenitive as bodyNameGenitive',
    ])
    .where('meetings.parentMeetingId', '=', meetingId)
    .where('meetings.status', '!=', 'cancelled')
    .orderBy('meetings.startDate')
    .orderBy('meetings.id')
    .execute();
