import {
  type Assignment,
  type AssignmentCreate,
  type AssignmentListItem,
  DECISION_STATUSES,
  type Decision,
  type DecisionCreate,
  type DecisionHistoryEvent,
  type DecisionListItem,
  type DecisionListQuery,
  type DecisionPatch,
  type DecisionStatus,
  type LocalizedText,
  type Page,
  type Report,
  type ReportCreate,
  ZDecisionStatus,
} from '@plenum/shared';
import { sql } from 'kysely';
import {
  isStaff,
  requireActsForState,
  requireContentWriter,
  requireRole,
  requireSignedIn,
} from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx, todayIso } from '../../platform/context.ts';
import { guardConstraints, isUniqueViolation } from '../../platform/db-errors.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { renderLocalizedMarkdown } from '../../platform/markdown.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { likePattern, parseText, searchText, storeText } from '../../platform/text.ts';
import { notifyDecisionAssigned, notifyReportSubmitted } from '../notifications/events.ts';
import { reindex, removeFromIndex } from '../search/indexer.ts';
import * as repo from './repository.ts';

const FAR_FUTURE = '9999-12-31';
const pad = (n: number | null) => String(n ?? 0).padStart(6, '0');
const sortKeyOf = (
  adoptedOn: string,
  meetingNumber: number | null,
  ordinal: number | null,
  number: string,
) => `${adoptedOn}|${pad(meetingNumber)}|${pad(ordinal)}|${number}`;

function staleDecision(current: number): AppError {
  return new AppError(
    'precondition_failed',
    `This decision changed since you read it (now version ${current}); reload and apply your change again.`,
  );
}

/** Decisions are part of the internal record: every signed-in user reads them (DESIGN §3). */
async function loadDecision(
  ctx: Ctx,
  id: string,
  db: Tx = ctx.db,
): Promise<repo.DecisionWithStatus> {
  requireSignedIn(ctx.actor);
  const row = await repo.findDecision(db, id, todayIso());
  if (!row) {
    throw notFound('decision');
  }
  return row;
}

async function present(db: Tx, row: repo.DecisionWithStatus): Promise<Decision> {
  const relations = await repo.findRelations(db, [row.id]);
  return repo.mapDecision(row, relations.get(row.id) ?? []);
}

export async function getDecision(ctx: Ctx, id: string): Promise<Decision> {
  return present(ctx.db, await loadDecision(ctx, id));
}

function parseStatuses(value: string | undefined): DecisionStatus[] | undefined {
  if (!value) {
    return undefined;
  }
  const statuses = value.split(',').map((s) => s.trim());
  for (const status of statuses) {
    if (!ZDecisionStatus.safeParse(status).success) {
      throw invalid(
        'query.status',
        `Unknown status "${status}"; use ${DECISION_STATUSES.join(', ')}.`,
      );
    }
  }
  return statuses as DecisionStatus[];
}

function filtersOf(q: DecisionListQuery): repo.DecisionFilters {
  return {
    statuses: parseStatuses(q.status),
    bodyId: q.bodyId,
    meetingId: q.meetingId,
    memberState: q.memberState,
    assigneeBodyId: q.assigneeBodyId,
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    q: q.q ? likePattern(q.q) : undefined,
  };
}

export async function listDecisionsPage(
  ctx: Ctx,
  q: DecisionListQuery,
): Promise<Page<DecisionListItem>> {
  requireSignedIn(ctx.actor);
  const today = todayIso();
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await repo.listDecisions(ctx.db, filtersOf(q), today, q.sort, after, q.limit);
  const shown = rows.slice(0, q.limit);
  const relations = await repo.findRelations(
    ctx.db,
    shown.map((r) => r.id),
  );
  return toPage(
    rows,
    q.limit,
    (r) => (q.sort === 'due' ? [r.dueKey, r.id] : [r.sortKey, r.id]),
    (r) => repo.mapDecisionListItem(r, relations.get(r.id) ?? []),
  );
}

/** One decision of the register as exports need it (no text, no relations). */
export interface RegisterRow {
  id: string;
  number: string;
  kind: Decision['kind'];
  title: LocalizedText;
  bodyId: string;
  meetingNumber: number | null;
  adoptedOn: string;
  status: DecisionStatus;
  openAssignments: number;
  nextDueDate: string | null;
}

/**
 * The register under the list's filters and in the list's order, batch by batch, so an export
 * of 50,000 decisions never holds them all. Access and filters are checked before it returns.
 */
export async function registerBatches(
  ctx: Ctx,
  q: Omit<DecisionListQuery, 'limit' | 'cursor'>,
  size = 500,
): Promise<AsyncGenerator<RegisterRow[]>> {
  requireSignedIn(ctx.actor);
  const filters = filtersOf({ ...q, limit: size });
  const today = todayIso();
  async function* batches(): AsyncGenerator<RegisterRow[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await repo.listDecisions(ctx.db, filters, today, q.sort, after, size);
      const shown = rows.slice(0, size);
      yield shown.map((r) => ({
        id: r.id,
        number: r.number,
        kind: r.kind as Decision['kind'],
        title: parseText(r.title),
        bodyId: r.bodyId,
        meetingNumber: r.meetingNumber,
        adoptedOn: r.adoptedOn,
        status: r.status,
        openAssignments: r.openCount,
        nextDueDate: r.nextOpenDue,
      }));
      const last = shown[shown.length - 1];
      if (rows.length <= size || !last) {
        return;
      }
      after = q.sort === 'due' ? [last.dueKey, last.id] : [last.sortKey, last.id];
    }
  }
  return batches();
}

export async function countDecisions(
  ctx: Ctx,
  q: DecisionListQuery,
): Promise<{ total: number; byStatus: Record<DecisionStatus, number> }> {
  requireSignedIn(ctx.actor);
  const byStatus = await repo.countDecisionsByStatus(ctx.db, filtersOf(q), todayIso());
  const wanted = parseStatuses(q.status);
  const total = Object.entries(byStatus)
    .filter(([status]) => !wanted || wanted.includes(status as DecisionStatus))
    .reduce((sum, [, n]) => sum + n, 0);
  return { total, byStatus };
}

async function checkBodyAndMeeting(
  db: Tx,
  input: { bodyId: string; meetingId: string | null; agendaItemId: string | null },
) {
  const body = await db
    .selectFrom('bodies')
    .select('id')
    .where('id', '=', input.bodyId)
    .executeTakeFirst();
  if (!body) {
    throw invalid('bodyId', 'No such body.');
  }
  let meeting: { id: string; bodyId: string; number: number; startDate: string } | undefined;
  if (input.meetingId) {
    meeting = await db
      .selectFrom('meetings')
      .select(['id', 'bodyId', 'number', 'startDate'])
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting) {
      throw invalid('meetingId', 'No such meeting.');
    }
    if (meeting.bodyId !== input.bodyId) {
      throw invalid('meetingId', 'The meeting is not a meeting of the adopting body.');
    }
  }
  if (input.agendaItemId) {
    if (!input.meetingId) {
      throw invalid('agendaItemId', 'An agenda item needs the meeting it belongs to.');
    }
    const item = await db
      .selectFrom('agendaItems')
      .select('id')
      .where('id', '=', input.agendaItemId)
      .where('meetingId', '=', input.meetingId)
      .executeTakeFirst();
    if (!item) {
      throw invalid('agendaItemId', 'No such agenda item in this meeting.');
    }
  }
  return meeting;
}

/** Links a decision to earlier ones; superseding or cancelling closes the earlier decision. */
async function addRelations(
  ctx: Ctx,
  trx: Tx,
  fromId: string,
  relations: { kind: string; decisionId: string }[],
  now: string,
): Promise<void> {
  for (const [index, relation] of relations.entries()) {
    if (relation.decisionId === fromId) {
      throw invalid(`relations.${index}.decisionId`, 'A decision cannot act on itself.');
    }
    const target = await repo.findDecision(trx, relation.decisionId, todayIso());
    if (!target) {
      throw invalid(`relations.${index}.decisionId`, 'No such decision.');
    }
    const closes = relation.kind === 'supersedes' || relation.kind === 'cancels';
    if (closes && target.closedAs) {
      throw new AppError(
        'invalid_transition',
        `Decision ${target.number} is already ${target.closedAs}.`,
      );
    }
    await guardConstraints(
      () =>
        trx
          .insertInto('decisionRelations')
          .values({ fromId, toId: target.id, kind: relation.kind })
          .execute(),
      { unique: 'This link between the decisions exists already.' },
    );
    if (closes) {
      await trx
        .updateTable('decisions')
        .set({
          closedAs: relation.kind === 'supersedes' ? 'superseded' : 'cancelled',
          version: target.version + 1,
          updatedAt: now,
        })
        .where('id', '=', target.id)
        .execute();
      await recordAudit(trx, ctx.dialect, ctx.actor, {
        action: relation.kind === 'supersedes' ? 'supersede' : 'cancel',
        entityType: 'decision',
        entityId: target.id,
        change: { by: fromId },
      });
      await reindex(trx, 'decision', target.id);
    }
  }
}

const MAX_NUMBERING_ATTEMPTS = 5;

/**
 * Records an adopted decision. With a meeting it is numbered meeting/ordinal, the next ordinal of
 * that meeting; the meeting row is locked (PostgreSQL) and the unique constraint backs it up, so
 * concurrent creation yields neither gaps nor duplicates.
 */
export async function createDecision(ctx: Ctx, input: DecisionCreate): Promise<Decision> {
  requireContentWriter(ctx.actor);
  for (let attempt = 1; ; attempt++) {
    try {
      const { id } = await ctx.db
        .transaction()
        .execute((trx) => insertDecisionInTransaction(ctx, trx, input));
      return getDecision(ctx, id);
    } catch (error) {
      // A concurrent creation took the ordinal (SQLite without row locks): number again.
      const raced =
        (isUniqueViolation(error) ||
          (error instanceof AppError && error.code === 'duplicate' && !!input.meetingId)) &&
        attempt < MAX_NUMBERING_ATTEMPTS;
      if (!raced) {
        throw error;
      }
    }
  }
}

/**
 * The body of createDecision in the caller's transaction, for a module whose change creates a
 * decision atomically with its own (sessions: the adoption of a proposal). Access is the caller's
 * to check; on a numbering race the caller retries its whole transaction.
 */
export async function insertDecisionInTransaction(
  ctx: Ctx,
  trx: Tx,
  input: DecisionCreate,
): Promise<{ id: string; number: string }> {
  if (!input.meetingId && !input.number) {
    throw invalid('number', 'Give the number of a decision adopted outside a meeting.');
  }
  if (ctx.dialect === 'postgres' && input.meetingId) {
    await sql`select id from meetings where id = ${input.meetingId} for update`.execute(trx);
  }
  const meeting = await checkBodyAndMeeting(trx, input);
  const ordinal = meeting ? await repo.nextOrdinal(trx, meeting.id) : null;
  const number = meeting ? `${meeting.number}/${ordinal}` : (input.number as string);
  const adoptedOn = input.adoptedOn ?? meeting?.startDate;
  if (!adoptedOn) {
    throw invalid('adoptedOn', 'Give the date of adoption.');
  }
  const now = nowIso();
  const row = {
    id: newId(),
    bodyId: input.bodyId,
    meetingId: input.meetingId,
    agendaItemId: input.agendaItemId,
    number,
    meetingNumber: meeting?.number ?? null,
    ordinal,
    kind: input.kind,
    title: storeText(input.title) as string,
    text: storeText(input.text) as string,
    adoptedOn,
    closedAs: null,
    assignmentCount: 0,
    openCount: 0,
    nextOpenDue: null,
    dueKey: FAR_FUTURE,
    textHtml: JSON.stringify(renderLocalizedMarkdown(input.text)),
    searchText: searchText(number, input.title, input.text),
    sortKey: sortKeyOf(adoptedOn, meeting?.number ?? null, ordinal, number),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await guardConstraints(() => repo.insertDecision(trx, row), {
    unique: `Decision ${number} of this body exists already.`,
    uniqueErrors: [{ path: 'number', message: 'Already in use' }],
  });
  await recordAudit(trx, ctx.dialect, ctx.actor, {
    action: 'create',
    entityType: 'decision',
    entityId: row.id,
    change: { ...input, number },
  });
  await addRelations(ctx, trx, row.id, input.relations, now);
  await reindex(trx, 'decision', row.id);
  return { id: row.id, number };
}

export async function updateDecision(
  ctx: Ctx,
  id: string,
  patch: DecisionPatch,
  ifMatch: number | null,
): Promise<Decision> {
  requireContentWriter(ctx.actor);
  const current = await loadDecision(ctx, id);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw staleDecision(current.version);
  }
  if (patch.agendaItemId !== undefined && patch.agendaItemId !== null) {
    await checkBodyAndMeeting(ctx.db, { ...current, agendaItemId: patch.agendaItemId });
  }
  const before = await present(ctx.db, current);
  const title = patch.title ?? before.title;
  const text = patch.text ?? before.text;
  const adoptedOn = patch.adoptedOn ?? current.adoptedOn;
  const values = {
    kind: patch.kind ?? current.kind,
    title: storeText(title) as string,
    text: storeText(text) as string,
    textHtml: patch.text ? JSON.stringify(renderLocalizedMarkdown(text)) : current.textHtml,
    adoptedOn,
    agendaItemId: patch.agendaItemId !== undefined ? patch.agendaItemId : current.agendaItemId,
    searchText: searchText(current.number, title, text),
    sortKey: sortKeyOf(adoptedOn, current.meetingNumber, current.ordinal, current.number),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.updateDecisionRow(trx, id, current.version, values)) === 0) {
      throw staleDecision(current.version + 1);
    }
    const after = await present(trx, { ...current, ...values });
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'update',
      entityType: 'decision',
      entityId: id,
      change: diff(
        {
          kind: before.kind,
          title: before.title,
          text: before.text,
          adoptedOn: before.adoptedOn,
          agendaItemId: before.agendaItemId,
        },
        {
          kind: after.kind,
          title: after.title,
          text: after.text,
          adoptedOn: after.adoptedOn,
          agendaItemId: after.agendaItemId,
        },
      ),
    });
    await reindex(trx, 'decision', id);
  });
  return getDecision(ctx, id);
}

export async function addDecisionRelation(
  ctx: Ctx,
  id: string,
  relation: { kind: string; decisionId: string },
): Promise<Decision> {
  requireContentWriter(ctx.actor);
  await loadDecision(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await addRelations(ctx, trx, id, [relation], nowIso());
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'relate',
      entityType: 'decision',
      entityId: id,
      change: relation,
    });
  });
  return getDecision(ctx, id);
}

/**
 * Removes a decision entered by mistake. Only the last decision of its meeting may go (so the
 * numbering keeps no gap), and only while nothing reports on or refers to it.
 */
export async function deleteDecision(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await loadDecision(ctx, id);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw staleDecision(current.version);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (
      current.meetingId &&
      (await repo.nextOrdinal(trx, current.meetingId)) !== (current.ordinal ?? 0) + 1
    ) {
      throw new AppError(
        'in_use',
        'Only the last decision of a meeting can be removed, so the numbering keeps no gap; cancel this one by a later decision instead.',
      );
    }
    const reports = await trx
      .selectFrom('implementationReports')
      .select('id')
      .where('decisionId', '=', id)
      .limit(1)
      .executeTakeFirst();
    const relations = await repo.findRelations(trx, [id]);
    if (reports || (relations.get(id)?.length ?? 0) > 0) {
      throw new AppError(
        'in_use',
        'Reports or other decisions refer to this decision; cancel it by a later decision instead.',
      );
    }
    await trx.deleteFrom('decisions').where('id', '=', id).execute();
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'decision',
      entityId: id,
      change: { number: current.number, title: parseText(current.title) },
    });
    await removeFromIndex(trx, 'decision', id);
  });
}

// ---- Assignments ------------------------------------------------------------------------------

export async function listDecisionAssignments(ctx: Ctx, decisionId: string): Promise<Assignment[]> {
  const decision = await loadDecision(ctx, decisionId);
  const today = todayIso();
  const { assignments, reports } = await repo.findAssignments(ctx.db, [decisionId]);
  return assignments.map((a) =>
    repo.mapAssignment(
      a,
      a.latestReportId ? (reports.get(a.latestReportId) ?? null) : null,
      today,
      decision.closedAs !== null,
    ),
  );
}

async function presentAssignment(db: Tx, decisionId: string, id: string): Promise<Assignment> {
  const row = await repo.findAssignment(db, decisionId, id);
  if (!row) {
    throw notFound('assignment');
  }
  const latest = row.latestReportId
    ? ((await repo.findReport(db, row.latestReportId)) ?? null)
    : null;
  const decision = await repo.findDecision(db, decisionId, todayIso());
  return repo.mapAssignment(row, latest, todayIso(), !!decision?.closedAs);
}

export async function getAssignment(ctx: Ctx, decisionId: string, id: string): Promise<Assignment> {
  await loadDecision(ctx, decisionId);
  return presentAssignment(ctx.db, decisionId, id);
}

export async function createAssignment(
  ctx: Ctx,
  decisionId: string,
  input: AssignmentCreate,
): Promise<Assignment> {
  requireContentWriter(ctx.actor);
  const decision = await loadDecision(ctx, decisionId);
  if ((input.memberState === null) === (input.bodyId === null)) {
    throw invalid('memberState', 'Assign to one member state or one body.');
  }
  if (decision.closedAs) {
    throw new AppError('invalid_transition', `The decision is ${decision.closedAs}.`);
  }
  if (input.memberState) {
    const state = await ctx.db
      .selectFrom('memberStates')
      .select('code')
      .where('code', '=', input.memberState)
      .executeTakeFirst();
    if (!state) {
      throw invalid('memberState', 'No such member state.');
    }
  }
  if (input.bodyId) {
    const body = await ctx.db
      .selectFrom('bodies')
      .select('id')
      .where('id', '=', input.bodyId)
      .executeTakeFirst();
    if (!body) {
      throw invalid('bodyId', 'No such body.');
    }
  }
  const now = nowIso();
  const row = {
    id: newId(),
    decisionId,
    memberState: input.memberState,
    bodyId: input.bodyId,
    dueDate: input.dueDate,
    status: 'pending',
    latestReportId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto('assignments').values(row).execute();
        await repo.refreshDecisionAggregates(trx, decisionId);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'assignment',
          entityId: row.id,
          change: { decisionId, ...input },
        });
        // Notifications (issue 4): the assigned state's delegates or the body's users hear of it.
        await notifyDecisionAssigned(trx, row);
      }),
    {
      unique: 'This decision is already assigned to that assignee.',
      uniqueErrors: [
        { path: input.memberState ? 'memberState' : 'bodyId', message: 'Already assigned' },
      ],
    },
  );
  return repo.mapAssignment(row, null, todayIso());
}

export async function updateAssignment(
  ctx: Ctx,
  decisionId: string,
  id: string,
  patch: { dueDate?: string | null },
  ifMatch: number | null,
): Promise<Assignment> {
  requireContentWriter(ctx.actor);
  await loadDecision(ctx, decisionId);
  const current = await repo.findAssignment(ctx.db, decisionId, id);
  if (!current) {
    throw notFound('assignment');
  }
  if (ifMatch !== null && ifMatch !== current.version) {
    throw new AppError('precondition_failed', 'This assignment changed since you read it; reload.');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('assignments')
      .set({
        dueDate: patch.dueDate !== undefined ? patch.dueDate : current.dueDate,
        version: current.version + 1,
        updatedAt: nowIso(),
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError('precondition_failed', 'This assignment changed meanwhile; reload.');
    }
    await repo.refreshDecisionAggregates(trx, decisionId);
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'update',
      entityType: 'assignment',
      entityId: id,
      change: { dueDate: [current.dueDate, patch.dueDate ?? null] },
    });
  });
  return presentAssignment(ctx.db, decisionId, id);
}

export async function deleteAssignment(
  ctx: Ctx,
  decisionId: string,
  id: string,
  ifMatch: number | null,
): Promise<void> {
  requireContentWriter(ctx.actor);
  await loadDecision(ctx, decisionId);
  const current = await repo.findAssignment(ctx.db, decisionId, id);
  if (!current) {
    throw notFound('assignment');
  }
  if (ifMatch !== null && ifMatch !== current.version) {
    throw new AppError('precondition_failed', 'This assignment changed since you read it; reload.');
  }
  if (current.latestReportId) {
    throw new AppError(
      'in_use',
      'Reports were submitted on this assignment; it cannot be removed.',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('assignments').where('id', '=', id).execute();
    await repo.refreshDecisionAggregates(trx, decisionId);
    // Recorded on the decision: the assignment is gone, and its removal is part of the
    // decision's history (which gathers the events of the decision and its assignments).
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'unassign',
      entityType: 'decision',
      entityId: decisionId,
      change: {
        assignmentId: id,
        memberState: current.memberState,
        bodyId: current.bodyId,
        dueDate: current.dueDate,
      },
    });
  });
}

export async function listAssignmentsPage(
  ctx: Ctx,
  q: {
    memberState?: string;
    bodyId?: string;
    open?: 'true' | 'false';
    overdue?: 'true' | 'false';
    dueFrom?: string;
    dueTo?: string;
    cursor?: string;
    limit: number;
  },
): Promise<Page<AssignmentListItem>> {
  requireSignedIn(ctx.actor);
  const today = todayIso();
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await repo.listAssignmentsAcross(
    ctx.db,
    {
      memberState: q.memberState,
      bodyId: q.bodyId,
      open: q.open === undefined ? undefined : q.open === 'true',
      overdue: q.overdue === 'true',
      dueFrom: q.dueFrom,
      dueTo: q.dueTo,
    },
    today,
    after,
    q.limit,
  );
  const reportIds = rows
    .slice(0, q.limit)
    .map((r) => r.latestReportId)
    .filter((x): x is string => !!x);
  const reports = new Map<string, repo.ReportRow>();
  if (reportIds.length) {
    for (const r of await ctx.db
      .selectFrom('implementationReports')
      .selectAll()
      .where('id', 'in', reportIds)
      .execute()) {
      reports.set(r.id, r);
    }
  }
  return toPage(
    rows,
    q.limit,
    (r) => [r.dueKey, r.id],
    (r) =>
      repo.mapAssignmentListItem(
        r,
        r.latestReportId ? (reports.get(r.latestReportId) ?? null) : null,
        today,
      ),
  );
}

// ---- Reports ----------------------------------------------------------------------------------

export async function listDecisionReports(
  ctx: Ctx,
  decisionId: string,
  assignmentId?: string,
): Promise<Report[]> {
  await loadDecision(ctx, decisionId);
  return (await repo.listReports(ctx.db, decisionId, assignmentId)).map(repo.mapReport);
}

/**
 * Why a report on this assignment may not be made, or null when it may (DESIGN §3: a delegate
 * reports only for its own state; a body's assignment is reported by the secretariat; a closed
 * decision takes no reports; a report is not dated in the future). POST /decisions/{id}/reports
 * throws the answer; the bulk import lists it as a problem of its row.
 */
export function reportRefusal(
  actor: Ctx['actor'],
  decision: { closedAs: string | null },
  assignment: { memberState: string | null },
  reportedOn: string,
  today: string,
): AppError | null {
  if (assignment.memberState) {
    try {
      requireActsForState(actor, assignment.memberState);
    } catch (error) {
      return error as AppError;
    }
  } else if (!isStaff(actor)) {
    return new AppError('forbidden', 'The secretariat reports for bodies.');
  }
  if (decision.closedAs) {
    return new AppError(
      'invalid_transition',
      `The decision is ${decision.closedAs}; it takes no more reports.`,
    );
  }
  if (reportedOn > today) {
    return invalid('reportedOn', 'A report cannot be dated in the future.');
  }
  return null;
}

/**
 * Writes one report in the caller's transaction: the report, the assignment's status from its
 * latest report, the decision's aggregates (its derived status) and the audit event.
 */
export async function writeReport(
  ctx: Ctx,
  trx: Tx,
  decisionId: string,
  assignmentId: string,
  input: { status: ReportCreate['status']; text: ReportCreate['text']; reportedOn: string },
): Promise<Report> {
  const now = nowIso();
  const row = {
    id: newId(),
    assignmentId,
    decisionId,
    status: input.status,
    text: storeText(input.text),
    reportedOn: input.reportedOn,
    reportedById: ctx.actor.id,
    reportedByName: ctx.actor.name,
    createdAt: now,
  };
  await trx.insertInto('implementationReports').values(row).execute();
  await repo.refreshAssignmentFromReports(trx, assignmentId, now);
  await repo.refreshDecisionAggregates(trx, decisionId);
  await recordAudit(trx, ctx.dialect, ctx.actor, {
    action: 'report',
    entityType: 'assignment',
    entityId: assignmentId,
    change: { reportId: row.id, status: input.status, reportedOn: input.reportedOn },
  });
  // Notifications (issue 4): the secretariat hears of a report an assignee made (not of its own).
  if (!isStaff(ctx.actor)) {
    await notifyReportSubmitted(trx, {
      id: row.id,
      decisionId,
      assignmentId,
      status: input.status,
      reportedBy: ctx.actor.name,
    });
  }
  return repo.mapReport(row);
}

/**
 * An assignee reports on its assignment. A delegate reports only for its own state (DESIGN §3);
 * a body's assignment is reported by the secretariat. Every report is kept; the assignment takes
 * the status of its latest.
 */
export async function submitReport(
  ctx: Ctx,
  decisionId: string,
  input: ReportCreate,
): Promise<Report> {
  requireSignedIn(ctx.actor);
  const decision = await loadDecision(ctx, decisionId);
  const assignment = await repo.findAssignment(ctx.db, decisionId, input.assignmentId);
  if (!assignment) {
    throw invalid('assignmentId', 'No such assignment of this decision.');
  }
  const today = todayIso();
  const reportedOn = input.reportedOn ?? today;
  const refusal = reportRefusal(ctx.actor, decision, assignment, reportedOn, today);
  if (refusal) {
    throw refusal;
  }
  return ctx.db.transaction().execute((trx) =>
    writeReport(ctx, trx, decisionId, assignment.id, {
      status: input.status,
      text: input.text,
      reportedOn,
    }),
  );
}

/**
 * GET /decisions/{id}/history: the audit trail of the decision and of its assignments, newest
 * first. Like the audit trail itself, for the secretariat and admins.
 */
export async function getDecisionHistory(
  ctx: Ctx,
  id: string,
): Promise<{ items: DecisionHistoryEvent[] }> {
  requireRole(ctx.actor, 'secretariat', 'admin');
  if (!(await repo.findDecision(ctx.db, id, todayIso()))) {
    throw notFound('decision');
  }
  const rows = await repo.findDecisionHistory(ctx.db, id);
  return {
    items: rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
      action: row.action,
      entityType: row.entityType === 'assignment' ? 'assignment' : 'decision',
      entityId: row.entityId,
      assignee:
        row.entityType === 'assignment'
          ? { memberState: row.assigneeState ?? null, bodyId: row.assigneeBody ?? null }
          : null,
      change: JSON.parse(row.change) as unknown,
    })),
  };
}
