import type { MailPreference, Notification, NotificationKind } from '@plenum/shared';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { NotificationTable } from '../../db/tables/notifications.ts';
import type { Actor, Tx } from '../../platform/context.ts';
import { whereDocumentReadable } from '../documents/access.ts';
import { type Lang, renderNotification } from './messages.ts';

// ---- Recipients ---------------------------------------------------------------------------------

export interface RecipientRow {
  id: string;
  email: string;
  name: string;
  role: string;
  memberState: string | null;
  bodyIds: string;
  language: string;
  mail: string | null;
}

/**
 * Active users who may match an audience: the exact body match is made by the caller, since
 * body ids are a JSON array in users.body_ids (any user with a body is fetched then).
 */
export async function findAudienceCandidates(
  db: Tx,
  audience: { memberStates: string[]; bodyIds: string[]; roles: string[]; userIds: string[] },
): Promise<RecipientRow[]> {
  return db
    .selectFrom('users')
    .leftJoin('notificationPreferences as p', 'p.userId', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.memberState',
      'users.bodyIds',
      'users.language',
      'p.mail',
    ])
    .where('users.active', '=', 1)
    .where((eb) => {
      const any: Expression<SqlBool>[] = [];
      if (audience.roles.length) {
        any.push(eb('users.role', 'in', audience.roles));
      }
      if (audience.userIds.length) {
        any.push(eb('users.id', 'in', audience.userIds));
      }
      if (audience.memberStates.length) {
        any.push(
          eb.and([
            eb('users.role', '=', 'delegate'),
            eb('users.memberState', 'in', audience.memberStates),
          ]),
        );
      }
      if (audience.bodyIds.length) {
        any.push(eb('users.bodyIds', '!=', '[]'));
      }
      return any.length ? eb.or(any) : eb.lit(false);
    })
    .orderBy('users.id')
    .execute();
}

/** The classification and access list of the document an entity belongs to, if it has one. */
export async function findEntityDocument(
  db: Tx,
  entity: { type: string; id: string },
): Promise<{ classification: string; accessList: string | null } | 'none' | 'missing'> {
  const fields = ['d.classification', 'd.accessList'] as const;
  let row: { classification: string; accessList: string | null } | undefined;
  switch (entity.type) {
    case 'document':
      row = await db
        .selectFrom('documents as d')
        .select(fields)
        .where('d.id', '=', entity.id)
        .executeTakeFirst();
      break;
    case 'document_version':
      row = await db
        .selectFrom('documentVersions as v')
        .innerJoin('documents as d', 'd.id', 'v.documentId')
        .select(fields)
        .where('v.id', '=', entity.id)
        .executeTakeFirst();
      break;
    case 'consultation':
      row = await db
        .selectFrom('consultations as c')
        .innerJoin('documents as d', 'd.id', 'c.documentId')
        .select(fields)
        .where('c.id', '=', entity.id)
        .executeTakeFirst();
      break;
    case 'comment':
    case 'consultation_comment':
      row = await db
        .selectFrom('consultationComments as k')
        .innerJoin('consultations as c', 'c.id', 'k.consultationId')
        .innerJoin('documents as d', 'd.id', 'c.documentId')
        .select(fields)
        .where('k.id', '=', entity.id)
        .executeTakeFirst();
      break;
    default:
      return 'none';
  }
  return row ?? 'missing';
}

export interface NewNotification {
  id: string;
  userId: string;
  kind: string;
  dedupeKey: string;
  entityType: string;
  entityId: string;
  params: string;
  link: string;
  mail: string;
  createdAt: string;
}

/**
 * Inserts notifications, skipping any a recipient already has under the same dedupe key (also
 * when a concurrent transaction wrote it first). Returns the ids actually inserted.
 */
export async function insertNotifications(db: Tx, rows: NewNotification[]): Promise<string[]> {
  if (!rows.length) {
    return [];
  }
  const inserted = await db
    .insertInto('notifications')
    .values(rows.map((r) => ({ ...r, readAt: null })))
    .onConflict((oc) => oc.columns(['userId', 'dedupeKey']).doNothing())
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/** Which of these dedupe keys some notification already carries. */
export async function notifiedKeys(db: Tx, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db
      .selectFrom('notifications')
      .select('dedupeKey')
      .distinct()
      .where('dedupeKey', 'in', chunk)
      .execute();
    for (const row of rows) {
      found.add(row.dedupeKey);
    }
  }
  return found;
}

// ---- Inbox --------------------------------------------------------------------------------------

export type NotificationRow = NotificationTable;

/** The caller's notifications, newest first (ids are time-ordered), one more than the limit. */
export async function listNotifications(
  db: Tx,
  userId: string,
  opts: { unread: boolean; afterId: string | null; limit: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('userId', '=', userId);
  if (opts.unread) {
    query = query.where('readAt', 'is', null);
  }
  if (opts.afterId) {
    query = query.where('id', '<', opts.afterId);
  }
  return query
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

export async function countUnread(db: Tx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One of the user's notifications; another user's answers undefined, as a missing one. */
export async function findNotification(
  db: Tx,
  userId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export async function markRead(db: Tx, userId: string, id: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markAllRead(db: Tx, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function mapNotification(row: NotificationRow, lang: Lang): Notification {
  const params = JSON.parse(row.params) as Record<string, string>;
  const { title, body } = renderNotification(row.kind as NotificationKind, params, lang);
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title,
    body,
    link: row.link,
    entity: { type: row.entityType, id: row.entityId },
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

// ---- Preferences --------------------------------------------------------------------------------

export async function findPreferences(
  db: Tx,
  userId: string,
): Promise<{ mail: string; version: number } | undefined> {
  return db
    .selectFrom('notificationPreferences')
    .select(['mail', 'version'])
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export async function insertPreferences(
  db: Tx,
  userId: string,
  mail: MailPreference,
  at: string,
): Promise<void> {
  await db
    .insertInto('notificationPreferences')
    .values({ userId, mail, version: 1, createdAt: at, updatedAt: at })
    .execute();
}

/** Writes a new preference if the row is still at `version`; returns the rows changed. */
export async function updatePreferences(
  db: Tx,
  userId: string,
  version: number,
  mail: MailPreference,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('notificationPreferences')
    .set({ mail, version: version + 1, updatedAt: at })
    .where('userId', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- Helpers ------------------------------------------------------------------------------------

/** Users that hold a body, for the exact body match of an audience. */
export const holdsAnyBody = (bodyIdsJson: string, wanted: readonly string[]): boolean => {
  if (!wanted.length || bodyIdsJson === '[]') {
    return false;
  }
  try {
    const held = JSON.parse(bodyIdsJson) as unknown;
    return Array.isArray(held) && held.some((b) => wanted.includes(String(b)));
  } catch {
    return false;
  }
};

// ---- Waiting for me -----------------------------------------------------------------------------

/** At most this many entries per list of "waiting for me"; totals count them all. */
export const WAITING_LIMIT = 100;

const CLOSED_ASSIGNMENT = ['implemented', 'not_applicable'];

/** A member state's open assignments on decisions still in force, earliest due first. */
export async function findOpenStateAssignments(db: Tx, memberState: string, limit: number) {
  const base = db
    .selectFrom('assignments as a')
    .innerJoin('decisions as dec', 'dec.id', 'a.decisionId')
    .where('a.memberState', '=', memberState)
    .where('a.status', 'not in', CLOSED_ASSIGNMENT)
    .where('dec.closedAs', 'is', null);
  const [items, total] = await Promise.all([
    base
      .select([
        'a.id',
        'a.decisionId',
        'a.memberState',
        'a.bodyId',
        'a.status',
        'a.dueDate',
        'dec.number',
        'dec.title',
      ])
      .orderBy(sql`case when a.due_date is null then 1 else 0 end`)
      .orderBy('a.dueDate')
      .orderBy('a.id')
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Open assignments past due on decisions still in force: of one state, or of everyone. */
export async function countOverdueAssignments(
  db: Tx,
  today: string,
  memberState: string | null,
): Promise<number> {
  let query = db
    .selectFrom('assignments as a')
    .innerJoin('decisions as dec', 'dec.id', 'a.decisionId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.status', 'not in', CLOSED_ASSIGNMENT)
    .where('a.dueDate', '<', today)
    .where('dec.closedAs', 'is', null);
  if (memberState) {
    query = query.where('a.memberState', '=', memberState);
  }
  return Number((await query.executeTakeFirstOrThrow()).n);
}

const unansweredCount = (eb: ExpressionBuilder<Database, 'consultations'>) =>
  eb
    .selectFrom('consultationStates as u')
    .select((inner) => inner.fn.countAll<number>().as('n'))
    .whereRef('u.consultationId', '=', 'consultations.id')
    .where('u.position', 'is', null)
    .as('unanswered');

/**
 * Open consultation rounds: those to which `memberState` is invited and has given no position,
 * or (without a state) those past their deadline. Only documents the actor may read.
 */
export async function findWaitingConsultations(
  db: Tx,
  actor: Actor,
  filter: { memberState: string } | { pastDeadlineBefore: string },
  limit: number,
) {
  let base = db
    .selectFrom('consultations')
    .innerJoin('documents', 'documents.id', 'consultations.documentId')
    .where('consultations.status', '=', 'open')
    .where(whereDocumentReadable(actor));
  if ('memberState' in filter) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('consultationStates as s')
          .select('s.consultationId')
          .whereRef('s.consultationId', '=', 'consultations.id')
          .where('s.memberState', '=', filter.memberState)
          .where('s.position', 'is', null),
      ),
    );
  } else {
    base = base.where('consultations.deadline', '<', filter.pastDeadlineBefore);
  }
  const [items, total] = await Promise.all([
    base
      .select([
        'consultations.id',
        'consultations.documentId',
        'consultations.round',
        'consultations.deadline',
        'consultations.silenceProcedure',
        'documents.title',
        unansweredCount,
      ])
      .orderBy('consultations.deadline')
      .orderBy('consultations.id')
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Comments not resolved yet, by their round's deadline, then in the round's order. */
export async function findUnresolvedComments(db: Tx, actor: Actor, limit: number) {
  const base = db
    .selectFrom('consultationComments as k')
    .innerJoin('consultations', 'consultations.id', 'k.consultationId')
    .innerJoin('documents', 'documents.id', 'consultations.documentId')
    .where('k.resolution', 'is', null)
    .where(whereDocumentReadable(actor));
  const [items, total] = await Promise.all([
    base
      .select([
        'k.id',
        'k.consultationId',
        'k.memberState',
        'k.clause',
        'consultations.documentId',
        'consultations.deadline',
        'documents.title',
      ])
      .orderBy('consultations.deadline')
      .orderBy('consultations.id')
      .orderBy('k.createdAt')
      .orderBy('k.id')
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
