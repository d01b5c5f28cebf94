import { sql } from 'kysely';
import type { Tx } from '../../platform/context.ts';

const OPEN_SQL = sql.raw(`('pending', 'in_progress', 'not_implemented')`);
const FAR_FUTURE = '9999-12-31';

/** Every body with its names: few enough to hold while an export resolves assignees. */
export const listBodyNames = (db: Tx) =>
  db.selectFrom('bodies').select(['id', 'slug', 'name', 'shortName']).execute();

export const listStateNames = (db: Tx) =>
  db.selectFrom('memberStates').select(['code', 'name']).execute();

export const findState = (db: Tx, code: string) =>
  db
    .selectFrom('memberStates')
    .select(['code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();

export const findBody = (db: Tx, id: string) =>
  db
    .selectFrom('bodies')
    .select(['id', 'slug', 'name', 'shortName'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Who is assigned each of the given decisions (states and bodies), in one query. */
export async function assigneesOf(db: Tx, decisionIds: string[]) {
  if (decisionIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('assignments')
    .select(['decisionId', 'memberState', 'bodyId'])
    .where('decisionId', 'in', decisionIds)
    .orderBy('memberState')
    .orderBy('bodyId')
    .execute();
}

/** The meeting a review belongs to, with its body's names, for headings and file names. */
export const findMeetingHeading = (db: Tx, id: string) =>
  db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select([
      'meetings.number',
      'meetings.kind',
      'bodies.slug',
      'bodies.name as bodyName',
      'bodies.nameGenitive as bodyNameGenitive',
    ])
    .where('meetings.id', '=', id)
    .executeTakeFirst();

/**
 * One batch of an assignee's open assignments on decisions still taking reports, earliest due
 * first (no due date last), after the keyset `after`.
 */
export function openAssignmentsBatch(
  db: Tx,
  assignee: { memberState: string } | { bodyId: string },
  after: [string, string] | null,
  size: number,
) {
  const due = sql<string>`coalesce(assignments.due_date, ${FAR_FUTURE})`;
  let query = db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decisionId')
    .select([
      'assignments.id',
      'assignments.memberState',
      'assignments.bodyId',
      'assignments.dueDate',
      'assignments.status',
      'decisions.number',
      'decisions.title',
      due.as('dueKey'),
    ])
    .where(sql<boolean>`assignments.status in ${OPEN_SQL}`)
    .where('decisions.closedAs', 'is', null);
  query =
    'memberState' in assignee
      ? query.where('assignments.memberState', '=', assignee.memberState)
      : query.where('assignments.bodyId', '=', assignee.bodyId);
  if (after) {
    const [key, id] = after;
    query = query.where((eb) =>
      eb.or([eb(due, '>', key), eb.and([eb(due, '=', key), eb('assignments.id', '>', id)])]),
    );
  }
  return query.orderBy(due).orderBy('assignments.id').limit(size).execute();
}

/** The assignments an import names, with what the report rules need of their decisions. */
export async function assignmentsForImport(db: Tx, ids: string[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('assignments')
        .innerJoin('decisions', 'decisions.id', 'assignments.decisionId')
        .select([
          'assignments.id',
          'assignments.decisionId',
          'assignments.memberState',
          'assignments.bodyId',
          'decisions.number',
          'decisions.closedAs',
        ])
        .where('assignments.id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}
