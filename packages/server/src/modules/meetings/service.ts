import {
  MEETING_STATUSES,
  MEETING_TRANSITIONS,
  type Meeting,
  type MeetingCreate,
  type MeetingListQuery,
  type MeetingPatch,
  type MeetingStatus,
  type Page,
  type Participant,
  type ParticipantCreate,
  type ParticipantPatch,
} from '@plenum/shared';
import type { Updateable } from 'kysely';
import type { MeetingTable, ParticipantTable } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import { isSignedIn, requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx, todayIso } from '../../platform/context.ts';
import { guardConstraints, isUniqueViolation } from '../../platform/db-errors.ts';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { storeText } from '../../platform/text.ts';
import { recordImplementationReview } from '../implementation/service.ts';
import { reindex, removeFromIndex } from '../search/indexer.ts';
import * as repo from './repository.ts';

// ---- Shared rules --------------------------------------------------------------------------

/** 412 unless the caller edited the current version (If-Match). */
export function expectVersion(current: number, wanted: number | null): void {
  if (wanted !== null && wanted !== current) {
    throw new AppError(
      'precondition_failed',
      `This record changed since you read it (now version ${current}); reload and apply your change again.`,
    );
  }
}

export const staleWrite = () =>
  new AppError('precondition_failed', 'This record changed meanwhile; reload and try again.');

export const invalidFields = (errors: FieldError[]) =>
  new AppError('validation_failed', 'The request has invalid fields.', { errors });

/** Anonymous callers read only meetings that are announced or later (DESIGN §3). */
const publicOnly = (ctx: Ctx) => !isSignedIn(ctx.actor);

/** Statuses named in `?status=a,b`, each one checked. */
function parseStatuses(value: string | undefined): MeetingStatus[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  const names = value.split(',').map((s) => s.trim());
  const unknown = names.filter((s) => !(MEETING_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw invalid(
      'query.status',
      `Unknown status ${unknown.map((s) => `"${s}"`).join(', ')}; use ${MEETING_STATUSES.join(', ')}, or several separated by commas`,
    );
  }
  return names as MeetingStatus[];
}

// ---- Meetings --------------------------------------------------------------------------------

export async function listMeetingsPage(ctx: Ctx, q: MeetingListQuery): Promise<Page<Meeting>> {
  const statuses = parseStatuses(q.status);
  const after = decodeCursor(q.cursor, 2);
  const today = todayIso();
  const rows = await repo.listMeetings(ctx.db, {
    publicOnly: publicOnly(ctx),
    bodyId: q.bodyId,
    statuses,
    parentMeetingId: q.parentMeetingId,
    endsOnOrAfter: q.when === 'upcoming' ? today : undefined,
    endsBefore: q.when === 'past' ? today : undefined,
    from: q.from,
    to: q.to,
    // Upcoming meetings read soonest first; every other list reads latest first.
    ascending: q.when === 'upcoming',
    after: after ? [String(after[0]), String(after[1])] : null,
    limit: q.limit,
  });
  return toPage(rows, q.limit, (r) => [r.startDate, r.id], repo.mapMeeting);
}

/** The meeting row as far as the caller may read it; otherwise 404, exactly as if missing. */
export async function readableMeeting(ctx: Ctx, id: string): Promise<repo.MeetingRow> {
  const row = await repo.findMeeting(ctx.db, id, publicOnly(ctx));
  if (!row) {
    throw notFound('meeting');
  }
  return row;
}

export async function getMeeting(ctx: Ctx, id: string): Promise<Meeting> {
  return repo.mapMeeting(await readableMeeting(ctx, id));
}

/**
 * Checks what a meeting refers to: the chair must exist; the parent meeting must exist, belong to
 * another body (a council meeting prepares a commission meeting) and not lead back to `selfId`.
 */
async function checkMeetingLinks(
  db: Tx,
  input: {
    bodyId: string;
    bodyFound: boolean;
    chairPersonId?: string | null;
    parentMeetingId?: string | null;
    startDate: string;
    endDate: string;
  },
  selfId: string | null,
): Promise<void> {
  const errors: FieldError[] = [];
  if (!input.bodyFound) {
    errors.push({ path: 'bodyId', message: 'No body has this id' });
  }
  if (input.chairPersonId && !(await repo.personExists(db, input.chairPersonId))) {
    errors.push({ path: 'chairPersonId', message: 'No person has this id' });
  }
  const parent = input.parentMeetingId
    ? await repo.findMeetingLink(db, input.parentMeetingId)
    : undefined;
  if (input.parentMeetingId && !parent) {
    errors.push({ path: 'parentMeetingId', message: 'No meeting has this id' });
  }
  if (input.endDate < input.startDate) {
    errors.push({ path: 'endDate', message: 'The meeting cannot end before it starts' });
  }
  if (errors.length > 0) {
    throw invalidFields(errors);
  }
  if (parent) {
    if (parent.bodyId === input.bodyId) {
      throw new AppError(
        'unprocessable',
        'A meeting can be held in preparation of a meeting of another body only.',
        { errors: [{ path: 'parentMeetingId', message: 'Choose a meeting of another body' }] },
      );
    }
    // Walk up the chain: the new parent must not be this meeting or prepared by it.
    let link: { id: string; parentMeetingId: string | null } | undefined = parent;
    for (let hops = 0; link && hops < 50; hops += 1) {
      if (link.id === selfId) {
        throw new AppError(
          'unprocessable',
          'A meeting cannot be held in preparation of itself or of a meeting that prepares it.',
          { errors: [{ path: 'parentMeetingId', message: 'This would make a cycle' }] },
        );
      }
      link = link.parentMeetingId
        ? await repo.findMeetingLink(db, link.parentMeetingId)
        : undefined;
    }
  }
}

export async function createMeeting(ctx: Ctx, input: MeetingCreate): Promise<Meeting> {
  requireContentWriter(ctx.actor);
  const body = await repo.findBodyNames(ctx.db, input.bodyId);
  const endDate = input.endDate ?? input.startDate;
  await checkMeetingLinks(ctx.db, { ...input, bodyFound: body !== undefined, endDate }, null);
  if (!body) {
    // checkMeetingLinks has refused a missing body already; this only narrows the type.
    throw notFound('body');
  }
  const now = nowIso();
  const base = {
    id: newId(),
    bodyId: input.bodyId,
    kind: input.kind,
    status: input.status,
    startDate: input.startDate,
    endDate,
    startTime: input.startTime,
    timeZone: input.timeZone,
    location: input.location === null ? null : JSON.stringify(input.location),
    chairPersonId: input.chairPersonId,
    parentMeetingId: input.parentMeetingId,
    agendaStatus: 'draft',
    agendaApprovedAt: null,
    notes: storeText(input.notes),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const numberTaken = () =>
    new AppError('duplicate', `The body already has a meeting numbered ${input.number}.`, {
      errors: [{ path: 'number', message: 'Already in use in this body' }],
    });
  // Without a number, the meeting takes the body's next one. Two concurrent creates may pick the
  // same; the unique constraint refuses the second, which then tries the next number.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const row = await ctx.db.transaction().execute(async (trx) => {
        const number = input.number ?? (await repo.maxMeetingNumber(trx, input.bodyId)) + 1;
        const inserted = { ...base, number };
        await repo.insertMeeting(trx, inserted);
        const meeting = repo.mapMeeting({
          ...inserted,
          bodyName: body.name,
          bodyNameGenitive: body.nameGenitive,
        });
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'meeting',
          entityId: inserted.id,
          change: meeting,
        });
        await reindex(trx, 'meeting', inserted.id);
        return meeting;
      });
      return row;
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      if (input.number !== undefined) {
        throw numberTaken();
      }
      if (attempt >= 5) {
        throw new AppError('conflict', 'Other meetings of this body were being added; try again.');
      }
    }
  }
}

/** Refuses a status change that is not one of MEETING_TRANSITIONS (DESIGN §2). */
function checkTransition(from: MeetingStatus, to: MeetingStatus): void {
  if (from === to) {
    return;
  }
  const allowed = MEETING_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw new AppError(
      'invalid_transition',
      allowed.length > 0
        ? `A ${from} meeting cannot become ${to}; it can become ${allowed.join(' or ')}.`
        : `A ${from} meeting cannot become ${to}; its status is final.`,
    );
  }
}

export async function updateMeeting(
  ctx: Ctx,
  id: string,
  patch: MeetingPatch,
  ifMatch: number | null,
): Promise<Meeting> {
  requireContentWriter(ctx.actor);
  const current = await repo.findMeeting(ctx.db, id, false);
  if (!current) {
    throw notFound('meeting');
  }
  expectVersion(current.version, ifMatch);
  const before = repo.mapMeeting(current);
  if (patch.status !== undefined) {
    checkTransition(before.status, patch.status);
  }
  const startDate = patch.startDate ?? current.startDate;
  const endDate = patch.endDate ?? current.endDate;
  if (
    patch.startDate !== undefined ||
    patch.endDate !== undefined ||
    patch.chairPersonId ||
    patch.parentMeetingId
  ) {
    await checkMeetingLinks(
      ctx.db,
      {
        bodyId: current.bodyId,
        bodyFound: true,
        chairPersonId: patch.chairPersonId,
        parentMeetingId: patch.parentMeetingId,
        startDate,
        endDate,
      },
      id,
    );
  }
  const values: Updateable<MeetingTable> = {
    number: patch.number ?? current.number,
    kind: patch.kind ?? current.kind,
    status: patch.status ?? current.status,
    startDate,
    endDate,
    startTime: patch.startTime !== undefined ? patch.startTime : current.startTime,
    timeZone: patch.timeZone ?? current.timeZone,
    location:
      patch.location !== undefined
        ? patch.location === null
          ? null
          : JSON.stringify(patch.location)
        : current.location,
    chairPersonId: patch.chairPersonId !== undefined ? patch.chairPersonId : current.chairPersonId,
    parentMeetingId:
      patch.parentMeetingId !== undefined ? patch.parentMeetingId : current.parentMeetingId,
    notes: patch.notes !== undefined ? storeText(patch.notes) : current.notes,
  };
  const next = { ...current, ...values } as repo.MeetingRow;
  const changes = diff(before, repo.mapMeeting(next));
  if (Object.keys(changes).length === 0) {
    return before;
  }
  next.version = current.version + 1;
  next.updatedAt = nowIso();
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const updated = await repo.updateMeeting(trx, id, current.version, {
          ...values,
          version: next.version,
          updatedAt: next.updatedAt,
        });
        if (updated === 0) {
          throw staleWrite();
        }
        if (values.status === 'held' && before.status !== 'held') {
          // What this meeting reviewed is fixed as it is held (DESIGN §2).
          await recordImplementationReview(trx, id);
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action:
            patch.status !== undefined && patch.status !== before.status ? 'status' : 'update',
          entityType: 'meeting',
          entityId: id,
          change: changes,
        });
        await reindex(trx, 'meeting', id);
      }),
    {
      unique: `The body already has a meeting numbered ${values.number}.`,
      uniqueErrors: [{ path: 'number', message: 'Already in use in this body' }],
      foreignKey: 'A person or meeting this meeting refers to was removed meanwhile.',
    },
  );
  return repo.mapMeeting(next);
}

/** Only a planned or cancelled meeting that no other meeting prepares for can be removed. */
export async function deleteMeeting(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await repo.findMeeting(ctx.db, id, false);
  if (!current) {
    throw notFound('meeting');
  }
  expectVersion(current.version, ifMatch);
  if (current.status !== 'planned' && current.status !== 'cancelled') {
    throw new AppError(
      'invalid_transition',
      `Only a planned or cancelled meeting can be removed; this one is ${current.status}. Cancel it instead.`,
    );
  }
  const children = await repo.countChildMeetings(ctx.db, id);
  if (children > 0) {
    throw new AppError(
      'in_use',
      `${children} meeting(s) are held in preparation of this one; remove or relink them first.`,
    );
  }
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        if ((await repo.deleteMeeting(trx, id, current.version)) === 0) {
          throw staleWrite();
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'delete',
          entityType: 'meeting',
          entityId: id,
          change: repo.mapMeeting(current),
        });
        await removeFromIndex(trx, 'meeting', id);
      }),
    { foreignKey: 'Other records refer to this meeting; cancel it instead.' },
  );
}

// ---- For the agenda module -------------------------------------------------------------------

/** The meeting row locked for an agenda change, or 404. */
export async function lockMeeting(trx: Tx, dialect: DialectName, id: string) {
  const row = await repo.lockMeetingRow(trx, dialect, id);
  if (!row) {
    throw notFound('meeting');
  }
  return row;
}

/** Marks the agenda approved, bumping the meeting's version; false when the version moved. */
export async function markAgendaApproved(
  trx: Tx,
  meeting: { id: string; version: number },
  at: string,
): Promise<boolean> {
  const updated = await repo.updateMeeting(trx, meeting.id, meeting.version, {
    agendaStatus: 'approved',
    agendaApprovedAt: at,
    version: meeting.version + 1,
    updatedAt: at,
  });
  return updated > 0;
}

// ---- Participants ----------------------------------------------------------------------------

/** Participants are internal: signed-in callers only (DESIGN §3). */
export async function listParticipantsPage(
  ctx: Ctx,
  meetingId: string,
  q: { cursor?: string; limit: number },
): Promise<Page<Participant>> {
  requireSignedIn(ctx.actor);
  await readableMeeting(ctx, meetingId);
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listParticipants(ctx.db, {
    meetingId,
    after: after ? String(after[0]) : null,
    limit: q.limit,
  });
  return toPage(rows, q.limit, (r) => [r.id], repo.mapParticipant);
}

async function findParticipantRow(ctx: Ctx, meetingId: string, id: string) {
  await readableMeeting(ctx, meetingId);
  const row = await repo.findParticipant(ctx.db, meetingId, id);
  if (!row) {
    throw notFound('participant');
  }
  return row;
}

export async function getParticipant(
  ctx: Ctx,
  meetingId: string,
  id: string,
): Promise<Participant> {
  requireSignedIn(ctx.actor);
  return repo.mapParticipant(await findParticipantRow(ctx, meetingId, id));
}

/** The member state and body a participant represents must exist. */
async function checkRepresented(
  db: Tx,
  input: { memberState?: string | null; bodyId?: string | null },
  errors: FieldError[],
): Promise<void> {
  if (input.memberState && !(await repo.memberStateExists(db, input.memberState))) {
    errors.push({ path: 'memberState', message: 'No member state has this code' });
  }
  if (input.bodyId && !(await repo.bodyExists(db, input.bodyId))) {
    errors.push({ path: 'bodyId', message: 'No body has this id' });
  }
}

export async function createParticipant(
  ctx: Ctx,
  meetingId: string,
  input: ParticipantCreate,
): Promise<Participant> {
  requireContentWriter(ctx.actor);
  await readableMeeting(ctx, meetingId);
  const errors: FieldError[] = [];
  const person = await repo.findPersonSummary(ctx.db, input.personId);
  if (!person) {
    errors.push({ path: 'personId', message: 'No person has this id' });
  }
  await checkRepresented(ctx.db, input, errors);
  if (errors.length > 0 || !person) {
    throw invalidFields(errors);
  }
  const now = nowIso();
  const row = {
    id: newId(),
    meetingId,
    personId: input.personId,
    role: input.role,
    memberState: input.memberState,
    bodyId: input.bodyId,
    notable: input.notable ? 1 : 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const participant = repo.mapParticipant({
    ...row,
    personName: person.name,
    personPosition: person.position,
    personMemberState: person.memberState,
  });
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertParticipant(trx, row);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'participant',
          entityId: row.id,
          change: { meetingId, ...input },
        });
      }),
    {
      unique: 'This person already takes part in the meeting.',
      uniqueErrors: [{ path: 'personId', message: 'Already a participant of this meeting' }],
      foreignKey: 'The meeting or a record it refers to was removed meanwhile.',
    },
  );
  return participant;
}

export async function updateParticipant(
  ctx: Ctx,
  meetingId: string,
  id: string,
  patch: ParticipantPatch,
  ifMatch: number | null,
): Promise<Participant> {
  requireContentWriter(ctx.actor);
  const current = await findParticipantRow(ctx, meetingId, id);
  expectVersion(current.version, ifMatch);
  const errors: FieldError[] = [];
  await checkRepresented(ctx.db, patch, errors);
  if (errors.length > 0) {
    throw invalidFields(errors);
  }
  const before = repo.mapParticipant(current);
  const values: Updateable<ParticipantTable> = {
    role: patch.role ?? current.role,
    memberState: patch.memberState !== undefined ? patch.memberState : current.memberState,
    bodyId: patch.bodyId !== undefined ? patch.bodyId : current.bodyId,
    notable: patch.notable !== undefined ? (patch.notable ? 1 : 0) : current.notable,
  };
  const next = { ...current, ...values } as repo.ParticipantRow;
  const changes = diff(before, repo.mapParticipant(next));
  if (Object.keys(changes).length === 0) {
    return before;
  }
  next.version = current.version + 1;
  next.updatedAt = nowIso();
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const updated = await repo.updateParticipant(trx, id, current.version, {
          ...values,
          version: next.version,
          updatedAt: next.updatedAt,
        });
        if (updated === 0) {
          throw staleWrite();
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'update',
          entityType: 'participant',
          entityId: id,
          change: changes,
        });
      }),
    { foreignKey: 'A member state or body this participant refers to was removed meanwhile.' },
  );
  return repo.mapParticipant(next);
}

export async function deleteParticipant(
  ctx: Ctx,
  meetingId: string,
  id: string,
  ifMatch: number | null,
): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await findParticipantRow(ctx, meetingId, id);
  expectVersion(current.version, ifMatch);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.deleteParticipant(trx, id, current.version)) === 0) {
      throw staleWrite();
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'participant',
      entityId: id,
      change: repo.mapParticipant(current),
    });
  });
}
