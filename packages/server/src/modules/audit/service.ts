import type { AuditEvent, Page } from '@plenum/shared';
import { requireRole } from '../../platform/access.ts';
import { type ChainCheck, verifyAuditChain } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { listAuditEvents, mapAuditEvent } from './repository.ts';

/**
 * Admins read the whole trail; the secretariat reads the history of one entity at a time
 * (what a record's page shows), never the trail at large.
 */
export async function listAuditEventsPage(
  ctx: Ctx,
  q: { entityType?: string; entityId?: string; action?: string; cursor?: string; limit: number },
): Promise<Page<AuditEvent>> {
  if (q.entityType && q.entityId) {
    requireRole(ctx.actor, 'admin', 'secretariat');
  } else {
    requireRole(ctx.actor, 'admin');
  }
  const after = decodeCursor(q.cursor, 1);
  const rows = await listAuditEvents(ctx.db, {
    ...q,
    before: after ? Number(after[0]) : null,
  });
  return toPage(rows, q.limit, (row) => [row.seq], mapAuditEvent);
}

export async function verifyChain(ctx: Ctx): Promise<ChainCheck> {
  requireRole(ctx.actor, 'admin');
  return verifyAuditChain(ctx.db);
}
