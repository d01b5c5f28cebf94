import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isSignedIn, isStaff } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';

/**
 * Restricts a query that has `documents` in scope to the documents the actor may read
 * (DESIGN §3): anonymous callers read public documents; signed-in users public and internal ones,
 * and restricted ones whose access list names one of their bodies or, for a delegate, its state;
 * the secretariat and admins read all. Restricted access is an indexed semi-join on
 * document_access, so lists, counts and search never fetch what they must hide.
 *
 * Use: `db.selectFrom('documents').where(whereDocumentReadable(actor))`, also in joins
 * (`selectFrom('consultations').innerJoin('documents', …).where(whereDocumentReadable(actor))`).
 */
export function whereDocumentReadable(actor: Actor): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'documents'>();
  if (isStaff(actor)) {
    return sql<SqlBool>`1 = 1`;
  }
  if (!isSignedIn(actor)) {
    return eb('documents.classification', '=', 'public');
  }
  const open = eb('documents.classification', 'in', ['public', 'internal']);
  const bodyIds = [...actor.bodyIds];
  const memberState = actor.role === 'delegate' ? actor.memberState : null;
  if (bodyIds.length === 0 && memberState === null) {
    return open;
  }
  return eb.or([
    open,
    eb.and([
      eb('documents.classification', '=', 'restricted'),
      eb.exists(
        eb
          .selectFrom('documentAccess')
          .select('documentAccess.documentId')
          .whereRef('documentAccess.documentId', '=', 'documents.id')
          .where((inner) =>
            inner.or([
              ...(bodyIds.length > 0 ? [inner('documentAccess.bodyId', 'in', bodyIds)] : []),
              ...(memberState !== null
                ? [inner('documentAccess.memberState', '=', memberState)]
                : []),
            ]),
          ),
      ),
    ]),
  ]);
}
