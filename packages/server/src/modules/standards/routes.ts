import {
  page,
  ZAdoption,
  ZAdoptionMatrix,
  ZAdoptionMatrixQuery,
  ZAdoptionPut,
  ZId,
  ZRegisterHistoryEvent,
  ZStandard,
  ZStandardCreate,
  ZStandardListItem,
  ZStandardListQuery,
  ZStandardPatch,
  ZStateCode,
} from '@plenum/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { requestLanguage } from '../../platform/errors.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import { sendDownload } from '../exports/download.ts';
import { exportAdoptionMatrix, exportStandards } from './export.ts';
import * as service from './service.ts';

const ZParams = z.object({ id: ZId });
const ZAdoptionParams = z.object({ id: ZId, memberState: ZStateCode });
const ZLang = z
  .enum(['en', 'ru'])
  .optional()
  .describe('Headings and labels in this language; default: the caller’s language');

export const langOf = (request: FastifyRequest, lang: 'en' | 'ru' | undefined) =>
  lang ?? requestLanguage(request);

/** The standards register, each member state's adoption, and the adoption matrix. */
export async function standardRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Standards'];

  r.get(
    '/standards',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The standards register, by designation',
        querystring: ZStandardListQuery,
        response: { 200: page(ZStandardListItem) },
      },
    },
    async (request) => service.listStandardsPage(ctxOf(request), request.query),
  );

  r.get(
    '/standards/adoption-matrix',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Standards × member states: each state’s adoption of each standard',
        description: 'Every signed-in user sees every state: adoption status is not secret.',
        querystring: ZAdoptionMatrixQuery,
        response: { 200: ZAdoptionMatrix },
      },
    },
    async (request) => service.adoptionMatrix(ctxOf(request), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(
      `/standards/export.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: `The standards register as ${format.toUpperCase()}`,
          description:
            'The same filters and order as GET /standards. Columns: designation, title, status, ' +
            'lead state, body, decisions, and the number of states per adoption status.',
          querystring: ZStandardListQuery.omit({ limit: true, cursor: true }).extend({
            lang: ZLang,
          }),
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendDownload(
          reply,
          await exportStandards(ctxOf(request), query, langOf(request, lang), format),
        );
      },
    );

    r.get(
      `/standards/adoption-matrix/export.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: `The adoption matrix as ${format.toUpperCase()}`,
          querystring: ZAdoptionMatrixQuery.extend({ lang: ZLang }),
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendDownload(
          reply,
          await exportAdoptionMatrix(ctxOf(request), query, langOf(request, lang), format),
        );
      },
    );
  }

  r.get(
    '/standards/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read a standard',
        params: ZParams,
        response: { 200: ZStandard },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getStandard(ctxOf(request), request.params.id)),
  );

  r.post(
    '/standards',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Register a standard',
        body: ZStandardCreate,
        response: { 201: ZStandard },
      },
    },
    async (request, reply) => {
      const standard = await service.createStandard(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url}/${standard.id}`);
      return sendVersioned(reply, standard);
    },
  );

  r.patch(
    '/standards/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change a standard',
        description:
          'Status lifecycle: planned → in_development → under_consultation → adopted; ' +
          'under_consultation → in_development; withdrawn from any but withdrawn. Others: 409.',
        params: ZParams,
        body: ZStandardPatch,
        response: { 200: ZStandard },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateStandard(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/standards/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove a standard entered by mistake (none of its adoptions recorded)',
        params: ZParams,
      },
    },
    async (request, reply) => {
      await service.deleteStandard(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/standards/:id/history',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'What changed on this standard and its adoption records, newest first',
        params: ZParams,
        response: { 200: z.object({ items: z.array(ZRegisterHistoryEvent) }) },
      },
    },
    async (request) => service.getStandardHistory(ctxOf(request), request.params.id),
  );

  r.get(
    '/standards/:id/adoptions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Every member state’s adoption of the standard (pending without a record)',
        params: ZParams,
        response: { 200: z.object({ items: z.array(ZAdoption) }) },
      },
    },
    async (request) => ({
      items: await service.listAdoptions(ctxOf(request), request.params.id),
    }),
  );

  r.get(
    '/standards/:id/adoptions/:memberState',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'One member state’s adoption of the standard',
        params: ZAdoptionParams,
        response: { 200: ZAdoption },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.getAdoption(ctxOf(request), request.params.id, request.params.memberState),
      ),
  );

  r.put(
    '/standards/:id/adoptions/:memberState',
    {
      config: { access: 'delegate' },
      schema: {
        tags,
        summary: 'Record a member state’s adoption of the standard',
        description:
          'A delegate records only its own state’s adoption. adopted and ' +
          'adopted_with_reservations need nationalReference and effectiveDate; ' +
          'adopted_with_reservations needs reservations (422 otherwise). If-Match: the record’s ' +
          'version, "0" before the first record.',
        params: ZAdoptionParams,
        body: ZAdoptionPut,
        response: { 200: ZAdoption },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.putAdoption(
          ctxOf(request),
          request.params.id,
          request.params.memberState,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );
}
