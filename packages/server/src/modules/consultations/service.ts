import type {
  AgendaItemDocument,
  AgendaItemDocumentCreate,
  CommentCreate,
  CommentListQuery,
  CommentPatch,
  CommentResolutionInput,
  Consultation,
  ConsultationComment,
  ConsultationCreate,
  ConsultationListQuery,
  ConsultationOutcome,
  ConsultationPatch,
  ConsultationPosition,
  DocumentReady,
  Page,
  PositionInput,
  StatePosition,
} from '@plenum/shared';
import {
  type AccessList,
  requireActsForState,
  requireContentWriter,
  requireSignedIn,
} from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx, todayIso } from '../../platform/context.ts';
import { guardConstraints, isUniqueViolation } from '../../platform/db-errors.ts';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { parseText, storeText } from '../../platform/text.ts';
import { setDocumentStatus } from '../documents/service.ts';
import { readableMeeting } from '../meetings/service.ts';
import { localizedParams, notify } from '../notifications/notify.ts';
import * as repo from './repository.ts';

// ---- The outcome rule ------------------------------------------------------------------------

export interface OutcomeBasis {
  outcome: ConsultationOutcome;
  objecting: string[];
  /** Invited states without an answer. */
  silent: string[];
  /** Whether silence counted as concurrence. */
  silenceApplied: boolean;
}

/**
 * DESIGN §2: a round is agreed when no invited state objects and every invited state answered,
 * or the silence procedure applies; otherwise not agreed. Abstaining is an answer, not an
 * objection. Silence counts as concurrence only under the silence procedure and only once the
 * deadline has passed: a round closed before its deadline with states still silent is not
 * agreed, because those states could still have objected.
 */
export function roundOutcome(
  states: { memberState: string; position: ConsultationPosition | null }[],
  silenceProcedure: boolean,
  deadlinePassed: boolean,
): OutcomeBasis {
  const objecting = states.filter((s) => s.position === 'object').map((s) => s.memberState);
  const silent = states.filter((s) => s.position === null).map((s) => s.memberState);
  const silenceApplied = silent.length > 0 && silenceProcedure && deadlinePassed;
  const agreed = objecting.length === 0 && (silent.length === 0 || silenceApplied);
  return {
    outcome: agreed ? 'agreed' : 'not_agreed',
    objecting,
    silent,
    silenceApplied: agreed && silenceApplied,
  };
}

// ---- Reading ---------------------------------------------------------------------------------

const staleRound = (current: number) =>
  new AppError(
    'precondition_failed',
    `This round changed since you read it (now version ${current}); reload and apply your change again.`,
  );

function expectVersion(current: number, wanted: number | null, stale = staleRound): void {
  if (wanted !== null && wanted !== current) {
    throw stale(current);
  }
}

/** The round as far as the caller may read its document; otherwise 404, as if missing (§3). */
async function loadRound(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<repo.RoundRow> {
  requireSignedIn(ctx.actor);
  const row = await repo.findRound(db, ctx.actor, id);
  if (!row) {
    throw notFound('consultation');
  }
  return row;
}

async function present(db: Tx, rows: repo.RoundRow[]): Promise<Consultation[]> {
  const ids = rows.map((r) => r.id);
  const [states, counts] = await Promise.all([
    repo.listStates(db, ids),
    repo.commentCounts(db, ids),
  ]);
  const byRound = new Map<string, repo.StateRow[]>();
  for (const s of states) {
    const list = byRound.get(s.consultationId);
    if (list) {
      list.push(s);
    } else {
      byRound.set(s.consultationId, [s]);
    }
  }
  const today = todayIso();
  return rows.map((r) =>
    repo.mapRound(
      r,
      byRound.get(r.id) ?? [],
      counts.get(r.id) ?? { total: 0, unresolved: 0 },
      today,
    ),
  );
}

async function presentOne(db: Tx, row: repo.RoundRow): Promise<Consultation> {
  const [out] = await present(db, [row]);
  return out as Consultation;
}

export async function getConsultation(ctx: Ctx, id: string): Promise<Consultation> {
  return presentOne(ctx.db, await loadRound(ctx, id));
}

async function pageOfRounds(
  ctx: Ctx,
  filters: repo.RoundFilters,
  q: { limit: number; cursor?: string | undefined },
): Promise<Page<Consultation>> {
  const after = decodeCursor(q.cursor, 1) as [string] | null;
  const rows = await repo.listRounds(ctx.db, ctx.actor, filters, after?.[0] ?? null, q.limit);
  const shown = await present(ctx.db, rows.slice(0, q.limit));
  const byId = new Map(shown.map((c) => [c.id, c]));
  return toPage(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => byId.get(r.id) as Consultation,
  );
}

export async function listConsultations(
  ctx: Ctx,
  q: ConsultationListQuery,
): Promise<Page<Consultation>> {
  requireSignedIn(ctx.actor);
  return pageOfRounds(
    ctx,
    {
      documentId: q.documentId,
      status: q.status,
      memberState: q.memberState,
      councilMeetingId: q.councilMeetingId,
      deadlineFrom: q.deadlineFrom,
      deadlineTo: q.deadlineTo,
    },
    q,
  );
}

/** GET /meetings/{id}/consultations: the rounds that prepare this (council) meeting. */
export async function listMeetingConsultations(
  ctx: Ctx,
  meetingId: string,
  q: { limit: number; cursor?: string | undefined },
): Promise<Page<Consultation>> {
  requireSignedIn(ctx.actor);
  await readableMeeting(ctx, meetingId);
  return pageOfRounds(ctx, { councilMeetingId: meetingId }, q);
}

/**
 * GET /meetings/{id}/documents-ready: for a commission meeting, the documents whose latest round
 * was tied to a council meeting held in preparation of it, with the council's outcome. Agreed
 * documents not yet adopted are ready for adoption.
 */
export async function listDocumentsReady(
  ctx: Ctx,
  meetingId: string,
  q: { limit: number; cursor?: string | undefined },
): Promise<Page<DocumentReady>> {
  requireSignedIn(ctx.actor);
  await readableMeeting(ctx, meetingId);
  const after = decodeCursor(q.cursor, 1) as [string] | null;
  const rows = await repo.listDocumentsReady(
    ctx.db,
    ctx.actor,
    meetingId,
    after?.[0] ?? null,
    q.limit,
  );
  return toPage(
    rows,
    q.limit,
    (r) => [r.documentId],
    (r) => ({
      document: {
        id: r.documentId,
        title: parseText(r.title),
        kind: r.kind,
        status: r.documentStatus,
      },
      latestRound: {
        id: r.id,
        round: r.round,
        versionNumber: r.versionNumber,
        status: r.status as Consultation['status'],
        outcome: r.outcome as ConsultationOutcome | null,
        deadline: r.deadline,
        councilMeetingId: r.councilMeetingId,
      },
      readyForAdoption:
        r.status === 'closed' && r.outcome === 'agreed' && r.documentStatus === 'agreed',
    }),
  );
}

// ---- Opening and closing a round -------------------------------------------------------------

const validationFailed = (errors: FieldError[]) =>
  new AppError('validation_failed', 'The request has invalid fields.', { errors });

/** A council meeting a round may prepare: a council's, neither held nor cancelled. */
async function checkCouncilMeeting(db: Tx, id: string, errors: FieldError[]): Promise<void> {
  const meeting = await repo.findMeetingWithBody(db, id);
  if (!meeting) {
    errors.push({ path: 'councilMeetingId', message: 'No meeting has this id' });
  } else if (meeting.kind !== 'council') {
    errors.push({ path: 'councilMeetingId', message: 'Choose a meeting of a council' });
  } else if (meeting.status === 'held' || meeting.status === 'cancelled') {
    errors.push({
      path: 'councilMeetingId',
      message: 'The meeting is held or cancelled; choose one still to come',
    });
  }
}

function checkDeadline(deadline: string, errors: FieldError[]): void {
  if (deadline < todayIso()) {
    errors.push({ path: 'deadline', message: 'The deadline cannot be in the past' });
  }
}

const CONSULTABLE = new Set(['draft', 'not_agreed']);

/**
 * Opens round n+1 of a document (secretariat). The round goes out on a version newer than the
 * previous round's (DESIGN §2: a new round goes out on a new version) to member states that may
 * read the document; the document moves to under_consultation and the invited states are told.
 */
export async function createConsultation(
  ctx: Ctx,
  input: ConsultationCreate,
): Promise<Consultation> {
  requireContentWriter(ctx.actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (ctx.dialect === 'postgres') {
      await repo.lockDocument(trx, input.documentId);
    }
    const doc = await repo.findDocument(trx, input.documentId);
    if (!doc) {
      throw invalid('documentId', 'No document has this id');
    }
    if (doc.status === 'under_consultation') {
      throw new AppError(
        'invalid_transition',
        'A round of this document is open; close it before opening another.',
      );
    }
    if (!CONSULTABLE.has(doc.status)) {
      throw new AppError(
        'invalid_transition',
        'Only a draft or a document not agreed in an earlier round goes out for consultation.',
      );
    }
    const version = input.versionId
      ? await repo.findVersion(trx, doc.id, { id: input.versionId })
      : doc.latestVersion > 0
        ? await repo.findVersion(trx, doc.id, { number: doc.latestVersion })
        : undefined;
    if (!version) {
      if (input.versionId) {
        throw invalid('versionId', 'No version of this document has this id');
      }
      throw new AppError(
        'invalid_transition',
        'The document has no version yet; add one before opening a round.',
      );
    }
    const rounds = await repo.listDocumentRounds(trx, doc.id);
    if (rounds.some((r) => r.status === 'open')) {
      throw new AppError(
        'invalid_transition',
        'A round of this document is open; close it before opening another.',
      );
    }
    const previous = rounds[0];
    if (rounds.some((r) => r.versionId === version.id)) {
      throw new AppError(
        'invalid_transition',
        'This version was consulted in an earlier round; a new round goes out on a new version.',
      );
    }
    if (previous && version.number < previous.versionNumber) {
      throw new AppError(
        'invalid_transition',
        'This version is older than the one of the previous round; a new round goes out on a new version.',
      );
    }

    const errors: FieldError[] = [];
    const states = new Map(
      (await repo.findMemberStates(trx, input.memberStates)).map((s) => [s.code, s.status]),
    );
    const accessList: AccessList | null = doc.accessList
      ? (JSON.parse(doc.accessList) as AccessList)
      : null;
    input.memberStates.forEach((code, i) => {
      const status = states.get(code);
      if (status === undefined) {
        errors.push({ path: `memberStates.${i}`, message: 'No member state has this code' });
      } else if (status !== 'member') {
        errors.push({
          path: `memberStates.${i}`,
          message: 'Only member states with the status member are invited',
        });
      } else if (
        doc.classification === 'restricted' &&
        !(accessList?.memberStates ?? []).includes(code)
      ) {
        // Its delegates could not read the document they are asked about (DESIGN §3).
        errors.push({
          path: `memberStates.${i}`,
          message: 'The document is restricted and its access list does not name this state',
        });
      }
    });
    checkDeadline(input.deadline, errors);
    if (input.councilMeetingId) {
      await checkCouncilMeeting(trx, input.councilMeetingId, errors);
    }
    if (errors.length > 0) {
      throw validationFailed(errors);
    }

    const now = nowIso();
    const row = {
      id: newId(),
      documentId: doc.id,
      versionId: version.id,
      round: (previous?.round ?? 0) + 1,
      deadline: input.deadline,
      silenceProcedure: input.silenceProcedure ? 1 : 0,
      councilMeetingId: input.councilMeetingId,
      status: 'open',
      outcome: null,
      openedAt: now,
      closedAt: null,
      closedBy: null,
      createdBy: ctx.actor.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await guardConstraints(() => repo.insertRound(trx, row), {
      unique: 'Another round of this document was opened meanwhile; reload the document.',
    });
    await repo.insertStates(
      trx,
      [...input.memberStates].sort().map((memberState) => ({
        consultationId: row.id,
        memberState,
        position: null,
        positionNote: null,
        positionAt: null,
        positionBy: null,
        version: 1,
      })),
    );
    await setDocumentStatus(trx, ctx.actor, doc.id, ['draft', 'not_agreed'], 'under_consultation');
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'create',
      entityType: 'consultation',
      entityId: row.id,
      change: { ...input, versionId: version.id, round: row.round },
    });
    await notify(trx, {
      kind: 'consultation_opened',
      dedupeKey: `consultation_opened:${row.id}`,
      audience: { memberStates: [...input.memberStates] },
      entity: { type: 'consultation', id: row.id },
      params: {
        ...localizedParams('document', parseText(doc.title)),
        round: String(row.round),
        version: String(version.number),
        deadline: row.deadline,
        silenceProcedure: String(input.silenceProcedure),
      },
      link: `/app/consultations/${row.id}`,
    });
    return row.id;
  });
  return getConsultation(ctx, id);
}

/** Changes an open round's deadline or council meeting (secretariat). */
export async function updateConsultation(
  ctx: Ctx,
  id: string,
  patch: ConsultationPatch,
  ifMatch: number | null,
): Promise<Consultation> {
  requireContentWriter(ctx.actor);
  const current = await loadRound(ctx, id);
  expectVersion(current.version, ifMatch);
  if (current.status !== 'open') {
    throw new AppError('invalid_transition', 'The round is closed; it can no longer change.');
  }
  const errors: FieldError[] = [];
  if (patch.deadline !== undefined) {
    checkDeadline(patch.deadline, errors);
  }
  if (patch.councilMeetingId) {
    await checkCouncilMeeting(ctx.db, patch.councilMeetingId, errors);
  }
  if (errors.length > 0) {
    throw validationFailed(errors);
  }
  const values = {
    deadline: patch.deadline ?? current.deadline,
    councilMeetingId:
      patch.councilMeetingId !== undefined ? patch.councilMeetingId : current.councilMeetingId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await repo.updateRound(trx, id, current.version, {
      ...values,
      version: current.version + 1,
      updatedAt: nowIso(),
    });
    if (changed === 0) {
      throw staleRound(current.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'update',
      entityType: 'consultation',
      entityId: id,
      change: diff(
        { deadline: current.deadline, councilMeetingId: current.councilMeetingId },
        values,
      ),
    });
  });
  return getConsultation(ctx, id);
}

/**
 * Closes a round and records its outcome by the rule of roundOutcome; the document moves to
 * agreed or not_agreed (unless it left under_consultation meanwhile, e.g. withdrawn).
 */
export async function closeConsultation(
  ctx: Ctx,
  id: string,
  ifMatch: number | null,
): Promise<Consultation> {
  requireContentWriter(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadRound(ctx, id, trx);
    expectVersion(current.version, ifMatch);
    if (current.status !== 'open') {
      throw new AppError('invalid_transition', 'The round is closed already.');
    }
    const states = await repo.listStates(trx, [id]);
    const basis = roundOutcome(
      states.map((s) => ({
        memberState: s.memberState,
        position: s.position as ConsultationPosition | null,
      })),
      current.silenceProcedure === 1,
      todayIso() > current.deadline,
    );
    const now = nowIso();
    const changed = await repo.updateRound(trx, id, current.version, {
      status: 'closed',
      outcome: basis.outcome,
      closedAt: now,
      closedBy: ctx.actor.id,
      version: current.version + 1,
      updatedAt: now,
    });
    if (changed === 0) {
      throw staleRound(current.version + 1);
    }
    const doc = await repo.findDocument(trx, current.documentId);
    if (doc?.status === 'under_consultation') {
      await setDocumentStatus(trx, ctx.actor, doc.id, ['under_consultation'], basis.outcome);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'close',
      entityType: 'consultation',
      entityId: id,
      change: basis,
    });
  });
  return getConsultation(ctx, id);
}

// ---- Positions -------------------------------------------------------------------------------

/**
 * What every write of a state in a round checks, in order: the round is readable (else 404),
 * the caller acts for the state (DESIGN §3: a delegate only for its own; else 403), the state is
 * invited (422), the round is open (409) and, under the silence procedure, the deadline has not
 * passed: silence has then already counted as concurrence and can no longer be broken (409).
 */
async function writableState(
  ctx: Ctx,
  trx: Tx,
  id: string,
  memberState: string,
  what: 'positions' | 'comments',
): Promise<{ round: repo.RoundRow; state: repo.StateRow }> {
  const round = await loadRound(ctx, id, trx);
  requireActsForState(ctx.actor, memberState);
  const state = await repo.findState(trx, id, memberState);
  if (!state) {
    throw new AppError('unprocessable', 'This member state is not invited to this round.');
  }
  if (round.status !== 'open') {
    throw new AppError(
      'invalid_transition',
      what === 'positions'
        ? 'The round is closed; it takes no more positions.'
        : 'The round is closed; it takes no more comments.',
    );
  }
  if (round.silenceProcedure === 1 && todayIso() > round.deadline) {
    throw new AppError(
      'invalid_transition',
      'The deadline of this silence procedure has passed; silence counts as concurrence.',
    );
  }
  return { round, state };
}

const stalePosition = (current: number) =>
  new AppError(
    'precondition_failed',
    `This position changed since you read it (now version ${current}); reload and apply your change again.`,
  );

export async function getPosition(
  ctx: Ctx,
  id: string,
  memberState: string,
): Promise<StatePosition> {
  await loadRound(ctx, id);
  const state = await repo.findState(ctx.db, id, memberState);
  if (!state) {
    throw notFound('member state in this round');
  }
  return repo.mapPosition(state);
}

/** PUT a state's position: a repeat replaces the earlier one; every change is audited. */
export async function setPosition(
  ctx: Ctx,
  id: string,
  memberState: string,
  input: PositionInput,
  ifMatch: number | null,
): Promise<StatePosition> {
  return ctx.db.transaction().execute(async (trx) => {
    const { state } = await writableState(ctx, trx, id, memberState, 'positions');
    expectVersion(state.version, ifMatch, stalePosition);
    const values = {
      position: input.position,
      positionNote: storeText(input.note),
      positionAt: nowIso(),
      positionBy: ctx.actor.id,
      version: state.version + 1,
    };
    if ((await repo.updateState(trx, id, memberState, state.version, values)) === 0) {
      throw stalePosition(state.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: state.position === null ? 'position' : 'position_change',
      entityType: 'consultation',
      entityId: id,
      change: {
        memberState,
        position: [state.position, input.position],
        note: input.note,
      },
    });
    return repo.mapPosition({ ...state, ...values });
  });
}

// ---- Comments --------------------------------------------------------------------------------

const staleComment = (current: number) =>
  new AppError(
    'precondition_failed',
    `This comment changed since you read it (now version ${current}); reload and apply your change again.`,
  );

async function loadComment(
  ctx: Ctx,
  id: string,
  commentId: string,
  db: Tx = ctx.db,
): Promise<{ round: repo.RoundRow; comment: repo.CommentRow }> {
  const round = await loadRound(ctx, id, db);
  const comment = await repo.findComment(db, id, commentId);
  if (!comment) {
    throw notFound('comment');
  }
  return { round, comment };
}

export async function listComments(
  ctx: Ctx,
  id: string,
  q: CommentListQuery,
): Promise<Page<ConsultationComment>> {
  await loadRound(ctx, id);
  const after = decodeCursor(q.cursor, 1) as [number] | null;
  if (after && typeof after[0] !== 'number') {
    throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
  }
  const rows = await repo.listComments(
    ctx.db,
    id,
    {
      memberState: q.memberState,
      resolved: q.resolved === undefined ? undefined : q.resolved === 'true',
    },
    after?.[0] ?? null,
    q.limit,
  );
  return toPage(rows, q.limit, (r) => [r.number], repo.mapComment);
}

export async function getComment(
  ctx: Ctx,
  id: string,
  commentId: string,
): Promise<ConsultationComment> {
  return repo.mapComment((await loadComment(ctx, id, commentId)).comment);
}

const MAX_NUMBERING_ATTEMPTS = 5;

/** A state's comment on the round's version, numbered in the round's consolidated table. */
export async function createComment(
  ctx: Ctx,
  id: string,
  input: CommentCreate,
): Promise<ConsultationComment> {
  for (let attempt = 1; ; attempt++) {
    try {
      const commentId = await ctx.db.transaction().execute(async (trx) => {
        if (ctx.dialect === 'postgres') {
          // Numbers are taken one at a time per round.
          await trx
            .selectFrom('consultations')
            .select('id')
            .where('id', '=', id)
            .forUpdate()
            .execute();
        }
        await writableState(ctx, trx, id, input.memberState, 'comments');
        const now = nowIso();
        const row = {
          id: newId(),
          consultationId: id,
          number: await repo.nextCommentNumber(trx, id),
          memberState: input.memberState,
          clause: input.clause,
          comment: storeText(input.comment) as string,
          proposedText: storeText(input.proposedText),
          resolution: null,
          response: null,
          resolvedAt: null,
          resolvedBy: null,
          createdAt: now,
          createdBy: ctx.actor.id,
          updatedAt: now,
          version: 1,
        };
        await repo.insertComment(trx, row);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'comment',
          entityType: 'consultation_comment',
          entityId: row.id,
          change: { consultationId: id, number: row.number, ...input },
        });
        return row.id;
      });
      return getComment(ctx, id, commentId);
    } catch (error) {
      // SQLite has no row locks: a concurrent comment took the number; number again.
      if (!(isUniqueViolation(error) && attempt < MAX_NUMBERING_ATTEMPTS)) {
        throw error;
      }
    }
  }
}

/** The state that wrote a comment may edit it while the round is open and it is unresolved. */
export async function updateComment(
  ctx: Ctx,
  id: string,
  commentId: string,
  patch: CommentPatch,
  ifMatch: number | null,
): Promise<ConsultationComment> {
  await ctx.db.transaction().execute(async (trx) => {
    const { comment } = await loadComment(ctx, id, commentId, trx);
    await writableState(ctx, trx, id, comment.memberState, 'comments');
    expectVersion(comment.version, ifMatch, staleComment);
    if (comment.resolution !== null) {
      throw new AppError('invalid_transition', 'The comment is resolved; it can no longer change.');
    }
    const before = repo.mapComment(comment);
    const values = {
      clause: patch.clause ?? comment.clause,
      comment: patch.comment ? (storeText(patch.comment) as string) : comment.comment,
      proposedText:
        patch.proposedText !== undefined ? storeText(patch.proposedText) : comment.proposedText,
      version: comment.version + 1,
      updatedAt: nowIso(),
    };
    if ((await repo.updateComment(trx, commentId, comment.version, values)) === 0) {
      throw staleComment(comment.version + 1);
    }
    const after = repo.mapComment({ ...comment, ...values });
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'update',
      entityType: 'consultation_comment',
      entityId: commentId,
      change: diff(before, after),
    });
  });
  return getComment(ctx, id, commentId);
}

/** The state that wrote a comment may withdraw it under the same conditions as editing. */
export async function deleteComment(
  ctx: Ctx,
  id: string,
  commentId: string,
  ifMatch: number | null,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { comment } = await loadComment(ctx, id, commentId, trx);
    await writableState(ctx, trx, id, comment.memberState, 'comments');
    expectVersion(comment.version, ifMatch, staleComment);
    if (comment.resolution !== null) {
      throw new AppError('invalid_transition', 'The comment is resolved; it can no longer change.');
    }
    if ((await repo.deleteComment(trx, commentId, comment.version)) === 0) {
      throw staleComment(comment.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'consultation_comment',
      entityId: commentId,
      change: repo.mapComment(comment),
    });
  });
}

/**
 * The secretariat resolves a comment (accepted, partially accepted, rejected) with a response,
 * also after the round closed; a repeat replaces the resolution. The state is told.
 */
export async function resolveComment(
  ctx: Ctx,
  id: string,
  commentId: string,
  input: CommentResolutionInput,
  ifMatch: number | null,
): Promise<ConsultationComment> {
  requireContentWriter(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const { round, comment } = await loadComment(ctx, id, commentId, trx);
    expectVersion(comment.version, ifMatch, staleComment);
    const now = nowIso();
    const values = {
      resolution: input.resolution,
      response: storeText(input.response),
      resolvedAt: now,
      resolvedBy: ctx.actor.id,
      version: comment.version + 1,
      updatedAt: now,
    };
    if ((await repo.updateComment(trx, commentId, comment.version, values)) === 0) {
      throw staleComment(comment.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'resolve',
      entityType: 'consultation_comment',
      entityId: commentId,
      change: {
        consultationId: id,
        resolution: [comment.resolution, input.resolution],
        response: input.response,
      },
    });
    await notify(trx, {
      kind: 'comment_resolved',
      dedupeKey: `comment_resolved:${commentId}:${values.version}`,
      audience: { memberStates: [comment.memberState] },
      entity: { type: 'consultation_comment', id: commentId },
      params: {
        ...localizedParams('document', parseText(round.documentTitle)),
        round: String(round.round),
        number: String(comment.number),
        clause: comment.clause,
        resolution: input.resolution,
      },
      link: `/app/consultations/${id}/comments#${commentId}`,
    });
  });
  return getComment(ctx, id, commentId);
}

// ---- Documents linked to agenda items ----------------------------------------------------------

async function withLatestRounds(
  db: Tx,
  rows: repo.AgendaDocumentRow[],
): Promise<AgendaItemDocument[]> {
  const latest = await repo.latestRounds(
    db,
    rows.map((r) => r.documentId),
  );
  return rows.map((r) => repo.mapAgendaItemDocument(r, latest.get(r.documentId) ?? null));
}

async function readableAgendaItem(ctx: Ctx, meetingId: string, itemId: string) {
  requireSignedIn(ctx.actor);
  const meeting = await readableMeeting(ctx, meetingId);
  const item = await repo.findAgendaItem(ctx.db, meetingId, itemId);
  if (!item) {
    throw notFound('agenda item');
  }
  return meeting;
}

/** The documents of an agenda item with each one's status and latest round (DESIGN §2). */
export async function listAgendaItemDocuments(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
): Promise<AgendaItemDocument[]> {
  await readableAgendaItem(ctx, meetingId, itemId);
  return withLatestRounds(ctx.db, await repo.listAgendaItemDocuments(ctx.db, ctx.actor, itemId));
}

function requireAgendaOpen(meeting: { status: string }): void {
  if (meeting.status === 'held' || meeting.status === 'cancelled') {
    throw new AppError(
      'invalid_transition',
      'The meeting is held or cancelled; its agenda can no longer change.',
    );
  }
}

export async function linkAgendaItemDocument(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  input: AgendaItemDocumentCreate,
): Promise<AgendaItemDocument> {
  requireContentWriter(ctx.actor);
  const meeting = await readableAgendaItem(ctx, meetingId, itemId);
  requireAgendaOpen(meeting);
  await ctx.db.transaction().execute(async (trx) => {
    const doc = await repo.findDocument(trx, input.documentId);
    if (!doc) {
      throw invalid('documentId', 'No document has this id');
    }
    const position = input.position ?? (await repo.nextAgendaDocumentPosition(trx, itemId));
    await guardConstraints(
      () =>
        trx
          .insertInto('agendaItemDocuments')
          .values({
            agendaItemId: itemId,
            documentId: doc.id,
            position,
            createdAt: nowIso(),
            createdBy: ctx.actor.id,
          })
          .execute(),
      {
        unique: 'The document is linked to this agenda item already.',
        foreignKey: 'The agenda item or the document was removed meanwhile.',
      },
    );
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'link_document',
      entityType: 'agenda_item',
      entityId: itemId,
      change: { meetingId, documentId: doc.id, position },
    });
  });
  const items = await listAgendaItemDocuments(ctx, meetingId, itemId);
  return items.find((i) => i.documentId === input.documentId) as AgendaItemDocument;
}

export async function unlinkAgendaItemDocument(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  documentId: string,
): Promise<void> {
  requireContentWriter(ctx.actor);
  const meeting = await readableAgendaItem(ctx, meetingId, itemId);
  requireAgendaOpen(meeting);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.deleteAgendaItemDocument(trx, itemId, documentId)) === 0) {
      throw notFound('document of this agenda item');
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'unlink_document',
      entityType: 'agenda_item',
      entityId: itemId,
      change: { meetingId, documentId },
    });
  });
}

// ---- What the exports read -------------------------------------------------------------------

/** A round and all its comments, for the consolidated table (access checked as for reading). */
export async function consolidatedTable(
  ctx: Ctx,
  id: string,
): Promise<{ round: Consultation; comments: ConsultationComment[] }> {
  const row = await loadRound(ctx, id);
  const [round, comments] = await Promise.all([
    presentOne(ctx.db, row),
    repo.listComments(ctx.db, id, {}, null, null),
  ]);
  return { round, comments: comments.map(repo.mapComment) };
}
