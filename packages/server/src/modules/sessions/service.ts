import type {
  AttendanceInput,
  CurrentItemInput,
  DecisionCreate,
  MeetingSession,
  MeetingStatus,
  Page,
  Proposal,
  ProposalCreate,
  ProposalListQuery,
  ProposalPositionInput,
  WrittenDecisionList,
} from '@plenum/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import {
  requireActsForState,
  requireContentWriter,
  requireSignedIn,
} from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, ANONYMOUS, type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { guardConstraints, isUniqueViolation } from '../../platform/db-errors.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { parseText, storeText } from '../../platform/text.ts';
import { listAgenda } from '../agenda/service.ts';
import { insertDecisionInTransaction } from '../decisions/service.ts';
import { setDocumentStatus } from '../documents/service.ts';
import { expectVersion, readableMeeting, updateMeeting } from '../meetings/service.ts';
import { localizedParams, notify } from '../notifications/notify.ts';
import * as repo from './repository.ts';

/**
 * Session mode and written procedure (issue 8). A meeting in session has a current agenda item,
 * the member states' attendance and proposals on which the present states take positions; a
 * proposal is adopted only by consensus: quorum met (as many member states present as the body's
 * rule asks; by default every member state) and
 * no objection among the present states. Between meetings a proposal is circulated to all member
 * states by written procedure and is adopted when all concur, or at its deadline when none
 * objects. Adoption creates the decision in the same transaction as the proposal's change.
 */

/** The actor of the deadline job: the system acting on its own schedule. */
const SYSTEM: Actor = { ...ANONYMOUS, role: 'admin', name: 'Plenum' };

const MAX_ATTEMPTS = 5;

const conflict = (detail: string) => new AppError('invalid_transition', detail);

const staleSession = () =>
  new AppError('precondition_failed', 'The session changed meanwhile; reload and try again.');
/**
 * One change of a meeting's session inside its transaction: the session row moves on from the
 * version the change was decided on (412 if another change came first), and the audit trail
 * records it as a `meeting_session` event.
 */
async function changeSession(
  trx: Tx,
  ctx: Ctx,
  meetingId: string,
  version: number,
  values: Parameters<typeof repo.updateSession>[3],
  action: string,
  change: Record<string, unknown>,
): Promise<void> {
  if ((await repo.updateSession(trx, meetingId, version, values)) === 0) {
    throw staleSession();
  }
  await recordAudit(trx, ctx.dialect, ctx.actor, {
    action,
    entityType: 'meeting_session',
    entityId: meetingId,
    change: { meetingId, ...change },
  });
}

const staleProposal = () =>
  new AppError('precondition_failed', 'The proposal changed meanwhile; reload and try again.');

/** Today's date where the meeting sits: a decision is adopted on the meeting's local date. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Retries `run` when a concurrent writer took the decision number it chose. */
async function withNumbering<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const raced =
        (isUniqueViolation(error) || (error instanceof AppError && error.code === 'duplicate')) &&
        attempt < MAX_ATTEMPTS;
      if (!raced) {
        throw error;
      }
    }
  }
}

// ---- Reading -----------------------------------------------------------------------------------

interface Standing {
  members: { code: string; name: { en?: string; ru?: string } }[];
  present: Set<string>;
  attendance: Map<string, { present: boolean; recordedAt: string }>;
  /** The body's quorum rule (member states present); null: all of them. */
  quorum: number | null;
}

async function standingOf(db: Tx, meetingId: string | null): Promise<Standing> {
  const members = await repo.listMemberStates(db);
  const attendance = new Map<string, { present: boolean; recordedAt: string }>();
  let quorum: number | null = null;
  if (meetingId) {
    for (const a of await repo.listAttendance(db, meetingId)) {
      attendance.set(a.memberState, { present: a.present === 1, recordedAt: a.recordedAt });
    }
    quorum = await repo.findMeetingQuorum(db, meetingId);
  }
  const present = new Set(
    members.filter((m) => attendance.get(m.code)?.present === true).map((m) => m.code),
  );
  return { members, present, attendance, quorum };
}

/**
 * Who objects and who has not answered. In session only present member states count (an absent
 * state's position does not); by written procedure every member state does. A closed proposal
 * reports the positions as they were recorded.
 */
function outcomeOf(
  row: { procedure: string; status: string },
  positions: repo.PositionRow[],
  standing: Standing,
): Proposal['outcome'] {
  const byState = new Map(positions.map((p) => [p.memberState, p.position]));
  if (row.status !== 'open') {
    return {
      objections: positions.filter((p) => p.position === 'object').map((p) => p.memberState),
      pending: [],
    };
  }
  const counted = standing.members
    .map((m) => m.code)
    .filter((code) => row.procedure === 'written' || standing.present.has(code));
  return {
    objections: counted.filter((code) => byState.get(code) === 'object'),
    pending: counted.filter((code) => !byState.has(code)),
  };
}

/**
 * The body's rule, or all member states when it has none. Capped at the member states: a rule set
 * when there were more of them must not make the quorum unreachable after one leaves.
 */
function quorumOf(standing: Standing): MeetingSession['quorum'] {
  const required = Math.min(standing.quorum ?? standing.members.length, standing.members.length);
  const present = standing.present.size;
  return { required, present, met: required > 0 && present >= required };
}

/** Every member state concurred (with or without a reservation). */
function allConcur(positions: repo.PositionRow[], standing: Standing): boolean {
  const byState = new Map(positions.map((p) => [p.memberState, p.position]));
  return (
    standing.members.length > 0 &&
    standing.members.every((m) => {
      const p = byState.get(m.code);
      return p === 'concur' || p === 'concur_with_reservation';
    })
  );
}

async function presentProposals(db: Tx, rows: repo.ProposalRow[]): Promise<Proposal[]> {
  const positions = await repo.listPositions(
    db,
    rows.map((r) => r.id),
  );
  const standings = new Map<string, Standing>();
  const out: Proposal[] = [];
  for (const row of rows) {
    const key = row.procedure === 'session' ? (row.meetingId ?? '') : '';
    let standing = standings.get(key);
    if (!standing) {
      standing = await standingOf(db, row.procedure === 'session' ? row.meetingId : null);
      standings.set(key, standing);
    }
    const own = positions.filter((p) => p.proposalId === row.id);
    out.push(repo.mapProposal(row, own, outcomeOf(row, own, standing)));
  }
  return out;
}

async function loadProposal(db: Tx, id: string): Promise<Proposal> {
  const row = await repo.findProposal(db, id);
  if (!row) {
    throw notFound('proposal');
  }
  const [proposal] = await presentProposals(db, [row]);
  if (!proposal) {
    throw notFound('proposal');
  }
  return proposal;
}

/** A proposal is part of the internal record: every signed-in user reads it (DESIGN §3). */
export async function getProposal(ctx: Ctx, id: string): Promise<Proposal> {
  requireSignedIn(ctx.actor);
  return loadProposal(ctx.db, id);
}

export async function listProposalsPage(ctx: Ctx, q: ProposalListQuery): Promise<Page<Proposal>> {
  requireSignedIn(ctx.actor);
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listProposals(
    ctx.db,
    { procedure: q.procedure, status: q.status, bodyId: q.bodyId, meetingId: q.meetingId },
    after ? String(after[0]) : null,
    q.limit,
  );
  const shown = rows.slice(0, q.limit);
  const items = await presentProposals(ctx.db, shown);
  const page = toPage(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => r.id,
  );
  return { items, nextCursor: page.nextCursor };
}

/**
 * The meeting's session, readable by whoever reads the meeting; the room display is a workspace
 * page, so signed-in callers only (401 for anonymous ones), and 404 for a meeting they cannot read.
 */
export async function getSession(ctx: Ctx, meetingId: string): Promise<MeetingSession> {
  requireSignedIn(ctx.actor);
  await readableMeeting(ctx, meetingId);
  return assembleSession(ctx, meetingId);
}

async function assembleSession(ctx: Ctx, meetingId: string): Promise<MeetingSession> {
  const meeting = await repo.findSessionMeeting(ctx.db, meetingId);
  if (!meeting) {
    throw notFound('meeting');
  }
  const standing = await standingOf(ctx.db, meetingId);
  const proposals = await presentProposals(
    ctx.db,
    await repo.listMeetingProposals(ctx.db, meetingId),
  );
  let currentAgendaItem: MeetingSession['currentAgendaItem'] = null;
  if (meeting.currentAgendaItemId) {
    const agenda = await listAgenda(ctx, meetingId);
    const item = agenda.items.find((i) => i.id === meeting.currentAgendaItemId);
    currentAgendaItem = item
      ? { id: item.id, position: item.position, title: item.title, kind: item.kind }
      : null;
  }
  const currentProposalId =
    meeting.currentProposalId && proposals.some((p) => p.id === meeting.currentProposalId)
      ? meeting.currentProposalId
      : null;
  return {
    meetingId,
    status: meeting.status as MeetingStatus,
    openedAt: meeting.sessionOpenedAt,
    closedAt: meeting.sessionClosedAt,
    currentAgendaItem,
    quorum: quorumOf(standing),
    attendance: standing.members.map((m) => {
      const a = standing.attendance.get(m.code);
      return {
        memberState: m.code,
        name: m.name,
        present: a?.present ?? false,
        recordedAt: a?.recordedAt ?? null,
      };
    }),
    currentProposalId,
    proposals,
    version: meeting.sessionVersion,
  };
}

// ---- The session -------------------------------------------------------------------------------

/** The meeting row for a session write: 404 if missing, 412 on a stale If-Match. */
async function sessionForWrite(
  ctx: Ctx,
  meetingId: string,
  ifMatch: number | null,
): Promise<repo.SessionMeetingRow> {
  requireContentWriter(ctx.actor);
  const meeting = await repo.findSessionMeeting(ctx.db, meetingId);
  if (!meeting) {
    throw notFound('meeting');
  }
  expectVersion(meeting.sessionVersion, ifMatch);
  return meeting;
}

/** Session writes need a meeting that is in session and not closed. */
function requireInSession(meeting: repo.SessionMeetingRow): void {
  if (meeting.status !== 'in_session' || meeting.sessionClosedAt !== null) {
    throw conflict(
      meeting.status === 'held'
        ? 'The meeting is closed; its session takes no more changes.'
        : 'The meeting is not in session; open the session first.',
    );
  }
}

/**
 * Opens the session: the meeting moves to in_session through the meetings service (its
 * transition rules, version and audit; a planned meeting is announced on the way). A meeting
 * already in session whose session was never opened here is opened as it stands.
 */
export async function openSession(
  ctx: Ctx,
  meetingId: string,
  ifMatch: number | null,
): Promise<MeetingSession> {
  const meeting = await sessionForWrite(ctx, meetingId, ifMatch);
  if (meeting.sessionOpenedAt !== null) {
    throw conflict('The session of this meeting has been opened already.');
  }
  if (meeting.status === 'planned') {
    await updateMeeting(ctx, meetingId, { status: 'announced' }, null);
  }
  if (meeting.status === 'planned' || meeting.status === 'announced') {
    await updateMeeting(ctx, meetingId, { status: 'in_session' }, null);
  } else if (meeting.status !== 'in_session') {
    throw conflict(`A ${meeting.status} meeting cannot go into session.`);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockSessionMeeting(trx, ctx.dialect, meetingId);
    if (!locked || locked.sessionOpenedAt !== null) {
      throw conflict('The session of this meeting has been opened already.');
    }
    const at = nowIso();
    await changeSession(
      trx,
      ctx,
      meetingId,
      locked.sessionVersion,
      { sessionOpenedAt: at },
      'open',
      {
        openedAt: at,
      },
    );
  });
  return assembleSession(ctx, meetingId);
}

/** Closes the session (in_session → held, through the meetings service); 409 while a proposal is open. */
export async function closeSession(
  ctx: Ctx,
  meetingId: string,
  ifMatch: number | null,
): Promise<MeetingSession> {
  const meeting = await sessionForWrite(ctx, meetingId, ifMatch);
  const completing = meeting.status === 'held' && meeting.sessionOpenedAt !== null;
  if (meeting.sessionClosedAt !== null || (meeting.status !== 'in_session' && !completing)) {
    throw conflict('Only a meeting in session can be closed.');
  }
  const open = (await repo.listMeetingProposals(ctx.db, meetingId)).filter(
    (p) => p.status === 'open',
  );
  if (open.length > 0) {
    throw conflict('A proposal is still open; adopt or withdraw it before closing the session.');
  }
  if (meeting.status === 'in_session') {
    await updateMeeting(ctx, meetingId, { status: 'held' }, null);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockSessionMeeting(trx, ctx.dialect, meetingId);
    if (!locked || locked.sessionClosedAt !== null) {
      throw conflict('Only a meeting in session can be closed.');
    }
    const at = nowIso();
    const values = { sessionClosedAt: at, currentProposalId: null };
    await changeSession(trx, ctx, meetingId, locked.sessionVersion, values, 'close', {
      closedAt: at,
    });
  });
  return assembleSession(ctx, meetingId);
}

export async function setCurrentItem(
  ctx: Ctx,
  meetingId: string,
  input: CurrentItemInput,
  ifMatch: number | null,
): Promise<MeetingSession> {
  const meeting = await sessionForWrite(ctx, meetingId, ifMatch);
  requireInSession(meeting);
  if (input.agendaItemId && !(await repo.findAgendaItem(ctx.db, meetingId, input.agendaItemId))) {
    throw new AppError('unprocessable', 'No such agenda item in this meeting.', {
      errors: [{ path: 'agendaItemId', message: 'Not an item of this meeting’s agenda' }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const values = { currentAgendaItemId: input.agendaItemId };
    await changeSession(trx, ctx, meetingId, meeting.sessionVersion, values, 'current_item', {
      agendaItemId: [meeting.currentAgendaItemId, input.agendaItemId],
    });
  });
  return assembleSession(ctx, meetingId);
}

/** The member state must be a member (observers and former members make no quorum). */
async function requireMemberState(db: Tx, code: string): Promise<void> {
  const state = await repo.findMemberState(db, code);
  if (!state) {
    throw notFound('member state');
  }
  if (state.status !== 'member') {
    throw new AppError(
      'unprocessable',
      `${code} is not a member state with the status member; only members take part in adoption.`,
    );
  }
}

export async function setAttendance(
  ctx: Ctx,
  meetingId: string,
  memberState: string,
  input: AttendanceInput,
  ifMatch: number | null,
): Promise<MeetingSession> {
  const meeting = await sessionForWrite(ctx, meetingId, ifMatch);
  requireInSession(meeting);
  await requireMemberState(ctx.db, memberState);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertAttendance(trx, {
      meetingId,
      memberState,
      present: input.present ? 1 : 0,
      recordedAt: nowIso(),
      recordedBy: ctx.actor.id,
    });
    // A stale version rolls the attendance back with it.
    await changeSession(trx, ctx, meetingId, meeting.sessionVersion, {}, 'attendance', {
      memberState,
      present: input.present,
    });
  });
  return assembleSession(ctx, meetingId);
}

// ---- Proposals ---------------------------------------------------------------------------------

/** A proposal may come from a draft decision document, which must exist and be of that kind. */
async function checkDocument(db: Tx, documentId: string | null): Promise<void> {
  if (!documentId) {
    return;
  }
  const document = await repo.findDocument(db, documentId);
  if (!document) {
    throw invalid('documentId', 'No document has this id');
  }
  if (document.kind !== 'draft_decision') {
    throw new AppError('unprocessable', 'A proposal comes from a draft decision document only.', {
      errors: [{ path: 'documentId', message: 'Not a draft_decision document' }],
    });
  }
}

export async function createProposal(ctx: Ctx, input: ProposalCreate): Promise<Proposal> {
  requireContentWriter(ctx.actor);
  await checkDocument(ctx.db, input.documentId);
  const now = nowIso();
  const id = newId();
  const base = {
    id,
    procedure: input.procedure,
    documentId: input.documentId,
    kind: input.kind,
    title: storeText(input.title) as string,
    text: storeText(input.text) as string,
    status: 'open',
    decisionId: null,
    openedAt: now,
    closedAt: null,
    createdBy: ctx.actor.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  if (input.procedure === 'session') {
    const meeting = await repo.findSessionMeeting(ctx.db, input.meetingId);
    if (!meeting) {
      throw invalid('meetingId', 'No meeting has this id');
    }
    requireInSession(meeting);
    if (!(await repo.findAgendaItem(ctx.db, meeting.id, input.agendaItemId))) {
      throw new AppError('unprocessable', 'No such agenda item in this meeting.', {
        errors: [{ path: 'agendaItemId', message: 'Not an item of this meeting’s agenda' }],
      });
    }
    await guardConstraints(
      () =>
        ctx.db.transaction().execute(async (trx) => {
          const locked = await repo.lockSessionMeeting(trx, ctx.dialect, meeting.id);
          if (!locked) {
            throw notFound('meeting');
          }
          requireInSession(locked);
          await repo.insertProposal(trx, {
            ...base,
            bodyId: meeting.bodyId,
            meetingId: meeting.id,
            agendaItemId: input.agendaItemId,
            deadline: null,
          });
          // The new proposal is the one under consideration.
          await repo.updateSession(trx, meeting.id, locked.sessionVersion, {
            currentProposalId: id,
          });
          await recordAudit(trx, ctx.dialect, ctx.actor, {
            action: 'create',
            entityType: 'proposal',
            entityId: id,
            change: { ...input, meetingId: meeting.id },
          });
        }),
      { foreignKey: 'The meeting, agenda item or document was removed meanwhile.' },
    );
    return loadProposal(ctx.db, id);
  }

  const deadline = new Date(input.deadline);
  if (deadline.getTime() <= Date.now()) {
    throw new AppError('unprocessable', 'The deadline must lie in the future.', {
      errors: [{ path: 'deadline', message: 'Give a time in the future' }],
    });
  }
  if (!(await repo.findBody(ctx.db, input.bodyId))) {
    throw invalid('bodyId', 'No body has this id');
  }
  const deadlineIso = deadline.toISOString();
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertProposal(trx, {
          ...base,
          bodyId: input.bodyId,
          meetingId: null,
          agendaItemId: null,
          deadline: deadlineIso,
        });
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'proposal',
          entityId: id,
          change: { ...input, deadline: deadlineIso },
        });
        // Circulated to all member states: their delegates hear of it in this transaction.
        const members = await repo.listMemberStates(trx);
        await notify(trx, {
          kind: 'written_procedure_opened',
          dedupeKey: `proposal:${id}:circulated`,
          audience: { memberStates: members.map((m) => m.code) },
          entity: { type: 'proposal', id },
          params: {
            ...localizedParams('proposal', input.title),
            deadline: deadlineIso.slice(0, 10),
          },
          link: `/app/written-procedures/${id}`,
        });
      }),
    { foreignKey: 'The body or document was removed meanwhile.' },
  );
  return loadProposal(ctx.db, id);
}

/** The proposal for a change: 404 if missing, 412 on a stale If-Match, 409 unless open. */
async function openProposal(
  ctx: Ctx,
  id: string,
  ifMatch: number | null,
): Promise<repo.ProposalRow> {
  const row = await repo.findProposal(ctx.db, id);
  if (!row) {
    throw notFound('proposal');
  }
  expectVersion(row.version, ifMatch);
  if (row.status !== 'open') {
    throw conflict(`The proposal is ${row.status.replace('_', ' ')}; it takes no more changes.`);
  }
  return row;
}

/**
 * Records a member state's position. In session: the secretariat records it, and only for a
 * state recorded present. By written procedure: the secretariat or the state's own delegate,
 * until the deadline; when every member state has concurred the proposal is adopted at once.
 */
export async function setPosition(
  ctx: Ctx,
  id: string,
  memberState: string,
  input: ProposalPositionInput,
  ifMatch: number | null,
): Promise<Proposal> {
  requireSignedIn(ctx.actor);
  const row = await repo.findProposal(ctx.db, id);
  if (!row) {
    throw notFound('proposal');
  }
  if (row.procedure === 'session') {
    requireContentWriter(ctx.actor);
  } else {
    requireActsForState(ctx.actor, memberState);
  }
  await openProposal(ctx, id, ifMatch);
  await requireMemberState(ctx.db, memberState);
  await withNumbering(() =>
    ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.lockProposal(trx, ctx.dialect, id);
      if (locked?.status !== 'open') {
        throw conflict('The proposal was closed meanwhile; it takes no more positions.');
      }
      const at = nowIso();
      if (locked.procedure === 'session') {
        const meeting = locked.meetingId
          ? await repo.lockSessionMeeting(trx, ctx.dialect, locked.meetingId)
          : undefined;
        if (!meeting) {
          throw notFound('meeting');
        }
        requireInSession(meeting);
        const standing = await standingOf(trx, meeting.id);
        if (!standing.present.has(memberState)) {
          throw conflict(
            `${memberState} is not recorded present; an absent state’s position is not recorded in session.`,
          );
        }
      } else if (locked.deadline !== null && locked.deadline <= at) {
        throw conflict('The deadline of this written procedure has passed.');
      }
      await repo.upsertPosition(trx, {
        proposalId: id,
        memberState,
        position: input.position,
        reservation: storeText(input.reservation),
        recordedBy: ctx.actor.id,
        recordedByName: ctx.actor.name,
        recordedAt: at,
      });
      if (
        (await repo.updateOpenProposal(trx, id, locked.version, {
          version: locked.version + 1,
          updatedAt: at,
        })) === 0
      ) {
        throw staleProposal();
      }
      await bumpSession(trx, ctx.dialect, locked.meetingId);
      await recordAudit(trx, ctx.dialect, ctx.actor, {
        action: 'position',
        entityType: 'proposal',
        entityId: id,
        change: {
          meetingId: locked.meetingId,
          memberState,
          position: input.position,
          reservation: input.reservation,
        },
      });
      if (locked.procedure === 'written') {
        const positions = await repo.listPositions(trx, [id]);
        if (allConcur(positions, await standingOf(trx, null))) {
          await adoptIn(ctx, trx, { ...locked, version: locked.version + 1 }, positions, {
            adoptedOn: at.slice(0, 10),
            reason: 'all_concur',
          });
        }
      }
    }),
  );
  return loadProposal(ctx.db, id);
}

/** The session's version moves with every change of its proposals (its ETag covers them). */
async function bumpSession(trx: Tx, dialect: DialectName, meetingId: string | null): Promise<void> {
  if (!meetingId) {
    return;
  }
  const meeting = await repo.lockSessionMeeting(trx, dialect, meetingId);
  if (meeting) {
    await repo.updateSession(trx, meetingId, meeting.sessionVersion, {});
  }
}

/**
 * Adopts a proposal in the caller's transaction: claims it (still open at its version, so it
 * happens once), creates the decision through the decisions service, links it, marks an agreed
 * draft decision document adopted, and records the adoption with the positions and reservations.
 */
async function adoptIn(
  ctx: Ctx,
  trx: Tx,
  proposal: Omit<repo.ProposalRow, 'decisionNumber'>,
  positions: repo.PositionRow[],
  how: { adoptedOn: string; reason: string },
): Promise<void> {
  const at = nowIso();
  const claimed = await repo.updateOpenProposal(trx, proposal.id, proposal.version, {
    status: 'adopted',
    closedAt: at,
    version: proposal.version + 1,
    updatedAt: at,
  });
  if (claimed === 0) {
    throw staleProposal();
  }
  const input: DecisionCreate = {
    bodyId: proposal.bodyId,
    meetingId: proposal.meetingId,
    agendaItemId: proposal.meetingId ? proposal.agendaItemId : null,
    number:
      proposal.procedure === 'written'
        ? await repo.nextWrittenNumber(trx, ctx.dialect, proposal.bodyId, how.adoptedOn.slice(0, 4))
        : undefined,
    kind: proposal.kind as DecisionCreate['kind'],
    title: parseText(proposal.title),
    text: parseText(proposal.text),
    adoptedOn: how.adoptedOn,
    relations: [],
  };
  const decision = await insertDecisionInTransaction(ctx, trx, input);
  await trx
    .updateTable('proposals')
    .set({ decisionId: decision.id })
    .where('id', '=', proposal.id)
    .execute();
  if (proposal.documentId) {
    const document = await repo.findDocument(trx, proposal.documentId);
    // The documents lifecycle adopts an agreed document only (agreed → adopted).
    if (document?.status === 'agreed') {
      await setDocumentStatus(trx, ctx.actor, proposal.documentId, ['agreed'], 'adopted', {
        adoptedByDecisionId: decision.id,
      });
    }
  }
  if (proposal.meetingId) {
    const meeting = await repo.lockSessionMeeting(trx, ctx.dialect, proposal.meetingId);
    if (meeting) {
      await repo.updateSession(
        trx,
        proposal.meetingId,
        meeting.sessionVersion,
        meeting.currentProposalId === proposal.id ? { currentProposalId: null } : {},
      );
    }
  }
  await recordAudit(trx, ctx.dialect, ctx.actor, {
    action: 'adopt',
    entityType: 'proposal',
    entityId: proposal.id,
    change: {
      meetingId: proposal.meetingId,
      reason: how.reason,
      decisionId: decision.id,
      number: decision.number,
      adoptedOn: how.adoptedOn,
      positions: positions.map((p) => ({
        memberState: p.memberState,
        position: p.position,
        reservation: p.reservation === null ? null : parseText(p.reservation),
      })),
    },
  });
}

function objectionError(states: string[]): AppError {
  return new AppError(
    'invalid_transition',
    `Not adopted by consensus: ${states.join(', ')} object${states.length === 1 ? 's' : ''}.`,
    { errors: states.map((code) => ({ path: `positions.${code}`, message: 'Objects' })) },
  );
}

/**
 * Adopts a proposal. In session: only by consensus, so 409 when the quorum is not met or a
 * present state objects (named). By written procedure: before the deadline only when every member
 * state has concurred; after it, when no state objects.
 */
export async function adoptProposal(
  ctx: Ctx,
  id: string,
  ifMatch: number | null,
): Promise<Proposal> {
  requireContentWriter(ctx.actor);
  await openProposal(ctx, id, ifMatch);
  await withNumbering(() =>
    ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.lockProposal(trx, ctx.dialect, id);
      if (locked?.status !== 'open') {
        throw conflict('The proposal was closed meanwhile.');
      }
      const positions = await repo.listPositions(trx, [id]);
      if (locked.procedure === 'session') {
        const meeting = locked.meetingId
          ? await repo.lockSessionMeeting(trx, ctx.dialect, locked.meetingId)
          : undefined;
        if (!meeting) {
          throw notFound('meeting');
        }
        requireInSession(meeting);
        const standing = await standingOf(trx, meeting.id);
        const quorum = quorumOf(standing);
        if (!quorum.met) {
          throw conflict(
            `No quorum: ${quorum.present} of the ${quorum.required} member states required are present.`,
          );
        }
        const { objections } = outcomeOf(locked, positions, standing);
        if (objections.length > 0) {
          throw objectionError(objections);
        }
        await adoptIn(ctx, trx, locked, positions, {
          adoptedOn: localDate(new Date(), meeting.timeZone),
          reason: 'consensus',
        });
        return;
      }
      const standing = await standingOf(trx, null);
      const due = locked.deadline !== null && locked.deadline <= nowIso();
      if (!due && !allConcur(positions, standing)) {
        throw conflict(
          'Before its deadline a written procedure is adopted only when every member state has concurred.',
        );
      }
      const { objections } = outcomeOf(locked, positions, standing);
      if (objections.length > 0) {
        throw objectionError(objections);
      }
      await adoptIn(ctx, trx, locked, positions, {
        adoptedOn: due && locked.deadline ? locked.deadline.slice(0, 10) : nowIso().slice(0, 10),
        reason: due ? 'deadline' : 'all_concur',
      });
    }),
  );
  return loadProposal(ctx.db, id);
}

export async function withdrawProposal(
  ctx: Ctx,
  id: string,
  ifMatch: number | null,
): Promise<Proposal> {
  requireContentWriter(ctx.actor);
  const row = await openProposal(ctx, id, ifMatch);
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const claimed = await repo.updateOpenProposal(trx, id, row.version, {
      status: 'withdrawn',
      closedAt: at,
      version: row.version + 1,
      updatedAt: at,
    });
    if (claimed === 0) {
      throw staleProposal();
    }
    if (row.meetingId) {
      const meeting = await repo.lockSessionMeeting(trx, ctx.dialect, row.meetingId);
      if (meeting) {
        await repo.updateSession(
          trx,
          row.meetingId,
          meeting.sessionVersion,
          meeting.currentProposalId === id ? { currentProposalId: null } : {},
        );
      }
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'withdraw',
      entityType: 'proposal',
      entityId: id,
      change: { meetingId: row.meetingId, status: ['open', 'withdrawn'] },
    });
  });
  return loadProposal(ctx.db, id);
}

// ---- The deadline job --------------------------------------------------------------------------

/**
 * Closes the written procedures whose deadline has passed: adopted (numbered WP-{year}/{n},
 * adopted on the deadline's date) when no member state objects, else not adopted. Safe when
 * several instances run it at once: each proposal is claimed by a conditional update inside the
 * transaction that creates its decision, and one that another run closed is skipped.
 */
export async function closeDueWrittenProcedures(
  db: Kysely<Database>,
  dialect: DialectName,
  now: Date = new Date(),
): Promise<{ adopted: number; notAdopted: number }> {
  const ctx: Ctx = { db, dialect, actor: SYSTEM };
  const at = now.toISOString();
  let adopted = 0;
  let notAdopted = 0;
  for (const { id } of await repo.listDueWrittenProposals(db, at)) {
    const result = await withNumbering(() =>
      db.transaction().execute(async (trx) => {
        const locked = await repo.lockProposal(trx, dialect, id);
        if (locked?.status !== 'open' || !locked.deadline || locked.deadline > at) {
          return 'skipped' as const;
        }
        const positions = await repo.listPositions(trx, [id]);
        const objections = positions.filter((p) => p.position === 'object');
        if (objections.length === 0) {
          await adoptIn(ctx, trx, locked, positions, {
            adoptedOn: locked.deadline.slice(0, 10),
            reason: 'deadline',
          });
          return 'adopted' as const;
        }
        const claimed = await repo.updateOpenProposal(trx, id, locked.version, {
          status: 'not_adopted',
          closedAt: at,
          version: locked.version + 1,
          updatedAt: at,
        });
        if (claimed === 0) {
          return 'skipped' as const;
        }
        await recordAudit(trx, dialect, SYSTEM, {
          action: 'not_adopted',
          entityType: 'proposal',
          entityId: id,
          change: {
            meetingId: null,
            reason: 'deadline',
            objections: objections.map((p) => p.memberState),
          },
        });
        return 'not_adopted' as const;
      }),
    ).catch((error: unknown) => {
      // Another run claimed it between our read and our claim: nothing to do.
      if (error instanceof AppError && error.code === 'precondition_failed') {
        return 'skipped' as const;
      }
      throw error;
    });
    if (result === 'adopted') {
      adopted += 1;
    } else if (result === 'not_adopted') {
      notAdopted += 1;
    }
  }
  return { adopted, notAdopted };
}

// ---- Reported at the next meeting ----------------------------------------------------------------

/** Statuses of a meeting that has not sat yet: what is adopted meanwhile waits for it. */
const NOT_YET_SAT = ['planned', 'announced'];

/**
 * The decisions of the meeting's body adopted by written procedure that this meeting takes note
 * of. Each is reported at one meeting: the body's first meeting (by start date, not cancelled)
 * that starts on or after its adoption or has not sat yet — so a meeting whose date has passed
 * but which has not been held still collects what was adopted since the previous one.
 */
export async function listWrittenDecisions(
  ctx: Ctx,
  meetingId: string,
): Promise<WrittenDecisionList> {
  requireSignedIn(ctx.actor);
  const meeting = await readableMeeting(ctx, meetingId);
  return writtenDecisionsOf(ctx.db, meeting);
}

/** For the minutes: the same list for a meeting the caller has been allowed to read. */
export async function writtenDecisionsOf(
  db: Tx,
  meeting: { id: string; bodyId: string },
): Promise<WrittenDecisionList> {
  const [meetings, rows] = await Promise.all([
    repo.listBodyMeetings(db, meeting.bodyId),
    repo.listWrittenDecisions(db, meeting.bodyId),
  ]);
  const reportedAt = (adoptedOn: string) =>
    meetings.find((m) => m.startDate >= adoptedOn || NOT_YET_SAT.includes(m.status))?.id;
  const mine = rows.filter((r) => reportedAt(r.adoptedOn) === meeting.id);
  const positions = await repo.listPositions(
    db,
    mine.map((r) => r.proposalId),
  );
  return {
    items: mine.map((r) => ({
      decisionId: r.decisionId,
      number: r.number,
      kind: r.kind as DecisionCreate['kind'],
      title: parseText(r.title),
      adoptedOn: r.adoptedOn,
      proposalId: r.proposalId,
      positions: positions.filter((p) => p.proposalId === r.proposalId).map(repo.mapPosition),
    })),
  };
}

/** For the minutes: the positions recorded on the proposals the given decisions adopted. */
export async function positionsOfDecisions(
  db: Tx,
  decisionIds: string[],
): Promise<Map<string, ReturnType<typeof repo.mapPosition>[]>> {
  const proposals = await repo.findProposalsOfDecisions(db, decisionIds);
  const positions = await repo.listPositions(
    db,
    proposals.map((p) => p.id),
  );
  const out = new Map<string, ReturnType<typeof repo.mapPosition>[]>();
  for (const p of proposals) {
    out.set(p.decisionId, positions.filter((x) => x.proposalId === p.id).map(repo.mapPosition));
  }
  return out;
}

/** For the minutes: the member states recorded present at the meeting, in code order. */
export async function presentStatesOf(db: Tx, meetingId: string): Promise<string[] | null> {
  const rows = await repo.listAttendance(db, meetingId);
  if (rows.length === 0) {
    return null;
  }
  return rows
    .filter((r) => r.present === 1)
    .map((r) => r.memberState)
    .sort();
}
