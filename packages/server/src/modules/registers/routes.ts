import { type RegisterEntryRef, ZId, ZRegisterEntryRef } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import type { Ctx } from '../../platform/context.ts';
import { getDecision } from '../decisions/service.ts';
import * as ipResults from '../ip-results/service.ts';
import * as programs from '../programs/service.ts';
import * as projects from '../projects/service.ts';
import * as standards from '../standards/service.ts';

/**
 * The registers' entries that name a decision (issue 6, "across areas"): each register answers
 * for its own entries and its own access rules; this gathers them for the decision's page.
 */
export async function registerEntriesOfDecision(
  ctx: Ctx,
  decisionId: string,
): Promise<RegisterEntryRef[]> {
  // 404 for a decision the caller may not read, exactly as for the decision itself.
  await getDecision(ctx, decisionId);
  const lists = await Promise.all(
    [standards, programs, projects, ipResults].map((register) =>
      register.entriesNamingDecision(ctx, decisionId),
    ),
  );
  return lists.flat();
}

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/decisions/:id/register-entries',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['Decisions'],
        summary: 'The standards, programs, projects and IP results that name this decision',
        params: z.object({ id: ZId }),
        response: { 200: z.object({ items: z.array(ZRegisterEntryRef) }) },
      },
    },
    async (request) => ({
      items: await registerEntriesOfDecision(ctxOf(request), request.params.id),
    }),
  );
}
