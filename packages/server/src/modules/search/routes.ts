import { ZSearchQuery, ZSearchResult } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../app.ts';
import * as service from './service.ts';

/** Full-text search across meetings, agenda items, decisions and documents. */
export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Search'],
        summary: 'Find meetings, agenda items, decisions and documents by their words',
        description:
          'Ranked by relevance (title matches first), in English and Russian with inflected forms. ' +
          'Only what the caller may read is found or counted. An empty query or one longer than ' +
          '200 characters answers 422.',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult },
      },
    },
    async (request) => service.search(ctxOf(request), request.query),
  );
}
