import { page, ZAuditEvent, ZListQueryBase } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { listAuditEventsPage, verifyChain } from './service.ts';

const tags = ['Audit'];

/** The audit trail: every change, hash-chained. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit-events',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Audit events, newest first',
        description: 'Admins read everything; the secretariat reads the history of one entity.',
        querystring: ZListQueryBase.extend({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
          action: z
            .string()
            .max(50)
            .optional()
            .describe('e.g. read (reads of restricted documents and files), create, update'),
        }),
        response: { 200: page(ZAuditEvent) },
      },
    },
    async (request) => listAuditEventsPage(ctxOf(request), request.query),
  );

  r.get(
    '/audit-events/verify',
    {
      config: { access: 'admin' },
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
    async (request) => verifyChain(ctxOf(request)),
  );
}
