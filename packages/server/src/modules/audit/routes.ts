import { page, ZAuditEvent, ZListQueryBase } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { requireRole } from '../../platform/access.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';

const tags = ['Audit'];

/** The audit trail: every change, hash-chained. Admins read all; the secretariat reads histories. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit-events',
    {
      schema: {
        tags,
        summary: 'Audit events, newest first',
        description: 'Admins see everything; the secretariat reads the history of one entity.',
        querystring: ZListQueryBase.extend({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
        }),
        response: { 200: page(ZAuditEvent) },
      },
    },
    async (request) => {
      const { actor, db } = ctxOf(request);
      const q = request.query;
      requireRole(actor, 'admin', 'secretariat');
      if (actor.role !== 'admin' && !(q.entityType && q.entityId)) {
        requireRole(actor, 'admin');
      }
      const after = decodeCursor(q.cursor, 1);
      let query = db.selectFrom('auditEvents').selectAll();
      if (q.entityType) {
        query = query.where('entityType', '=', q.entityType);
      }
      if (q.entityId) {
        query = query.where('entityId', '=', q.entityId);
      }
      if (after) {
        query = query.where('seq', '<', Number(after[0]));
      }
      const rows = await query
        .orderBy('seq', 'desc')
        .limit(q.limit + 1)
        .execute();
      return toPage(
        rows,
        q.limit,
        (row) => [row.seq],
        (row) => ({
          seq: row.seq,
          at: row.at,
          actorId: row.actorId,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          change: JSON.parse(row.change) as unknown,
          hash: row.hash,
        }),
      );
    },
  );

  r.get(
    '/audit-events/verify',
    {
      schema: {
        tags,
        summary: 'Verify the hash chain; reports the first altered or missing event',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            firstBrokenSeq: z.number().int().nullable(),
            reason: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const { actor, db } = ctxOf(request);
      requireRole(actor, 'admin');
      return verifyAuditChain(db);
    },
  );
}
