import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { parseText } from '../../platform/text.ts';
import { localizedParams, notify } from './notify.ts';

/**
 * Notifications of the decisions area, called by its service inside the write transaction.
 * They read the names they show here, so the decisions service needs only one line per event.
 */

async function assigneeParams(
  db: Kysely<Database>,
  memberState: string | null,
  bodyId: string | null,
): Promise<Record<string, string>> {
  if (memberState) {
    const state = await db
      .selectFrom('memberStates')
      .select('name')
      .where('code', '=', memberState)
      .executeTakeFirst();
    return state ? localizedParams('assignee', parseText(state.name)) : { assignee: memberState };
  }
  if (bodyId) {
    const body = await db
      .selectFrom('bodies')
      .select('name')
      .where('id', '=', bodyId)
      .executeTakeFirst();
    return body ? localizedParams('assignee', parseText(body.name)) : { assignee: bodyId };
  }
  return {};
}

async function decisionParams(
  db: Kysely<Database>,
  decisionId: string,
): Promise<Record<string, string> | null> {
  const decision = await db
    .selectFrom('decisions')
    .select(['number', 'title'])
    .where('id', '=', decisionId)
    .executeTakeFirst();
  return decision
    ? { number: decision.number, ...localizedParams('decision', parseText(decision.title)) }
    : null;
}

/** A decision assigned to a member state (its delegates) or a body (users of that body). */
export async function notifyDecisionAssigned(
  db: Kysely<Database>,
  a: {
    id: string;
    decisionId: string;
    memberState: string | null;
    bodyId: string | null;
    dueDate: string | null;
  },
): Promise<void> {
  const decision = await decisionParams(db, a.decisionId);
  if (!decision) {
    return;
  }
  await notify(db, {
    kind: 'decision_assigned',
    dedupeKey: `assignment:${a.id}:assigned`,
    audience: a.memberState
      ? { memberStates: [a.memberState] }
      : { bodyIds: a.bodyId ? [a.bodyId] : [] },
    entity: { type: 'assignment', id: a.id },
    params: {
      ...decision,
      ...(await assigneeParams(db, a.memberState, a.bodyId)),
      ...(a.dueDate ? { dueDate: a.dueDate } : {}),
    },
    link: `/app/decisions/${a.decisionId}`,
  });
}

/** An implementation report, to the secretariat (who follows every state's implementation). */
export async function notifyReportSubmitted(
  db: Kysely<Database>,
  r: {
    id: string;
    decisionId: string;
    assignmentId: string;
    status: string;
    reportedBy: string;
  },
): Promise<void> {
  const decision = await decisionParams(db, r.decisionId);
  const assignment = await db
    .selectFrom('assignments')
    .select(['memberState', 'bodyId'])
    .where('id', '=', r.assignmentId)
    .executeTakeFirst();
  if (!decision || !assignment) {
    return;
  }
  await notify(db, {
    kind: 'report_submitted',
    dedupeKey: `report:${r.id}:submitted`,
    audience: { roles: ['secretariat'] },
    entity: { type: 'report', id: r.id },
    params: {
      ...decision,
      ...(await assigneeParams(db, assignment.memberState, assignment.bodyId)),
      status: r.status,
      reportedBy: r.reportedBy,
    },
    link: `/app/decisions/${r.decisionId}`,
  });
}
