import {
  type AgendaItem,
  type AgendaOrderNode,
  type DecisionStatus,
  type ImplementationReview,
  type ImplementationSummary,
  type ReviewAssignment,
  type ReviewEntry,
  toRoman,
} from '@plenum/shared';
import { requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { type Ctx, nowIso, type Tx, todayIso } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { createAgendaItem, listAgenda, reorderAgenda } from '../agenda/service.ts';
import { isOpenStatus } from '../decisions/repository.ts';
import * as repo from './repository.ts';

type ReviewRow = {
  id: string;
  number: string;
  title: string;
  bodyId: string;
  kind: string;
  adoptedOn: string;
  status: DecisionStatus;
  source: string;
  statusAtReview?: string;
};

async function buildReview(
  db: Tx,
  meetingId: string,
): Promise<{ review: ImplementationReview; rows: ReviewRow[] }> {
  const meeting = await repo.findMeetingForReview(db, meetingId);
  if (!meeting) {
    throw notFound('meeting');
  }
  const today = todayIso();
  const recorded = await repo.findReview(db, meetingId);
  let rows: ReviewRow[];
  let previousId: string | null;
  if (recorded) {
    rows = await repo.findRecordedReviewDecisions(db, meetingId, today);
    previousId = recorded.previousMeetingId;
  } else {
    const previous = await repo.findPreviousReview(db, meeting.bodyId, meeting.number);
    rows = await repo.findLiveReviewDecisions(db, meeting, previous, today);
    previousId = previous?.id ?? null;
  }

  const assignments = await repo.findReviewAssignments(
    db,
    rows.map((r) => r.id),
  );
  // Member states first, then bodies, each in a stable order: the matrix's columns.
  assignments.sort((a, b) =>
    a.memberState !== b.memberState
      ? a.memberState === null
        ? 1
        : b.memberState === null
          ? -1
          : a.memberState < b.memberState
            ? -1
            : 1
      : (a.bodyId ?? '') !== (b.bodyId ?? '')
        ? (a.bodyId ?? '') < (b.bodyId ?? '')
          ? -1
          : 1
        : a.id < b.id
          ? -1
          : 1,
  );
  const byDecision = new Map<string, typeof assignments>();
  for (const a of assignments) {
    const list = byDecision.get(a.decisionId);
    if (list) {
      list.push(a);
    } else {
      byDecision.set(a.decisionId, [a]);
    }
  }

  const summary = {
    total: rows.length,
    implemented: 0,
    inProgress: 0,
    overdue: 0,
    notImplemented: 0,
    closed: 0,
  };
  const entries: ReviewEntry[] = rows.map((row) => {
    const own = byDecision.get(row.id) ?? [];
    const closed = row.status === 'cancelled' || row.status === 'superseded';
    const mapped: ReviewAssignment[] = own.map((a) => ({
      id: a.id,
      memberState: a.memberState,
      bodyId: a.bodyId,
      dueDate: a.dueDate,
      status: a.status as ReviewAssignment['status'],
      overdue: !closed && isOpenStatus(a.status) && a.dueDate !== null && a.dueDate < today,
      latestReport:
        a.latestReportId && a.reportStatus && a.reportedOn
          ? {
              id: a.latestReportId,
              status: a.reportStatus as NonNullable<ReviewAssignment['latestReport']>['status'],
              text: parseTextOrNull(a.reportText),
              reportedOn: a.reportedOn,
              reportedBy: a.reportedByName ?? '',
            }
          : null,
    }));
    switch (row.status) {
      case 'implemented':
        summary.implemented++;
        break;
      case 'overdue':
        summary.overdue++;
        break;
      case 'cancelled':
      case 'superseded':
        summary.closed++;
        break;
      default:
        if (mapped.some((a) => a.status === 'not_implemented')) {
          summary.notImplemented++;
        } else {
          summary.inProgress++;
        }
    }
    return {
      decision: {
        id: row.id,
        number: row.number,
        title: parseText(row.title),
        bodyId: row.bodyId,
        kind: row.kind as ReviewEntry['decision']['kind'],
        adoptedOn: row.adoptedOn,
        status: row.status,
      },
      source: row.source as ReviewEntry['source'],
      statusAtReview: (row.statusAtReview as DecisionStatus | undefined) ?? null,
      assignments: mapped,
    };
  });
  return {
    review: {
      meetingId,
      previousReviewMeetingId: previousId,
      recorded: !!recorded,
      asOf: today,
      entries,
      summary,
    },
    rows,
  };
}

/** GET /meetings/{id}/implementation-review. Anonymous callers cannot read it. */
export async function getImplementationReview(
  ctx: Ctx,
  meetingId: string,
): Promise<ImplementationReview> {
  requireSignedIn(ctx.actor);
  return (await buildReview(ctx.db, meetingId)).review;
}

/**
 * Fixes what a meeting reviewed, with each decision's status at that moment. Called in the
 * transaction that marks the meeting held, so the next review starts from what remained open.
 */
export async function recordImplementationReview(trx: Tx, meetingId: string): Promise<void> {
  if (await repo.findReview(trx, meetingId)) {
    return;
  }
  const { review } = await buildReview(trx, meetingId);
  const now = nowIso();
  await trx
    .insertInto('reviews')
    .values({ meetingId, previousMeetingId: review.previousReviewMeetingId, recordedAt: now })
    .execute();
  for (let i = 0; i < review.entries.length; i += 200) {
    await trx
      .insertInto('reviewRecords')
      .values(
        review.entries.slice(i, i + 200).map((e) => ({
          meetingId,
          decisionId: e.decision.id,
          source: e.source,
          status: e.decision.status,
          recordedAt: now,
        })),
      )
      .execute();
  }
}

/**
 * The one action that puts the review on the agenda: "On the implementation of the decisions of
 * the XX meeting …", first on the agenda, of kind implementation_review (the link to the review).
 */
export async function createReviewAgendaItem(ctx: Ctx, meetingId: string): Promise<AgendaItem> {
  requireContentWriter(ctx.actor);
  const meeting = await repo.findMeetingForReview(ctx.db, meetingId);
  if (!meeting) {
    throw notFound('meeting');
  }
  if (await repo.findReviewAgendaItem(ctx.db, meetingId)) {
    throw new AppError(
      'duplicate',
      'The agenda already has the item on the implementation review.',
    );
  }
  const previous = await repo.findPreviousMeeting(ctx.db, meeting.bodyId, meeting.number);
  if (!previous) {
    throw new AppError(
      'unprocessable',
      'The body has no earlier meeting whose decisions to review.',
    );
  }
  const numeral = toRoman(previous.number);
  const name = parseText(previous.bodyName);
  const genitive = parseTextOrNull(previous.bodyNameGenitive);
  const extraordinary = previous.kind === 'extraordinary';
  const en = name.en ?? name.ru ?? '';
  const ru = genitive?.ru ?? name.ru ?? name.en ?? '';
  const title = {
    en: `On the implementation of the decisions of the ${numeral} ${extraordinary ? 'extraordinary meeting' : 'meeting'} of the ${en}`,
    ru: `О ходе выполнения решений ${numeral} ${extraordinary ? 'внеочередного заседания' : 'заседания'} ${ru}`,
  };
  const item = await createAgendaItem(ctx, meetingId, {
    parentId: null,
    title,
    kind: 'implementation_review',
    description: null,
    rapporteurPersonId: null,
    public: true,
  });
  // Reviews open the meeting: move the new item to the top.
  const agenda = (await listAgenda(ctx, meetingId)).items;
  const children = new Map<string | null, AgendaOrderNode[]>();
  for (const row of [...agenda].reverse()) {
    const node: AgendaOrderNode = { id: row.id, children: children.get(row.id) ?? [] };
    children.set(row.parentId, [node, ...(children.get(row.parentId) ?? [])]);
  }
  const top = children.get(null) ?? [];
  const ordered = [...top.filter((n) => n.id === item.id), ...top.filter((n) => n.id !== item.id)];
  const reordered = await reorderAgenda(ctx, meetingId, { items: ordered });
  return reordered.items.find((i) => i.id === item.id) ?? item;
}

/** The dashboard's figures: overdue and due-soon assignments, per state and per body. */
export async function getImplementationSummary(ctx: Ctx): Promise<ImplementationSummary> {
  requireSignedIn(ctx.actor);
  const today = todayIso();
  const in30 = new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10);
  const [overdue, dueSoon, states, bodies] = await Promise.all([
    repo.countOpenAssignmentsDue(ctx.db, null, today),
    repo.countOpenAssignmentsDue(ctx.db, today, in30),
    repo.countAssignmentsByState(ctx.db, today),
    repo.countDecisionsByBody(ctx.db, today),
  ]);
  const byBody = new Map<string, ImplementationSummary['byBody'][number]>();
  for (const row of bodies) {
    const entry = byBody.get(row.bodyId) ?? {
      bodyId: row.bodyId,
      total: 0,
      implemented: 0,
      inProgress: 0,
      overdue: 0,
      closed: 0,
    };
    const n = Number(row.n);
    entry.total += n;
    if (row.status === 'implemented') {
      entry.implemented += n;
    } else if (row.status === 'overdue') {
      entry.overdue += n;
    } else if (row.status === 'in_progress') {
      entry.inProgress += n;
    } else {
      entry.closed += n;
    }
    byBody.set(row.bodyId, entry);
  }
  return {
    asOf: today,
    overdueAssignments: overdue,
    dueWithin30Days: dueSoon,
    byState: states.map((s) => ({
      memberState: s.memberState as string,
      total: Number(s.total),
      implemented: Number(s.implemented),
      open: Number(s.open),
      overdue: Number(s.overdue),
    })),
    byBody: [...byBody.values()],
  };
}
