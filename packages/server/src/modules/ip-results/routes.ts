import {
  page,
  ZId,
  ZIpResult,
  ZIpResultCreate,
  ZIpResultListItem,
  ZIpResultListQuery,
  ZIpResultPatch,
  ZRegisterHistoryEvent,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { requestLanguage } from '../../platform/errors.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import { sendDownload } from '../exports/download.ts';
import * as service from './service.ts';

const ZParams = z.object({ id: ZId });
const ZExportQuery = ZIpResultListQuery.omit({ limit: true, cursor: true }).extend({
  lang: z
    .enum(['en', 'ru'])
    .optional()
    .describe('Headings and labels in this language; default: the caller’s language'),
});

/**
 * The register of intellectual-property results: rights holders with shares totalling 100%,
 * protections per state, confidentiality as the restricted classification with an access list.
 */
export async function ipResultRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['IP results'];

  r.get(
    '/ip-results',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The register of intellectual-property results, newest first',
        description:
          'Confidential (restricted) results appear only to the secretariat and to those their access list names.',
        querystring: ZIpResultListQuery,
        response: { 200: page(ZIpResultListItem) },
      },
    },
    async (request) => service.listIpResultsPage(ctxOf(request), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(
      `/ip-results/export.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: `The IP register as ${format.toUpperCase()}`,
          description:
            'The same filters, order and access as GET /ip-results. Columns: title, kind, project, classification, rights holders with shares, protection per state, decisions.',
          querystring: ZExportQuery,
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendDownload(
          reply,
          await service.exportIpResults(
            ctxOf(request),
            query,
            lang ?? requestLanguage(request),
            format,
          ),
        );
      },
    );
  }

  r.get(
    '/ip-results/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: 'Read a result', params: ZParams, response: { 200: ZIpResult } },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getIpResult(ctxOf(request), request.params.id)),
  );

  r.post(
    '/ip-results',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Record an intellectual-property result',
        description:
          'Rights holders are organizations or member states whose shares total exactly 100 (422 otherwise, with the total).',
        body: ZIpResultCreate,
        response: { 201: ZIpResult },
      },
    },
    async (request, reply) => {
      const result = await service.createIpResult(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${result.id}`);
      return sendVersioned(reply, result);
    },
  );

  r.patch(
    '/ip-results/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Correct a result; lists given replace the current ones',
        params: ZParams,
        body: ZIpResultPatch,
        response: { 200: ZIpResult },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateIpResult(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/ip-results/:id',
    {
      config: { access: 'staff' },
      schema: { tags, summary: 'Remove a result entered by mistake', params: ZParams },
    },
    async (request, reply) => {
      await service.deleteIpResult(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/ip-results/:id/history',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'What changed on this result, newest first',
        description: 'From the audit trail; for the secretariat and admins.',
        params: ZParams,
        response: { 200: z.object({ items: z.array(ZRegisterHistoryEvent) }) },
      },
    },
    async (request) => service.getIpResultHistory(ctxOf(request), request.params.id),
  );
}
