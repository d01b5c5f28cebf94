import { PUBLIC_MEETING_STATUSES } from '@plenum/shared';
import type { Db } from '../db/dialect.ts';
import { isPubliclyVisible } from '../modules/news/access.ts';
import { type AccessList, canReadClassified, isSignedIn, isStaff } from './access.ts';
import type { Actor } from './context.ts';

/**
 * Who may learn that an audited entity changed (DESIGN §3), resolved from the entity as it is
 * now. A live event carries no content, but its existence and ids must not reach a caller who may
 * not read the entity: "no hint that anything else exists".
 */
export type Audience =
  | { kind: 'public' }
  /** Every signed-in reader. */
  | { kind: 'internal' }
  /** Readers named by an access list (staff always). */
  | { kind: 'restricted'; memberStates: string[]; bodyIds: string[] }
  /** Secretariat and admin only. */
  | { kind: 'staff' }
  /** One user (and staff). */
  | { kind: 'self'; userId: string };

export interface Resolved {
  meetingId: string | null;
  audience: Audience;
}

const PUBLIC: Audience = { kind: 'public' };
const INTERNAL: Audience = { kind: 'internal' };
const STAFF: Audience = { kind: 'staff' };
const UNKNOWN: Resolved = { meetingId: null, audience: STAFF };

/** Whether the actor may receive an event with this audience. */
export function mayReceive(actor: Actor, audience: Audience): boolean {
  switch (audience.kind) {
    case 'public':
      return true;
    case 'internal':
      return isSignedIn(actor);
    case 'staff':
      return isStaff(actor);
    case 'self':
      return isStaff(actor) || (actor.id !== null && actor.id === audience.userId);
    case 'restricted':
      return canReadClassified(actor, 'restricted', audience);
  }
}

const publicMeeting = new Set<string>(PUBLIC_MEETING_STATUSES);
const meetingAudience = (status: string): Audience =>
  publicMeeting.has(status) ? PUBLIC : INTERNAL;

function classified(classification: string, accessList: string | null): Audience {
  if (classification === 'public') {
    return PUBLIC;
  }
  if (classification === 'internal') {
    return INTERNAL;
  }
  if (classification === 'restricted') {
    const list = accessList ? (JSON.parse(accessList) as AccessList) : {};
    return {
      kind: 'restricted',
      memberStates: list.memberStates ?? [],
      bodyIds: list.bodyIds ?? [],
    };
  }
  return STAFF;
}

type Resolver = (db: Db, ids: string[]) => Promise<Map<string, Resolved>>;

const toMap = <T>(rows: T[], f: (row: T) => [string, Resolved]) => new Map(rows.map(f));

/** The entity is readable by every signed-in reader and belongs to no meeting. */
const internalOnly: Resolver = async (_db, ids) =>
  new Map(ids.map((id) => [id, { meetingId: null, audience: INTERNAL }]));

/** The entity's id is the user it concerns. */
const selfById: Resolver = async (_db, ids) =>
  new Map(ids.map((id) => [id, { meetingId: null, audience: { kind: 'self', userId: id } }]));

const meetings: Resolver = async (db, ids) =>
  toMap(
    await db.selectFrom('meetings').select(['id', 'status']).where('id', 'in', ids).execute(),
    (r) => [r.id, { meetingId: r.id, audience: meetingAudience(r.status) }],
  );

/**
 * Per audit entity type (the `entityType` of recordAudit). A type not listed, and a row no longer
 * there, is for staff only.
 */
const RESOLVERS: Record<string, Resolver> = {
  meeting: meetings,
  meeting_session: meetings,
  agenda_item: async (db, ids) =>
    toMap(
      await db
        .selectFrom('agendaItems')
        .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
        .select([
          'agendaItems.id',
          'agendaItems.meetingId',
          'agendaItems.public',
          'meetings.status',
        ])
        .where('agendaItems.id', 'in', ids)
        .execute(),
      // The portal shows an item of a public meeting only when it is flagged public.
      (r) => [
        r.id,
        {
          meetingId: r.meetingId,
          audience: r.public === 1 ? meetingAudience(r.status) : INTERNAL,
        },
      ],
    ),
  participant: async (db, ids) =>
    toMap(
      await db
        .selectFrom('participants')
        .select(['id', 'meetingId'])
        .where('id', 'in', ids)
        .execute(),
      (r) => [r.id, { meetingId: r.meetingId, audience: INTERNAL }],
    ),
  meeting_pack: async (db, ids) =>
    toMap(
      await db
        .selectFrom('meetingPacks')
        .select(['id', 'meetingId'])
        .where('id', 'in', ids)
        .execute(),
      (r) => [r.id, { meetingId: r.meetingId, audience: INTERNAL }],
    ),
  decision: async (db, ids) =>
    toMap(
      await db.selectFrom('decisions').select(['id', 'meetingId']).where('id', 'in', ids).execute(),
      (r) => [r.id, { meetingId: r.meetingId, audience: INTERNAL }],
    ),
  assignment: async (db, ids) =>
    toMap(
      await db
        .selectFrom('assignments')
        .innerJoin('decisions', 'decisions.id', 'assignments.decisionId')
        .select(['assignments.id', 'decisions.meetingId'])
        .where('assignments.id', 'in', ids)
        .execute(),
      (r) => [r.id, { meetingId: r.meetingId, audience: INTERNAL }],
    ),
  document: async (db, ids) =>
    toMap(
      await db
        .selectFrom('documents')
        .select(['id', 'classification', 'accessList'])
        .where('id', 'in', ids)
        .execute(),
      (r) => [r.id, { meetingId: null, audience: classified(r.classification, r.accessList) }],
    ),
  document_version: async (db, ids) =>
    toMap(
      await db
        .selectFrom('documentVersions')
        .innerJoin('documents', 'documents.id', 'documentVersions.documentId')
        .select(['documentVersions.id', 'documents.classification', 'documents.accessList'])
        .where('documentVersions.id', 'in', ids)
        .execute(),
      (r) => [r.id, { meetingId: null, audience: classified(r.classification, r.accessList) }],
    ),
  consultation: async (db, ids) =>
    toMap(
      await db
        .selectFrom('consultations')
        .innerJoin('documents', 'documents.id', 'consultations.documentId')
        .select([
          'consultations.id',
          'consultations.councilMeetingId',
          'documents.classification',
          'documents.accessList',
        ])
        .where('consultations.id', 'in', ids)
        .execute(),
      (r) => [
        r.id,
        {
          meetingId: r.councilMeetingId,
          audience: classified(r.classification, r.accessList),
        },
      ],
    ),
  consultation_comment: async (db, ids) =>
    toMap(
      await db
        .selectFrom('consultationComments')
        .innerJoin('consultations', 'consultations.id', 'consultationComments.consultationId')
        .innerJoin('documents', 'documents.id', 'consultations.documentId')
        .select([
          'consultationComments.id',
          'consultations.councilMeetingId',
          'documents.classification',
          'documents.accessList',
        ])
        .where('consultationComments.id', 'in', ids)
        .execute(),
      (r) => [
        r.id,
        {
          meetingId: r.councilMeetingId,
          audience: classified(r.classification, r.accessList),
        },
      ],
    ),
  news: async (db, ids) => {
    const now = new Date().toISOString();
    return toMap(
      await db
        .selectFrom('newsItems')
        .select(['id', 'status', 'publishAt', 'meetingId'])
        .where('id', 'in', ids)
        .execute(),
      // Drafts and items scheduled for later are the editors' (DESIGN §3: published news).
      (r) => [
        r.id,
        { meetingId: r.meetingId, audience: isPubliclyVisible(r, now) ? PUBLIC : STAFF },
      ],
    );
  },
  ip_result: async (db, ids) =>
    toMap(
      await db
        .selectFrom('ipResults')
        .select(['id', 'classification', 'accessList'])
        .where('id', 'in', ids)
        .execute(),
      (r) => [r.id, { meetingId: null, audience: classified(r.classification, r.accessList) }],
    ),
  proposal: async (db, ids) =>
    toMap(
      await db.selectFrom('proposals').select(['id', 'meetingId']).where('id', 'in', ids).execute(),
      // Session proposals follow their meeting; written procedure is for every signed-in reader.
      (r) => [r.id, { meetingId: r.meetingId, audience: INTERNAL }],
    ),
  // The registers and the directory are read by every signed-in reader.
  standard: internalOnly,
  standard_adoption: internalOnly,
  program: internalOnly,
  program_measure: internalOnly,
  program_measure_report: internalOnly,
  project: internalOnly,
  body: internalOnly,
  member_state: internalOnly,
  person: internalOnly,
  organization: internalOnly,
  membership: internalOnly,
  // A user's own things: the user and staff.
  user: selfById,
  calendar_feed: selfById,
  notification_preferences: selfById,
  api_token: async (db, ids) =>
    toMap(
      await db.selectFrom('apiTokens').select(['id', 'userId']).where('id', 'in', ids).execute(),
      (r) => [r.id, { meetingId: null, audience: { kind: 'self', userId: r.userId } }],
    ),
  notification: async (db, ids) =>
    toMap(
      await db
        .selectFrom('notifications')
        .select(['id', 'userId'])
        .where('id', 'in', ids)
        .execute(),
      (r) => [r.id, { meetingId: null, audience: { kind: 'self', userId: r.userId } }],
    ),
};

/** Resolves each event's meeting and audience, one query per entity type of the batch. */
export async function resolveAudiences(
  db: Db,
  events: readonly { entityType: string; entityId: string }[],
): Promise<Resolved[]> {
  const byType = new Map<string, Set<string>>();
  for (const e of events) {
    if (RESOLVERS[e.entityType]) {
      let ids = byType.get(e.entityType);
      if (!ids) {
        ids = new Set();
        byType.set(e.entityType, ids);
      }
      ids.add(e.entityId);
    }
  }
  const resolved = new Map<string, Map<string, Resolved>>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      resolved.set(type, await (RESOLVERS[type] as Resolver)(db, [...ids]));
    }),
  );
  return events.map((e) => resolved.get(e.entityType)?.get(e.entityId) ?? UNKNOWN);
}
