import {
  page,
  ZId,
  ZMeasure,
  ZMeasureCreate,
  ZMeasurePatch,
  ZMeasureReport,
  ZMeasureReportCreate,
  ZOverdueMeasure,
  ZOverdueMeasuresQuery,
  ZProgram,
  ZProgramCreate,
  ZProgramListQuery,
  ZProgramPatch,
  ZProgramTimeline,
  ZRegisterHistoryEvent,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import { sendDownload } from '../exports/download.ts';
import { langOf } from '../standards/routes.ts';
import { exportMeasures, exportPrograms } from './export.ts';
import * as service from './service.ts';

const ZParams = z.object({ id: ZId });
const ZMeasureParams = z.object({ id: ZId, measureId: ZId });
const ZLang = z
  .enum(['en', 'ru'])
  .optional()
  .describe('Headings and labels in this language; default: the caller’s language');

/** Long-term cooperation programs, their measures tree, measure reports and the roll-ups. */
export async function programRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Programs'];

  r.get(
    '/programs',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Long-term cooperation programs, latest period first',
        querystring: ZProgramListQuery,
        response: { 200: page(ZProgram) },
      },
    },
    async (request) => service.listProgramsPage(ctxOf(request), request.query),
  );

  r.get(
    '/programs/overdue-measures',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Open measures of running programs past their due date, earliest first',
        description: 'For the dashboard; filter by responsible state or program.',
        querystring: ZOverdueMeasuresQuery,
        response: { 200: page(ZOverdueMeasure) },
      },
    },
    async (request) => service.listOverdueMeasures(ctxOf(request), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(
      `/programs/export.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: `The programs as ${format.toUpperCase()}`,
          description: 'The same filters and order as GET /programs.',
          querystring: ZProgramListQuery.omit({ limit: true, cursor: true }).extend({
            lang: ZLang,
          }),
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendDownload(
          reply,
          await exportPrograms(ctxOf(request), query, langOf(request, lang), format),
        );
      },
    );

    r.get(
      `/programs/:id/measures/export.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: `A program’s measures as ${format.toUpperCase()}`,
          params: ZParams,
          querystring: z.object({ lang: ZLang }),
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await exportMeasures(
            ctxOf(request),
            request.params.id,
            langOf(request, request.query.lang),
            format,
          ),
        ),
    );
  }

  r.get(
    '/programs/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: 'Read a program', params: ZParams, response: { 200: ZProgram } },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getProgram(ctxOf(request), request.params.id)),
  );

  r.post(
    '/programs',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Register a program',
        body: ZProgramCreate,
        response: { 201: ZProgram },
      },
    },
    async (request, reply) => {
      const program = await service.createProgram(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url}/${program.id}`);
      return sendVersioned(reply, program);
    },
  );

  r.patch(
    '/programs/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change a program',
        description:
          'Status lifecycle: planned → active → completed; cancelled from planned or active. ' +
          'Others: 409.',
        params: ZParams,
        body: ZProgramPatch,
        response: { 200: ZProgram },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateProgram(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/programs/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove a program entered by mistake (no measure reported on)',
        params: ZParams,
      },
    },
    async (request, reply) => {
      await service.deleteProgram(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/programs/:id/history',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'What changed on this program, its measures and their reports, newest first',
        params: ZParams,
        response: { 200: z.object({ items: z.array(ZRegisterHistoryEvent) }) },
      },
    },
    async (request) => service.getProgramHistory(ctxOf(request), request.params.id),
  );

  r.get(
    '/programs/:id/timeline',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The program’s measures with their spans, for a timeline',
        params: ZParams,
        response: { 200: ZProgramTimeline },
      },
    },
    async (request) => service.getProgramTimeline(ctxOf(request), request.params.id),
  );

  // ---- Measures ----

  r.get(
    '/programs/:id/measures',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The measures tree in code order (1, 1.1, 1.2, 2, …)',
        params: ZParams,
        response: { 200: page(ZMeasure) },
      },
    },
    async (request) => service.listMeasures(ctxOf(request), request.params.id),
  );

  r.get(
    '/programs/:id/measures/:measureId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read a measure',
        params: ZMeasureParams,
        response: { 200: ZMeasure },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.getMeasure(ctxOf(request), request.params.id, request.params.measureId),
      ),
  );

  r.post(
    '/programs/:id/measures',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Add a measure (under parentId, at position among its siblings)',
        params: ZParams,
        body: ZMeasureCreate,
        response: { 201: ZMeasure },
      },
    },
    async (request, reply) => {
      const measure = await service.createMeasure(ctxOf(request), request.params.id, request.body);
      reply.code(201).header('Location', `${request.url}/${measure.id}`);
      return sendVersioned(reply, measure);
    },
  );

  r.patch(
    '/programs/:id/measures/:measureId',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change or move a measure',
        description:
          'Status lifecycle: planned → in_progress → completed (completed sets progress 100; ' +
          'it may reopen to in_progress); cancelled from planned or in_progress. A measure with ' +
          'sub-measures takes its progress from them (422 when set).',
        params: ZMeasureParams,
        body: ZMeasurePatch,
        response: { 200: ZMeasure },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateMeasure(
          ctxOf(request),
          request.params.id,
          request.params.measureId,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/programs/:id/measures/:measureId',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove a measure and its sub-measures (none reported on)',
        params: ZMeasureParams,
      },
    },
    async (request, reply) => {
      await service.deleteMeasure(
        ctxOf(request),
        request.params.id,
        request.params.measureId,
        ifMatchVersion(request),
      );
      return reply.code(204).send();
    },
  );

  r.get(
    '/programs/:id/measures/:measureId/reports',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Reports on a measure, newest first',
        params: ZMeasureParams,
        response: { 200: z.object({ items: z.array(ZMeasureReport) }) },
      },
    },
    async (request) => ({
      items: await service.listMeasureReports(
        ctxOf(request),
        request.params.id,
        request.params.measureId,
      ),
    }),
  );

  r.post(
    '/programs/:id/measures/:measureId/reports',
    {
      config: { access: 'delegate' },
      schema: {
        tags,
        summary: 'Report on a measure',
        description:
          'By the secretariat, or by a delegate of a responsible state for its own state. A ' +
          'report may set the measure’s status and progress.',
        params: ZMeasureParams,
        body: ZMeasureReportCreate,
        response: { 201: ZMeasureReport },
      },
    },
    async (request, reply) => {
      const report = await service.submitMeasureReport(
        ctxOf(request),
        request.params.id,
        request.params.measureId,
        request.body,
      );
      reply.code(201).header('Location', `${request.url}/${report.id}`);
      return report;
    },
  );
}
