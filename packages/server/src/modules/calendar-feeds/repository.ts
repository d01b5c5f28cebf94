import type { Actor, Tx } from '../../platform/context.ts';
import { whereDocumentReadable } from '../documents/access.ts';

// ---- Feeds ------------------------------------------------------------------------------------

export const findFeed = (db: Tx, userId: string) =>
  db
    .selectFrom('calendarFeeds')
    .select(['createdAt', 'lastUsedAt'])
    .where('userId', '=', userId)
    .executeTakeFirst();

/** The feed of a secret with its user's current record: access is decided from it, every time. */
export const findFeedOwner = (db: Tx, secretHash: string) =>
  db
    .selectFrom('calendarFeeds')
    .innerJoin('users', 'users.id', 'calendarFeeds.userId')
    .select([
      'calendarFeeds.lastUsedAt',
      'users.id',
      'users.role',
      'users.name',
      'users.memberState',
      'users.bodyIds',
      'users.active',
      'users.language',
    ])
    .where('calendarFeeds.secretHash', '=', secretHash)
    .executeTakeFirst();

/** One feed per user: a new secret replaces the old one, which stops working at once. */
export async function replaceFeed(
  trx: Tx,
  row: { userId: string; secretHash: string; createdAt: string },
): Promise<boolean> {
  const removed = await trx
    .deleteFrom('calendarFeeds')
    .where('userId', '=', row.userId)
    .executeTakeFirst();
  await trx
    .insertInto('calendarFeeds')
    .values({ ...row, lastUsedAt: null })
    .execute();
  return Number(removed.numDeletedRows) > 0;
}

export async function deleteFeed(trx: Tx, userId: string): Promise<number> {
  const result = await trx
    .deleteFrom('calendarFeeds')
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const touchFeed = (db: Tx, secretHash: string, at: string) =>
  db
    .updateTable('calendarFeeds')
    .set({ lastUsedAt: at })
    .where('secretHash', '=', secretHash)
    .execute();

// ---- What a feed shows ------------------------------------------------------------------------

const CLOSED_ASSIGNMENT = ['implemented', 'not_applicable'];

/**
 * Open assignments with a due date on or after `since`, on decisions still in force, with their
 * decision and assignee's body name. `scope` null: every one (the secretariat); otherwise those of
 * the member state or of one of the bodies.
 */
export function listDueAssignments(
  db: Tx,
  scope: { memberState: string | null; bodyIds: readonly string[] } | null,
  since: string,
  limit: number,
) {
  let query = db
    .selectFrom('assignments as a')
    .innerJoin('decisions as d', 'd.id', 'a.decisionId')
    .leftJoin('bodies as b', 'b.id', 'a.bodyId')
    .select([
      'a.decisionId',
      'a.dueDate',
      'a.memberState',
      'a.bodyId',
      'a.updatedAt',
      'b.name as bodyName',
      'b.shortName as bodyShortName',
      'd.number',
      'd.title',
      'd.version',
      'd.createdAt as decisionCreatedAt',
    ])
    .where('a.dueDate', 'is not', null)
    .where('a.dueDate', '>=', since)
    .where('a.status', 'not in', CLOSED_ASSIGNMENT)
    .where('d.closedAs', 'is', null);
  if (scope) {
    const { memberState, bodyIds } = scope;
    if (memberState === null && bodyIds.length === 0) {
      return Promise.resolve([]);
    }
    query = query.where((eb) =>
      eb.or([
        ...(memberState !== null ? [eb('a.memberState', '=', memberState)] : []),
        ...(bodyIds.length > 0 ? [eb('a.bodyId', 'in', [...bodyIds])] : []),
      ]),
    );
  }
  return query.orderBy('a.dueDate').orderBy('a.decisionId').orderBy('a.id').limit(limit).execute();
}

/**
 * Open consultation rounds with a deadline on or after `since`, of documents the actor may read
 * (DESIGN §3, in the query): to which `memberState` is invited, of documents owned by one of
 * `bodyIds`, or (scope null, the secretariat) every one.
 */
export async function listOpenConsultations(
  db: Tx,
  actor: Actor,
  scope: { memberState: string | null; bodyIds: readonly string[] } | null,
  since: string,
  limit: number,
) {
  let query = db
    .selectFrom('consultations')
    .innerJoin('documents', 'documents.id', 'consultations.documentId')
    .select([
      'consultations.id',
      'consultations.round',
      'consultations.deadline',
      'consultations.silenceProcedure',
      'consultations.version',
      'consultations.createdAt',
      'consultations.updatedAt',
      'documents.title',
    ])
    .where('consultations.status', '=', 'open')
    .where('consultations.deadline', '>=', since)
    .where(whereDocumentReadable(actor));
  if (scope) {
    const { memberState, bodyIds } = scope;
    if (memberState === null && bodyIds.length === 0) {
      return [];
    }
    query = query.where((eb) =>
      eb.or([
        ...(memberState !== null
          ? [
              eb.exists(
                eb
                  .selectFrom('consultationStates as s')
                  .select('s.consultationId')
                  .whereRef('s.consultationId', '=', 'consultations.id')
                  .where('s.memberState', '=', memberState),
              ),
            ]
          : []),
        ...(bodyIds.length > 0 ? [eb('documents.bodyId', 'in', [...bodyIds])] : []),
      ]),
    );
  }
  const rows = await query
    .orderBy('consultations.deadline')
    .orderBy('consultations.id')
    .limit(limit)
    .execute();
  const states =
    rows.length === 0
      ? []
      : await db
          .selectFrom('consultationStates')
          .select(['consultationId', 'memberState'])
          .where(
            'consultationId',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('memberState')
          .execute();
  return rows.map((r) => ({
    ...r,
    invited: states.filter((s) => s.consultationId === r.id).map((s) => s.memberState),
  }));
}
