import { sql } from 'kysely';
import type { Tx } from '../../platform/context.ts';
import { decisionStatusSql } from '../decisions/repository.ts';

export const findMeetingForReview = (db: Tx, id: string) =>
  db
    .selectFrom('meetings')
    .select(['id', 'bodyId', 'number', 'startDate', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The latest recorded review of an earlier meeting of the same body. */
export const findPreviousReview = (db: Tx, bodyId: string, number: number) =>
  db
    .selectFrom('reviews')
    .innerJoin('meetings', 'meetings.id', 'reviews.meetingId')
    .select(['meetings.id', 'meetings.number', 'meetings.startDate'])
    .where('meetings.bodyId', '=', bodyId)
    .where('meetings.number', '<', number)
    .orderBy('meetings.number', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findReview = (db: Tx, meetingId: string) =>
  db.selectFrom('reviews').selectAll().where('meetingId', '=', meetingId).executeTakeFirst();

const OPEN_AT_REVIEW = sql.raw(`('in_progress', 'overdue')`);
const OPEN_ASSIGNMENT = sql.raw(`('pending', 'in_progress', 'not_implemented')`);

const reviewColumns = (today: string) =>
  [
    'decisions.id',
    'decisions.number',
    'decisions.title',
    'decisions.bodyId',
    'decisions.kind',
    'decisions.adoptedOn',
    'decisions.sortKey',
    decisionStatusSql(today).as('status'),
  ] as const;

/**
 * What the meeting reviews while it is not yet held (DESIGN §2): the body's earlier decisions
 * still open at the previous recorded review or adopted since, and the statutory bodies'
 * decisions assigned to this body on the same terms. Without a previous review, every earlier
 * decision not cancelled or superseded. The candidates are gathered by three indexed queries
 * (an OR across them would scan the whole register).
 */
export async function findLiveReviewDecisions(
  db: Tx,
  meeting: { bodyId: string; number: number; startDate: string },
  previous: { id: string; number: number; startDate: string } | undefined,
  today: string,
) {
  const own = db
    .selectFrom('decisions')
    .select('decisions.id')
    .where('decisions.bodyId', '=', meeting.bodyId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('decisions.meetingNumber', '<', meeting.number),
          ...(previous ? [eb('decisions.meetingNumber', '>=', previous.number)] : []),
        ]),
        eb.and([
          eb('decisions.meetingId', 'is', null),
          eb('decisions.adoptedOn', '<', meeting.startDate),
          ...(previous ? [eb('decisions.adoptedOn', '>=', previous.startDate)] : []),
        ]),
      ]),
    );
  const statutory = db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decisionId')
    .innerJoin('bodies', 'bodies.id', 'decisions.bodyId')
    .select('decisions.id')
    .where('assignments.bodyId', '=', meeting.bodyId)
    .where('bodies.kind', '=', 'statutory_body')
    .where('decisions.bodyId', '!=', meeting.bodyId)
    .where('decisions.adoptedOn', '<', meeting.startDate)
    .$if(!!previous, (q) =>
      q.where('decisions.adoptedOn', '>=', (previous as { startDate: string }).startDate),
    );
  let candidates = own.union(statutory);
  if (previous) {
    candidates = candidates.union(
      db
        .selectFrom('reviewRecords')
        .select('reviewRecords.decisionId as id')
        .where('reviewRecords.meetingId', '=', previous.id)
        .where(sql<boolean>`review_records.status in ${OPEN_AT_REVIEW}`),
    );
  }
  let query = db
    .selectFrom('decisions')
    .select(reviewColumns(today))
    .select(
      sql<
        'own' | 'statutory'
      >`case when decisions.body_id = ${meeting.bodyId} then 'own' else 'statutory' end`.as(
        'source',
      ),
    )
    .where('decisions.id', 'in', candidates);
  if (!previous) {
    query = query.where('decisions.closedAs', 'is', null);
  }
  return query.orderBy('decisions.sortKey').execute();
}

/** What a held meeting reviewed, with the status each decision had then. */
export function findRecordedReviewDecisions(db: Tx, meetingId: string, today: string) {
  return db
    .selectFrom('reviewRecords')
    .innerJoin('decisions', 'decisions.id', 'reviewRecords.decisionId')
    .select(reviewColumns(today))
    .select(['reviewRecords.source', 'reviewRecords.status as statusAtReview'])
    .where('reviewRecords.meetingId', '=', meetingId)
    .orderBy('decisions.sortKey')
    .execute();
}

export const findReviewAgendaItem = (db: Tx, meetingId: string) =>
  db
    .selectFrom('agendaItems')
    .select('id')
    .where('meetingId', '=', meetingId)
    .where('kind', '=', 'implementation_review')
    .executeTakeFirst();

/** The body's meeting just before this one, with the body's names. */
export const findPreviousMeeting = (db: Tx, bodyId: string, number: number) =>
  db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select([
      'meetings.id',
      'meetings.number',
      'meetings.kind',
      'bodies.name as bodyName',
      'bodies.nameGenitive as bodyNameGenitive',
    ])
    .where('meetings.bodyId', '=', bodyId)
    .where('meetings.number', '<', number)
    .where('meetings.status', '!=', 'cancelled')
    .orderBy('meetings.number', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Assignments of member states per state: total, closed, open, overdue. */
export function countAssignmentsByState(db: Tx, today: string) {
  // Assignments of cancelled or superseded decisions are neither open nor overdue.
  const open = sql`assignments.status in ${OPEN_ASSIGNMENT} and decisions.closed_as is null`;
  return db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decisionId')
    .select([
      'assignments.memberState',
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when assignments.status in ('implemented', 'not_applicable') then 1 else 0 end)`.as(
        'implemented',
      ),
      sql<number>`sum(case when ${open} then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when ${open} and assignments.due_date < ${today} then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .where('assignments.memberState', 'is not', null)
    .groupBy('assignments.memberState')
    .orderBy('assignments.memberState')
    .execute();
}

/** Decisions per adopting body and derived status. */
export function countDecisionsByBody(db: Tx, today: string) {
  const statuses = db
    .selectFrom('decisions')
    .select(['decisions.bodyId', decisionStatusSql(today).as('status')])
    .as('s');
  return db
    .selectFrom(statuses)
    .select(['s.bodyId', 's.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['s.bodyId', 's.status'])
    .execute();
}

export async function countOpenAssignmentsDue(
  db: Tx,
  from: string | null,
  to: string,
): Promise<number> {
  let query = db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decisionId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`assignments.status in ${OPEN_ASSIGNMENT}`)
    .where('decisions.closedAs', 'is', null);
  query =
    from === null
      ? query.where('assignments.dueDate', '<', to)
      : query.where('assignments.dueDate', '>=', from).where('assignments.dueDate', '<=', to);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The review matrix's cells: each assignment of the given decisions with its latest report,
 * only the columns the review shows (one query per 500 decisions).
 */
export async function findReviewAssignments(db: Tx, decisionIds: string[]) {
  const out = [];
  for (let i = 0; i < decisionIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('assignments')
        .leftJoin('implementationReports as r', 'r.id', 'assignments.latestReportId')
        .select([
          'assignments.id',
          'assignments.decisionId',
          'assignments.memberState',
          'assignments.bodyId',
          'assignments.dueDate',
          'assignments.status',
          'assignments.latestReportId',
          'r.status as reportStatus',
          'r.text as reportText',
          'r.reportedOn',
          'r.reportedByName',
        ])
        .where('assignments.decisionId', 'in', decisionIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}
