import type {
  Assignment,
  AssignmentListItem,
  Decision,
  DecisionListItem,
  DecisionRelation,
  DecisionStatus,
  Report,
} from '@plenum/shared';
import { type ExpressionBuilder, type Insertable, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type {
  AssignmentTable,
  DecisionTable,
  ImplementationReportTable,
} from '../../db/tables/decisions.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';

export type DecisionRow = Selectable<DecisionTable>;
export type AssignmentRow = Selectable<AssignmentTable>;
export type ReportRow = Selectable<ImplementationReportTable>;

const OPEN_SQL = sql.raw(`('pending', 'in_progress', 'not_implemented')`);

/**
 * The derived status of a decision (DESIGN §2) as one SQL expression over the decision's
 * assignment aggregates. Lists, filters, counts, exports and single reads all select it, so the
 * status is computed the same way everywhere.
 */
export function decisionStatusSql(today: string) {
  return sql<DecisionStatus>`(case
    when decisions.closed_as is not null then decisions.closed_as
    when decisions.assignment_count > 0 and decisions.open_count = 0 then 'implemented'
    when decisions.next_open_due < ${today} then 'overdue'
    else 'in_progress' end)`;
}

export type DecisionWithStatus = DecisionRow & { status: DecisionStatus };

/**
 * `decisionStatusSql(today) = status` written as conditions on the stored columns, so that an
 * index answers it by range (the CASE expression can only be evaluated entry by entry): the
 * counts read only the index entries of each status. decisions.test.ts checks that both forms
 * agree. In progress has no range of its own: the counts take it as the rest of the total.
 */
function statusIs(
  eb: ExpressionBuilder<Database, 'decisions'>,
  status: Exclude<DecisionStatus, 'in_progress'>,
  today: string,
) {
  const open = eb('decisions.closedAs', 'is', null);
  const implemented = eb.and([
    eb('decisions.openCount', '=', 0),
    eb('decisions.assignmentCount', '>', 0),
  ]);
  switch (status) {
    case 'cancelled':
    case 'superseded':
      return eb('decisions.closedAs', '=', status);
    case 'implemented':
      return eb.and([open, implemented]);
    case 'overdue':
      return eb.and([open, eb('decisions.nextOpenDue', '<', today), eb.not(implemented)]);
  }
}

/** A register row: everything but the text (the heaviest part of a decision). */
export function mapDecisionListItem(
  row: Omit<DecisionWithStatus, 'text' | 'textHtml' | 'searchText'>,
  relations: DecisionRelation[],
): DecisionListItem {
  return {
    id: row.id,
    bodyId: row.bodyId,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    number: row.number,
    kind: row.kind as Decision['kind'],
    title: parseText(row.title),
    adoptedOn: row.adoptedOn,
    status: row.status,
    relations,
    assignments: {
      total: row.assignmentCount,
      open: row.openCount,
      nextDueDate: row.nextOpenDue,
    },
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function mapDecision(row: DecisionWithStatus, relations: DecisionRelation[]): Decision {
  const text = parseText(row.text);
  return {
    id: row.id,
    bodyId: row.bodyId,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    number: row.number,
    kind: row.kind as Decision['kind'],
    title: parseText(row.title),
    text,
    textHtml: JSON.parse(row.textHtml) as Decision['textHtml'],
    adoptedOn: row.adoptedOn,
    status: row.status,
    relations,
    assignments: {
      total: row.assignmentCount,
      open: row.openCount,
      nextDueDate: row.nextOpenDue,
    },
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const findDecision = (db: Tx, id: string, today: string) =>
  db
    .selectFrom('decisions')
    .selectAll('decisions')
    .select(decisionStatusSql(today).as('status'))
    .where('decisions.id', '=', id)
    .executeTakeFirst();

/** Both directions of the links between decisions, with the other decision's number and title. */
export async function findRelations(
  db: Tx,
  ids: string[],
): Promise<Map<string, DecisionRelation[]>> {
  const out = new Map<string, DecisionRelation[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) {
    return out;
  }
  // Both directions in one statement (one round trip fewer on PostgreSQL for every read).
  const rows = await db
    .selectFrom('decisionRelations as r')
    .innerJoin('decisions as d', 'd.id', 'r.toId')
    .select([
      'r.fromId as self',
      'r.kind',
      'd.id',
      'd.number',
      'd.title',
      sql<'outgoing' | 'incoming'>`'outgoing'`.as('direction'),
    ])
    .where('r.fromId', 'in', ids)
    .unionAll(
      db
        .selectFrom('decisionRelations as r')
        .innerJoin('decisions as d', 'd.id', 'r.fromId')
        .select([
          'r.toId as self',
          'r.kind',
          'd.id',
          'd.number',
          'd.title',
          sql<'outgoing' | 'incoming'>`'incoming'`.as('direction'),
        ])
        .where('r.toId', 'in', ids),
    )
    .execute();
  // Outgoing first, as each direction came (sort is stable).
  rows.sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'outgoing' ? -1 : 1));
  for (const r of rows) {
    out.get(r.self)?.push({
      kind: r.kind as DecisionRelation['kind'],
      direction: r.direction,
      decisionId: r.id,
      number: r.number,
      title: parseText(r.title),
    });
  }
  return out;
}

export interface DecisionFilters {
  statuses?: DecisionStatus[];
  bodyId?: string;
  meetingId?: string;
  memberState?: string;
  assigneeBodyId?: string;
  dueFrom?: string;
  dueTo?: string;
  /** A LIKE pattern over search_text. */
  q?: string;
}

/**
 * The filters as one condition. A status filter is the status expression itself in a list, so
 * SQLite walks the sort index (whose entries carry the status columns) and stops at the page's
 * end, rather than reading every decision of the status by range and sorting them (100-400 ms
 * for the larger statuses at DESIGN §6 scale); counts use the ranges (`statusIs`).
 */
function applyFilters(
  eb: ExpressionBuilder<Database, 'decisions'>,
  f: DecisionFilters,
  today: string,
) {
  const conditions = [];
  if (f.statuses?.length) {
    conditions.push(eb(decisionStatusSql(today), 'in', f.statuses));
  }
  if (f.bodyId) {
    conditions.push(eb('decisions.bodyId', '=', f.bodyId));
  }
  if (f.meetingId) {
    conditions.push(eb('decisions.meetingId', '=', f.meetingId));
  }
  if (f.q) {
    conditions.push(eb('decisions.searchText', 'like', f.q));
  }
  if (f.memberState || f.assigneeBodyId || f.dueFrom || f.dueTo) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('assignments')
          .select('assignments.id')
          .whereRef('assignments.decisionId', '=', 'decisions.id')
          .$if(!!f.memberState, (q) =>
            q.where('assignments.memberState', '=', f.memberState as string),
          )
          .$if(!!f.assigneeBodyId, (q) =>
            q.where('assignments.bodyId', '=', f.assigneeBodyId as string),
          )
          .$if(!!f.dueFrom, (q) => q.where('assignments.dueDate', '>=', f.dueFrom as string))
          .$if(!!f.dueTo, (q) => q.where('assignments.dueDate', '<=', f.dueTo as string)),
      ),
    );
  }
  return eb.and(conditions);
}

const FAR_FUTURE = '9999-12-31';

/** The register's columns: not the texts, which make up most of a row. */
const LIST_COLUMNS = [
  'decisions.id',
  'decisions.bodyId',
  'decisions.meetingId',
  'decisions.agendaItemId',
  'decisions.number',
  'decisions.meetingNumber',
  'decisions.ordinal',
  'decisions.kind',
  'decisions.title',
  'decisions.adoptedOn',
  'decisions.closedAs',
  'decisions.assignmentCount',
  'decisions.openCount',
  'decisions.nextOpenDue',
  'decisions.dueKey',
  'decisions.sortKey',
  'decisions.version',
  'decisions.createdAt',
  'decisions.updatedAt',
] as const;

export function listDecisions(
  db: Tx,
  f: DecisionFilters,
  today: string,
  sort: 'adopted' | 'due',
  after: [string, string] | null,
  limit: number,
) {
  let query = db
    .selectFrom('decisions')
    .select(LIST_COLUMNS)
    .select(decisionStatusSql(today).as('status'))
    .where((eb) => applyFilters(eb, f, today));
  if (sort === 'due') {
    if (after) {
      const [key, id] = after;
      query = query.where((eb) =>
        eb.or([
          eb('decisions.dueKey', '>', key),
          eb.and([eb('decisions.dueKey', '=', key), eb('decisions.id', '>', id)]),
        ]),
      );
    }
    return query
      .orderBy('decisions.dueKey')
      .orderBy('decisions.id')
      .limit(limit + 1)
      .execute();
  }
  if (after) {
    const [key, id] = after;
    query = query.where((eb) =>
      eb.or([
        eb('decisions.sortKey', '<', key),
        eb.and([eb('decisions.sortKey', '=', key), eb('decisions.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('decisions.sortKey', 'desc')
    .orderBy('decisions.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/**
 * Counts per derived status under the same filters as the list: one count per status, each
 * reading only the index entries of that status (decisions_status, decisions_overdue), and
 * `in_progress` as what remains of the total.
 */
export async function countDecisionsByStatus(
  db: Tx,
  f: DecisionFilters,
  today: string,
): Promise<Record<DecisionStatus, number>> {
  // The caller's other filters apply to every count; each count adds its own status, by range.
  const unfiltered = { ...f, statuses: [] };
  const count = (status: Exclude<DecisionStatus, 'in_progress'> | null) =>
    db
      .selectFrom('decisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        status === null
          ? applyFilters(eb, unfiltered, today)
          : eb.and([applyFilters(eb, unfiltered, today), statusIs(eb, status, today)]),
      );
  const row = await db
    .selectNoFrom([
      count(null).as('total'),
      count('overdue').as('overdue'),
      count('implemented').as('implemented'),
      count('cancelled').as('cancelled'),
      count('superseded').as('superseded'),
    ])
    .executeTakeFirstOrThrow();
  const overdue = Number(row.overdue);
  const implemented = Number(row.implemented);
  const cancelled = Number(row.cancelled);
  const superseded = Number(row.superseded);
  return {
    in_progress: Number(row.total) - overdue - implemented - cancelled - superseded,
    overdue,
    implemented,
    cancelled,
    superseded,
  };
}

export async function nextOrdinal(db: Tx, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.max('ordinal').as('max'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export const insertDecision = (db: Tx, row: Insertable<DecisionTable>) =>
  db.insertInto('decisions').values(row).execute();

export async function updateDecisionRow(
  db: Tx,
  id: string,
  version: number,
  values: Partial<DecisionRow>,
): Promise<number> {
  const result = await db
    .updateTable('decisions')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Recomputes the assignment aggregates a decision's derived status rests on. Called in the
 * transaction of every assignment or report change.
 */
export async function refreshDecisionAggregates(db: Tx, decisionId: string): Promise<void> {
  await sql`update decisions set
      assignment_count = (select count(*) from assignments a where a.decision_id = ${decisionId}),
      open_count = (select count(*) from assignments a
        where a.decision_id = ${decisionId} and a.status in ${OPEN_SQL}),
      next_open_due = (select min(a.due_date) from assignments a
        where a.decision_id = ${decisionId} and a.status in ${OPEN_SQL}),
      due_key = coalesce((select min(a.due_date) from assignments a
        where a.decision_id = ${decisionId} and a.status in ${OPEN_SQL}), ${FAR_FUTURE})
    where id = ${decisionId}`.execute(db);
}

// ---- Assignments and reports -----------------------------------------------------------------

export function mapReport(row: ReportRow): Report {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    decisionId: row.decisionId,
    status: row.status as Report['status'],
    text: parseTextOrNull(row.text),
    reportedOn: row.reportedOn,
    reportedBy: { id: row.reportedById, name: row.reportedByName },
    createdAt: row.createdAt,
  };
}

export const isOpenStatus = (status: string) =>
  status === 'pending' || status === 'in_progress' || status === 'not_implemented';

/**
 * `decisionClosed`: the decision was cancelled or superseded, so nothing is due on it any more
 * and its open assignments are not overdue.
 */
export function mapAssignment(
  row: AssignmentRow,
  latest: ReportRow | null,
  today: string,
  decisionClosed = false,
): Assignment {
  return {
    id: row.id,
    decisionId: row.decisionId,
    memberState: row.memberState,
    bodyId: row.bodyId,
    dueDate: row.dueDate,
    status: row.status as Assignment['status'],
    overdue:
      !decisionClosed && isOpenStatus(row.status) && row.dueDate !== null && row.dueDate < today,
    latestReport: latest ? mapReport(latest) : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Assignments of the given decisions with their latest reports (one query per 500 decisions). */
export async function findAssignments(
  db: Tx,
  decisionIds: string[],
): Promise<{ assignments: AssignmentRow[]; reports: Map<string, ReportRow> }> {
  const assignments: AssignmentRow[] = [];
  const reports = new Map<string, ReportRow>();
  for (let i = 0; i < decisionIds.length; i += 500) {
    const rows = await db
      .selectFrom('assignments')
      .leftJoin('implementationReports as r', 'r.id', 'assignments.latestReportId')
      .selectAll('assignments')
      .select([
        'r.assignmentId as rAssignmentId',
        'r.decisionId as rDecisionId',
        'r.status as rStatus',
        'r.text as rText',
        'r.reportedOn as rReportedOn',
        'r.reportedById as rReportedById',
        'r.reportedByName as rReportedByName',
        'r.createdAt as rCreatedAt',
      ])
      .where('assignments.decisionId', 'in', decisionIds.slice(i, i + 500))
      .orderBy('assignments.memberState')
      .orderBy('assignments.bodyId')
      .orderBy('assignments.id')
      .execute();
    for (const row of rows) {
      const {
        rAssignmentId,
        rDecisionId,
        rStatus,
        rText,
        rReportedOn,
        rReportedById,
        rReportedByName,
        rCreatedAt,
        ...assignment
      } = row;
      assignments.push(assignment);
      if (assignment.latestReportId && rAssignmentId && rDecisionId && rStatus && rReportedOn) {
        reports.set(assignment.latestReportId, {
          id: assignment.latestReportId,
          assignmentId: rAssignmentId,
          decisionId: rDecisionId,
          status: rStatus,
          text: rText,
          reportedOn: rReportedOn,
          reportedById: rReportedById,
          reportedByName: rReportedByName ?? '',
          createdAt: rCreatedAt ?? '',
        });
      }
    }
  }
  return { assignments, reports };
}

export const findAssignment = (db: Tx, decisionId: string, id: string) =>
  db
    .selectFrom('assignments')
    .selectAll()
    .where('decisionId', '=', decisionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findReport = (db: Tx, id: string) =>
  db.selectFrom('implementationReports').selectAll().where('id', '=', id).executeTakeFirst();

export function listReports(db: Tx, decisionId: string, assignmentId?: string) {
  let query = db
    .selectFrom('implementationReports')
    .selectAll()
    .where('decisionId', '=', decisionId);
  if (assignmentId) {
    query = query.where('assignmentId', '=', assignmentId);
  }
  return query.orderBy('reportedOn', 'desc').orderBy('createdAt', 'desc').execute();
}

/** Sets an assignment's status and latest report from its most recent report (by date reported). */
export async function refreshAssignmentFromReports(db: Tx, assignmentId: string, now: string) {
  const latest = await db
    .selectFrom('implementationReports')
    .select(['id', 'status'])
    .where('assignmentId', '=', assignmentId)
    .orderBy('reportedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db
    .updateTable('assignments')
    .set((eb) => ({
      status: latest?.status ?? 'pending',
      latestReportId: latest?.id ?? null,
      version: eb('version', '+', 1),
      updatedAt: now,
    }))
    .where('id', '=', assignmentId)
    .execute();
}

export interface AssignmentFilters {
  memberState?: string;
  bodyId?: string;
  open?: boolean;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
}

/** Assignments across decisions, earliest due first (no due date last), with their decision. */
export function listAssignmentsAcross(
  db: Tx,
  f: AssignmentFilters,
  today: string,
  after: [string, string] | null,
  limit: number,
) {
  const due = sql<string>`coalesce(assignments.due_date, ${FAR_FUTURE})`;
  let query = db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decisionId')
    .selectAll('assignments')
    .select([
      'decisions.number as decisionNumber',
      'decisions.title as decisionTitle',
      'decisions.bodyId as decisionBodyId',
      decisionStatusSql(today).as('decisionStatus'),
      due.as('dueKey'),
    ]);
  if (f.memberState) {
    query = query.where('assignments.memberState', '=', f.memberState);
  }
  if (f.bodyId) {
    query = query.where('assignments.bodyId', '=', f.bodyId);
  }
  // An assignment is open while its status is and its decision is neither cancelled nor superseded.
  if (f.open === true || f.overdue) {
    query = query
      .where(sql<boolean>`assignments.status in ${OPEN_SQL}`)
      .where('decisions.closedAs', 'is', null);
  } else if (f.open === false) {
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`assignments.status not in ${OPEN_SQL}`,
        eb('decisions.closedAs', 'is not', null),
      ]),
    );
  }
  if (f.overdue) {
    query = query.where('assignments.dueDate', '<', today);
  }
  if (f.dueFrom) {
    query = query.where('assignments.dueDate', '>=', f.dueFrom);
  }
  if (f.dueTo) {
    query = query.where('assignments.dueDate', '<=', f.dueTo);
  }
  if (after) {
    const [key, id] = after;
    query = query.where((eb) =>
      eb.or([eb(due, '>', key), eb.and([eb(due, '=', key), eb('assignments.id', '>', id)])]),
    );
  }
  return query
    .orderBy(due)
    .orderBy('assignments.id')
    .limit(limit + 1)
    .execute();
}

export type AssignmentAcrossRow = Awaited<ReturnType<typeof listAssignmentsAcross>>[number];

export function mapAssignmentListItem(
  row: AssignmentAcrossRow,
  latest: ReportRow | null,
  today: string,
): AssignmentListItem {
  return {
    ...mapAssignment(
      row,
      latest,
      today,
      row.decisionStatus === 'cancelled' || row.decisionStatus === 'superseded',
    ),
    decision: {
      id: row.decisionId,
      number: row.decisionNumber,
      title: parseText(row.decisionTitle),
      bodyId: row.decisionBodyId,
      status: row.decisionStatus,
    },
  };
}

/** The audit events of a decision and of its assignments, newest first (at most 500). */
export function findDecisionHistory(db: Tx, decisionId: string) {
  const assignmentIds = db
    .selectFrom('assignments')
    .select('assignments.id')
    .where('assignments.decisionId', '=', decisionId);
  return db
    .selectFrom('auditEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .leftJoin('assignments as a', (join) =>
      join.onRef('a.id', '=', 'e.entityId').on('e.entityType', '=', 'assignment'),
    )
    .select([
      'e.seq',
      'e.at',
      'e.actorId',
      'u.name as actorName',
      'e.action',
      'e.entityType',
      'e.entityId',
      'e.change',
      'a.memberState as assigneeState',
      'a.bodyId as assigneeBody',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('e.entityType', '=', 'decision'), eb('e.entityId', '=', decisionId)]),
        eb.and([eb('e.entityType', '=', 'assignment'), eb('e.entityId', 'in', assignmentIds)]),
      ]),
    )
    .orderBy('e.seq', 'desc')
    .limit(500)
    .execute();
}
