import { ZAgendaItem, ZId, ZImplementationReview, ZImplementationSummary } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import {
  createReviewAgendaItem,
  getImplementationReview,
  getImplementationSummary,
} from './service.ts';

/** The implementation review of a meeting (DESIGN §2). */
export async function implementationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Implementation review'];

  r.get(
    '/meetings/:id/implementation-review',
    {
      config: { access: 'signedIn', cache: 'audience' },
      schema: {
        tags,
        summary:
          'What this meeting reviews: earlier decisions still open, with every assignee’s status',
        description:
          'Live until the meeting is held; then fixed, with the status each decision had at the review.',
        params: z.object({ id: ZId }),
        response: { 200: ZImplementationReview },
      },
    },
    async (request) => getImplementationReview(ctxOf(request), request.params.id),
  );

  r.post(
    '/meetings/:id/implementation-review/agenda-item',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Put the review on the agenda as its first item',
        description:
          '"On the implementation of the decisions of the XX meeting …", of kind implementation_review.',
        params: z.object({ id: ZId }),
        response: { 201: ZAgendaItem },
      },
    },
    async (request, reply) => {
      const item = await createReviewAgendaItem(ctxOf(request), request.params.id);
      reply
        .code(201)
        .header('Location', `/api/v1/meetings/${request.params.id}/agenda-items/${item.id}`);
      return item;
    },
  );

  r.get(
    '/implementation/summary',
    {
      config: { access: 'signedIn', cache: 'audience' },
      schema: {
        tags,
        summary:
          'Dashboard figures: overdue and due-soon assignments, per member state and per body',
        response: { 200: ZImplementationSummary },
      },
    },
    async (request) => getImplementationSummary(ctxOf(request)),
  );
}
