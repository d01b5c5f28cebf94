import {
  type DecisionStatus,
  type Location,
  type MinutesAgendaItem,
  type MinutesDecision,
  type MinutesDelegation,
  type MinutesModel,
  type MinutesParticipant,
  type MinutesPerson,
  type MinutesPosition,
  type MinutesPreviousLink,
  type MinutesReview,
  toRoman,
} from '@plenum/shared';
import { listAgenda } from '../../modules/agenda/service.ts';
import { getImplementationReview } from '../../modules/implementation/service.ts';
import { meetingName } from '../../modules/meetings/repository.ts';
import { readableMeeting } from '../../modules/meetings/service.ts';
import {
  positionsOfDecisions,
  presentStatesOf,
  writtenDecisionsOf,
} from '../../modules/sessions/service.ts';
import { isStaff, requireSignedIn } from '../../platform/access.ts';
import { type Ctx, nowIso, todayIso } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import * as repo from './repository.ts';

/**
 * The minutes of a meeting as a language-neutral model (issue 7), for every renderer: PDF and
 * DOCX here, Akoma Ntoso (minutes.akn.xml) elsewhere. Keep `MinutesModel`'s shape stable: issued
 * revisions store it as JSON.
 */

/** Minutes exist once a meeting sits: a live draft while in session, revisions once held. */
export const MINUTES_STATUSES = ['in_session', 'held'] as const;

export const noMinutes = () =>
  new AppError(
    'invalid_transition',
    'Minutes exist only for meetings in session (a draft) or held.',
  );

const ROLE_ORDER = [
  'chair',
  'secretary_general',
  'delegation_head',
  'delegate',
  'expert',
  'guest',
] as const;

const compareText = (a: { en?: string; ru?: string }, b: { en?: string; ru?: string }) =>
  (a.en ?? a.ru ?? '').localeCompare(b.en ?? b.ru ?? '');

/**
 * The minutes of `meetingId` as `ctx.actor` may read them (DESIGN §3): 401 for anonymous callers
 * (minutes, like participants and decisions, are part of the internal record), 404 for a meeting
 * the caller cannot read, 409 for a meeting that is neither in session nor held. Documents the
 * caller may not read are left out.
 */
export async function assembleMinutes(ctx: Ctx, meetingId: string): Promise<MinutesModel> {
  requireSignedIn(ctx.actor);
  const meeting = await readableMeeting(ctx, meetingId);
  if (!(MINUTES_STATUSES as readonly string[]).includes(meeting.status)) {
    throw noMinutes();
  }
  return restrictMinutes(ctx, await assembleFromRecord(ctx, meetingId));
}

/**
 * Drops what the caller may not read from a model (live or frozen): documents follow their own
 * classification and access list as they stand now. Decisions are readable by every signed-in
 * caller, so they stay.
 */
export async function restrictMinutes(ctx: Ctx, model: MinutesModel): Promise<MinutesModel> {
  if (isStaff(ctx.actor)) {
    return model;
  }
  const ids = model.agenda.flatMap((item) => item.documents.map((d) => d.id));
  const readable = await repo.readableDocumentIds(ctx.db, ctx.actor, [...new Set(ids)]);
  return {
    ...model,
    agenda: model.agenda.map((item) => ({
      ...item,
      documents: item.documents.filter((d) => readable.has(d.id)),
    })),
  };
}

/**
 * Everything the record says of the meeting, unfiltered: what a revision freezes. The caller has
 * already been allowed to read the meeting; restrict the result before showing it to anyone.
 */
export async function assembleFromRecord(ctx: Ctx, meetingId: string): Promise<MinutesModel> {
  const db = ctx.db;
  const today = todayIso();
  const row = await repo.findMeetingWithBody(db, meetingId);
  if (!row) {
    throw notFound('meeting');
  }
  const bodyName = parseText(row.bodyName);
  const bodyNameGenitive = parseTextOrNull(row.bodyNameGenitive);
  const numeral = toRoman(row.number);
  const location = row.location === null ? null : (JSON.parse(row.location) as Location);

  const [participantRows, agenda, decisionRows, documentRows, review, previousMeeting] =
    await Promise.all([
      repo.listParticipants(db, meetingId),
      listAgenda(ctx, meetingId),
      repo.listMeetingDecisions(db, meetingId, today),
      repo.listAgendaDocuments(db, meetingId),
      assembleReview(ctx, meetingId),
      findPreviousLink(ctx, row.bodyId, row.number),
    ]);

  // Persons named outside the participant list: the chair, rapporteurs.
  const personIds = new Set<string>();
  if (row.chairPersonId) {
    personIds.add(row.chairPersonId);
  }
  for (const item of agenda.items) {
    if (item.rapporteurPersonId) {
      personIds.add(item.rapporteurPersonId);
    }
  }
  const persons = new Map<string, MinutesPerson>();
  for (const p of await repo.findPersons(db, [...personIds])) {
    persons.set(p.id, {
      personId: p.id,
      name: parseText(p.name),
      position: parseTextOrNull(p.position),
      memberState: p.memberState,
    });
  }

  const participants: (MinutesParticipant & {
    bodyId: string | null;
    represents: string | null;
  })[] = participantRows.map((p) => ({
    personId: p.personId,
    name: parseText(p.name),
    position: parseTextOrNull(p.position),
    memberState: p.personMemberState,
    role: p.role as MinutesParticipant['role'],
    notable: p.notable === 1,
    bodyId: p.bodyId,
    represents: p.memberState,
  }));
  const stateCodes = new Set<string>();
  const bodyIds = new Set<string>();
  for (const p of participants) {
    if (p.represents) {
      stateCodes.add(p.represents);
    } else if (p.bodyId) {
      bodyIds.add(p.bodyId);
    }
  }
  if (location) {
    stateCodes.add(location.country);
  }
  const stateNames = new Map(
    (await repo.findStateNames(db, [...stateCodes])).map((s) => [s.code, parseText(s.name)]),
  );
  const bodyNames = new Map(
    (await repo.findBodyNames(db, [...bodyIds])).map((b) => [b.id, parseText(b.name)]),
  );

  const chairParticipant = participants.find((p) => p.role === 'chair');
  const chair =
    (row.chairPersonId ? persons.get(row.chairPersonId) : undefined) ??
    (chairParticipant ? personOf(chairParticipant) : null);
  const secretaryParticipant = participants.find((p) => p.role === 'secretary_general');

  // Issue 8: the positions recorded on each decision, who was present, and what was adopted by
  // written procedure since the previous meeting.
  const [positions, presentCodes, written] = await Promise.all([
    positionsOfDecisions(
      db,
      decisionRows.map((d) => d.id),
    ),
    presentStatesOf(db, meetingId),
    writtenDecisionsOf(db, { id: row.id, bodyId: row.bodyId }),
  ]);
  const writtenPositions = written.items.flatMap((w) => w.positions);
  const positionCodes = new Set([
    ...[...positions.values()].flatMap((list) => list.map((p) => p.memberState)),
    ...writtenPositions.map((p) => p.memberState),
    ...(presentCodes ?? []),
  ]);
  const positionStateNames = new Map(
    (await repo.findStateNames(db, [...positionCodes])).map((s) => [s.code, parseText(s.name)]),
  );
  const minutesPositions = (
    list: { memberState: string; position: MinutesPosition['position']; reservation: unknown }[],
  ): MinutesPosition[] =>
    list.map((p) => ({
      memberState: p.memberState,
      name: positionStateNames.get(p.memberState) ?? { en: p.memberState },
      position: p.position,
      reservation: (p.reservation as MinutesPosition['reservation']) ?? null,
    }));

  const decisions = decisionRows.map((d): MinutesDecision & { agendaItemId: string | null } => ({
    id: d.id,
    agendaItemId: d.agendaItemId,
    number: d.number,
    kind: d.kind as MinutesDecision['kind'],
    title: parseText(d.title),
    text: parseText(d.text),
    adoptedOn: d.adoptedOn,
    status: d.status as DecisionStatus,
    positions: minutesPositions(positions.get(d.id) ?? []),
  }));
  const writtenDecisions: MinutesDecision[] = [];
  if (written.items.length > 0) {
    const statuses = new Map(
      (
        await repo.listDecisionStatuses(
          db,
          written.items.map((w) => w.decisionId),
          today,
        )
      ).map((d) => [d.id, d]),
    );
    for (const w of written.items) {
      const found = statuses.get(w.decisionId);
      writtenDecisions.push({
        id: w.decisionId,
        number: w.number,
        kind: w.kind,
        title: w.title,
        text: found ? parseText(found.text) : {},
        adoptedOn: w.adoptedOn,
        status: (found?.status ?? 'in_progress') as DecisionStatus,
        positions: minutesPositions(w.positions),
      });
    }
  }
  const itemIds = new Set(agenda.items.map((i) => i.id));
  const agendaItems: MinutesAgendaItem[] = agenda.items.map((item) => ({
    id: item.id,
    position: item.position,
    depth: item.position.split('.').length,
    title: item.title,
    kind: item.kind,
    description: item.description,
    rapporteur: item.rapporteurPersonId ? (persons.get(item.rapporteurPersonId) ?? null) : null,
    documents: documentRows
      .filter((d) => d.agendaItemId === item.id)
      .map((d) => ({
        id: d.id,
        title: parseText(d.title),
        kind: d.kind as MinutesAgendaItem['documents'][number]['kind'],
        classification:
          d.classification as MinutesAgendaItem['documents'][number]['classification'],
      })),
    decisions: decisions.filter((d) => d.agendaItemId === item.id).map(stripAgendaItem),
  }));

  return {
    formatVersion: 1,
    assembledAt: nowIso(),
    meeting: {
      id: row.id,
      number: row.number,
      numeral,
      name: meetingName(numeral, row.kind, bodyName, bodyNameGenitive),
      kind: row.kind as MinutesModel['meeting']['kind'],
      status: row.status as MinutesModel['meeting']['status'],
      startDate: row.startDate,
      endDate: row.endDate,
      startTime: row.startTime,
      timeZone: row.timeZone,
      city: location?.city ?? null,
      country: location
        ? {
            code: location.country,
            name: stateNames.get(location.country) ?? { en: location.country },
          }
        : null,
      venue: location?.venue ?? null,
    },
    body: {
      id: row.bodyId,
      name: bodyName,
      nameGenitive: bodyNameGenitive,
      shortName: parseTextOrNull(row.bodyShortName),
      kind: row.bodyKind as MinutesModel['body']['kind'],
    },
    chair,
    secretary: secretaryParticipant ? personOf(secretaryParticipant) : null,
    delegations: groupDelegations(participants, stateNames, bodyNames),
    agenda: agendaItems,
    otherDecisions: decisions
      .filter((d) => d.agendaItemId === null || !itemIds.has(d.agendaItemId))
      .map(stripAgendaItem),
    review,
    previousMeeting,
    attendance:
      presentCodes === null
        ? null
        : presentCodes.map((code) => ({
            memberState: code,
            name: positionStateNames.get(code) ?? { en: code },
          })),
    writtenDecisions,
  };
}

function stripAgendaItem(d: MinutesDecision & { agendaItemId: string | null }): MinutesDecision {
  return {
    id: d.id,
    number: d.number,
    kind: d.kind,
    title: d.title,
    text: d.text,
    adoptedOn: d.adoptedOn,
    status: d.status,
    ...(d.positions ? { positions: d.positions } : {}),
  };
}

function personOf(p: MinutesPerson): MinutesPerson {
  return { personId: p.personId, name: p.name, position: p.position, memberState: p.memberState };
}

/**
 * Participants by delegation: member states in code order, then bodies by name, then persons
 * attending in their own right; inside each, by role (chair first) and then by name.
 */
function groupDelegations(
  participants: (MinutesParticipant & { bodyId: string | null; represents: string | null })[],
  stateNames: Map<string, { en?: string; ru?: string }>,
  bodyNames: Map<string, { en?: string; ru?: string }>,
): MinutesDelegation[] {
  const groups = new Map<string, MinutesDelegation>();
  for (const p of participants) {
    const key = p.represents ? `s:${p.represents}` : p.bodyId ? `b:${p.bodyId}` : 'x:';
    let group = groups.get(key);
    if (!group) {
      group = p.represents
        ? {
            memberState: p.represents,
            bodyId: null,
            name: stateNames.get(p.represents) ?? { en: p.represents },
            participants: [],
          }
        : p.bodyId
          ? {
              memberState: null,
              bodyId: p.bodyId,
              name: bodyNames.get(p.bodyId) ?? {},
              participants: [],
            }
          : { memberState: null, bodyId: null, name: {}, participants: [] };
      groups.set(key, group);
    }
    group.participants.push({
      personId: p.personId,
      name: p.name,
      position: p.position,
      memberState: p.memberState,
      role: p.role,
      notable: p.notable,
    });
  }
  const rank = (kind: MinutesDelegation) => (kind.memberState ? 0 : kind.bodyId ? 1 : 2);
  const list = [...groups.values()].sort((a, b) =>
    rank(a) !== rank(b)
      ? rank(a) - rank(b)
      : a.memberState && b.memberState
        ? a.memberState.localeCompare(b.memberState)
        : compareText(a.name, b.name),
  );
  for (const group of list) {
    group.participants.sort((a, b) =>
      a.role !== b.role
        ? ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)
        : compareText(a.name, b.name),
    );
  }
  return list;
}

/** The implementation review as the minutes report it: the recorded status once held. */
async function assembleReview(ctx: Ctx, meetingId: string): Promise<MinutesReview | null> {
  const review = await getImplementationReview(ctx, meetingId);
  if (review.entries.length === 0) {
    return null;
  }
  const codes = new Set<string>();
  const bodyIds = new Set<string>();
  for (const entry of review.entries) {
    for (const a of entry.assignments) {
      if (a.memberState) {
        codes.add(a.memberState);
      }
      if (a.bodyId) {
        bodyIds.add(a.bodyId);
      }
    }
  }
  const [states, bodies] = await Promise.all([
    repo.findStateNames(ctx.db, [...codes]),
    repo.findBodyNames(ctx.db, [...bodyIds]),
  ]);
  const names = new Map<string, { en?: string; ru?: string }>();
  for (const s of states) {
    names.set(`s:${s.code}`, parseText(s.name));
  }
  for (const b of bodies) {
    names.set(`b:${b.id}`, parseText(b.name));
  }
  return {
    previousReviewMeetingId: review.previousReviewMeetingId,
    summary: review.summary,
    entries: review.entries.map((entry) => ({
      decisionId: entry.decision.id,
      number: entry.decision.number,
      title: entry.decision.title,
      kind: entry.decision.kind,
      adoptedOn: entry.decision.adoptedOn,
      source: entry.source,
      status: entry.statusAtReview ?? entry.decision.status,
      assignments: entry.assignments.map((a) => ({
        memberState: a.memberState,
        bodyId: a.bodyId,
        assignee: a.memberState
          ? (names.get(`s:${a.memberState}`) ?? { en: a.memberState })
          : (names.get(`b:${a.bodyId}`) ?? {}),
        status: a.status,
        dueDate: a.dueDate,
      })),
    })),
  };
}

/** The previous meeting of the same body and where its minutes stand. */
export async function findPreviousLink(
  ctx: Ctx,
  bodyId: string,
  number: number,
): Promise<MinutesPreviousLink | null> {
  const previous = await repo.findPreviousMeeting(ctx.db, bodyId, number);
  if (!previous) {
    return null;
  }
  const row = await repo.findMeetingWithBody(ctx.db, previous.id);
  if (!row) {
    return null;
  }
  const numeral = toRoman(previous.number);
  const latest = await repo.findLatestRevision(ctx.db, previous.id);
  return {
    meetingId: previous.id,
    number: previous.number,
    numeral,
    name: meetingName(
      numeral,
      previous.kind,
      parseText(row.bodyName),
      parseTextOrNull(row.bodyNameGenitive),
    ),
    startDate: previous.startDate,
    endDate: previous.endDate,
    revision: latest
      ? {
          number: latest.number,
          status: latest.status as 'draft' | 'approved',
          approvedOn: latest.approvedOn,
          approvedAtMeetingId: latest.approvedAtMeetingId,
          approvedAtNumeral:
            latest.approvedAtNumber === null ? null : toRoman(latest.approvedAtNumber),
          approvedAtName: approvedAtName(latest),
        }
      : null,
  };
}

/** The name of the meeting that approved a revision, when one did. */
export function approvedAtName(row: repo.RevisionRow): { en?: string; ru?: string } | null {
  if (row.approvedAtNumber === null || row.approvedAtBodyName === null) {
    return null;
  }
  return meetingName(
    toRoman(row.approvedAtNumber),
    row.approvedAtKind ?? 'regular',
    parseText(row.approvedAtBodyName),
    parseTextOrNull(row.approvedAtBodyNameGenitive),
  );
}
