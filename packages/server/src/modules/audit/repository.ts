import type { AuditEvent } from '@plenum/shared';
import type { Selectable } from 'kysely';
import type { AuditEventTable } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';

export function mapAuditEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    change: JSON.parse(row.change) as unknown,
    hash: row.hash,
  };
}

/** Newest first; `before` is the seq of the last event of the previous page. */
export function listAuditEvents(
  db: Tx,
  q: {
    entityType?: string;
    entityId?: string;
    action?: string;
    before: number | null;
    limit: number;
  },
) {
  let query = db.selectFrom('auditEvents').selectAll();
  if (q.action) {
    query = query.where('action', '=', q.action);
  }
  if (q.entityType) {
    query = query.where('entityType', '=', q.entityType);
  }
  if (q.entityId) {
    query = query.where('entityId', '=', q.entityId);
  }
  if (q.before !== null) {
    query = query.where('seq', '<', q.before);
  }
  return query
    .orderBy('seq', 'desc')
    .limit(q.limit + 1)
    .execute();
}
