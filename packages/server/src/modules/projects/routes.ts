import {
  PROJECT_STATUSES,
  page,
  ZId,
  ZProject,
  ZProjectCreate,
  ZProjectListItem,
  ZProjectListQuery,
  ZProjectPatch,
  ZProjectStateSummary,
  ZProjectSummaryQuery,
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
const ZExportQuery = ZProjectListQuery.omit({ limit: true, cursor: true }).extend({
  lang: z
    .enum(['en', 'ru'])
    .optional()
    .describe('Headings and labels in this language; default: the caller’s language'),
});

/** The register of joint projects: participants, lifecycle, links, per-state summary. */
export async function projectRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Projects'];

  r.get(
    '/projects',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The register of joint projects, newest first',
        description:
          'Filter by kind, status, participating state or organization (and its role), linked measure or decision, and title.',
        querystring: ZProjectListQuery,
        response: { 200: page(ZProjectListItem) },
      },
    },
    async (request) => service.listProjectsPage(ctxOf(request), request.query),
  );

  r.get(
    '/projects/summary-by-state',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Per member state: its projects by status, as lead and as partner',
        description: `Statuses: ${PROJECT_STATUSES.join(', ')}. A project counts once per state.`,
        querystring: ZProjectSummaryQuery,
        response: { 200: z.object({ items: z.array(ZProjectStateSummary) }) },
      },
    },
    async (request) => service.summarizeByState(ctxOf(request), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(
      `/projects/export.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: `The project register as ${format.toUpperCase()}`,
          description:
            'The same filters and order as GET /projects, every matching project. Columns: title, kind, status, lead, partners, member states, start, end, decisions, program measures.',
          querystring: ZExportQuery,
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendDownload(
          reply,
          await service.exportProjects(
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
    '/projects/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: 'Read a project', params: ZParams, response: { 200: ZProject } },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getProject(ctxOf(request), request.params.id)),
  );

  r.post(
    '/projects',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Record a project',
        description:
          'Exactly one lead participant; a joint venture needs organizations of at least two member states (422 otherwise).',
        body: ZProjectCreate,
        response: { 201: ZProject },
      },
    },
    async (request, reply) => {
      const project = await service.createProject(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${project.id}`);
      return sendVersioned(reply, project);
    },
  );

  r.patch(
    '/projects/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Correct a project or change its status',
        description:
          'proposed → approved → active → completed; terminated from approved or active; any other status change answers 409.',
        params: ZParams,
        body: ZProjectPatch,
        response: { 200: ZProject },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateProject(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/projects/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove a proposed project entered by mistake',
        params: ZParams,
      },
    },
    async (request, reply) => {
      await service.deleteProject(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/projects/:id/history',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'What changed on this project, newest first',
        description: 'From the audit trail; for the secretariat and admins.',
        params: ZParams,
        response: { 200: z.object({ items: z.array(ZRegisterHistoryEvent) }) },
      },
    },
    async (request) => service.getProjectHistory(ctxOf(request), request.params.id),
  );
}
