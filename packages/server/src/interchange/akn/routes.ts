import { ZId } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { sendDownload } from '../../modules/exports/download.ts';
import { requestLanguage } from '../../platform/errors.ts';
import { decisionAkn } from './decision.ts';
import { minutesAkn } from './minutes.ts';

const ZParams = z.object({ id: ZId });
const ZAknQuery = z.object({
  lang: z
    .enum(['en', 'ru'])
    .optional()
    .describe('The expression’s language; default: the caller’s. A text missing in it falls back'),
});

/** Akoma Ntoso 3.0 XML of decisions and minutes (DESIGN §4, Interchange). */
export async function aknRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Akoma Ntoso'];
  const jurisdiction = app.config.aknJurisdiction;

  r.get(
    '/decisions/:id.akn.xml',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'A decision as Akoma Ntoso 3.0 <doc name="decision">',
        description:
          'Valid against the OASIS Akoma Ntoso 1.0 schema; FRBR IRIs /akn/{jurisdiction}/doc/decision/{adoptedOn}/{number}.',
        params: ZParams,
        querystring: ZAknQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await decisionAkn(
          ctxOf(request),
          request.params.id,
          request.query.lang ?? requestLanguage(request),
          jurisdiction,
        ),
      ),
  );

  r.get(
    '/meetings/:id/minutes.akn.xml',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The minutes of a meeting as Akoma Ntoso 3.0 <debate name="minutes">',
        description:
          'Roll call by delegation, one debateSection per agenda item with the decisions adopted under it; FRBR IRIs /akn/{jurisdiction}/debate/minutes/{body}/{date}/{number}.',
        params: ZParams,
        querystring: ZAknQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await minutesAkn(
          ctxOf(request),
          request.params.id,
          request.query.lang ?? requestLanguage(request),
          jurisdiction,
        ),
      ),
  );
}
