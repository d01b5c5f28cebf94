import {
  page,
  ZAnnouncementDraft,
  ZAnnouncementQuery,
  ZId,
  ZNewsCreate,
  ZNewsItem,
  ZNewsListItem,
  ZNewsListQuery,
  ZNewsPatch,
  ZNewsPublish,
  ZNewsSchedule,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_PREFIX, ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import { generateAnnouncement, saveAnnouncement } from './announcement.ts';
import * as service from './service.ts';

const ZNewsParams = z.object({ id: ZId });

/** News items of the public portal, their publication, and the announcement generator. */
export async function newsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['News'];
  const location = (id: string) => `${API_PREFIX}/news/${id}`;

  r.get(
    '/news',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'News items, newest first',
        description:
          'The secretariat and admins see every item; everyone else only publicly visible ones (published, or scheduled and due).',
        querystring: ZNewsListQuery,
        response: { 200: page(ZNewsListItem) },
      },
    },
    async (request) => service.listNewsPage(ctxOf(request), request.query),
  );

  r.get(
    '/news/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Read a news item',
        params: ZNewsParams,
        response: { 200: ZNewsItem },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getNewsItem(ctxOf(request), request.params.id)),
  );

  r.post(
    '/news/preview',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Render Markdown as the portal will, for the editor’s live preview',
        description:
          'The same renderer as stored texts (no raw HTML passes through); nothing is saved.',
        body: z.object({ markdown: z.string().max(200_000) }).strict(),
        response: { 200: z.object({ html: z.string() }) },
      },
    },
    async (request) => service.previewMarkdown(ctxOf(request), request.body.markdown),
  );

  r.post(
    '/news',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Write a draft news item',
        description:
          'Without a slug one is made from the English title (or the transliterated Russian one).',
        body: ZNewsCreate,
        response: { 201: ZNewsItem },
      },
    },
    async (request, reply) => {
      const item = await service.createNewsItem(ctxOf(request), request.body);
      reply.code(201).header('Location', location(item.id));
      return sendVersioned(reply, item);
    },
  );

  r.patch(
    '/news/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change a news item',
        params: ZNewsParams,
        body: ZNewsPatch,
        response: { 200: ZNewsItem },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateNewsItem(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/news/:id',
    {
      config: { access: 'staff' },
      schema: { tags, summary: 'Remove a news item', params: ZNewsParams },
    },
    async (request, reply) => {
      await service.deleteNewsItem(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );

  r.post(
    '/news/:id/publish',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Publish now (or at a past date, for an item from an earlier site)',
        params: ZNewsParams,
        body: ZNewsPublish.nullish(),
        response: { 200: ZNewsItem },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.publishNewsItem(
          ctxOf(request),
          request.params.id,
          request.body ?? {},
          ifMatchVersion(request),
        ),
      ),
  );

  r.post(
    '/news/:id/schedule',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Schedule publication at a future time',
        params: ZNewsParams,
        body: ZNewsSchedule,
        response: { 200: ZNewsItem },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.scheduleNewsItem(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.post(
    '/news/:id/unpublish',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Take off the portal: back to a draft',
        params: ZNewsParams,
        response: { 200: ZNewsItem },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.unpublishNewsItem(ctxOf(request), request.params.id, ifMatchVersion(request)),
      ),
  );

  r.post(
    '/meetings/:id/announcement',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Generate the announcement of a meeting as a draft news item',
        description:
          'Written from the record in the requested language. Unsaved (200) unless save=true, which creates the draft news item (201 + Location).',
        params: ZNewsParams,
        querystring: ZAnnouncementQuery,
        response: { 200: ZAnnouncementDraft, 201: ZNewsItem },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      if (request.query.save === 'true') {
        const item = await saveAnnouncement(ctx, request.params.id, request.query.lang);
        reply.code(201).header('Location', location(item.id));
        return sendVersioned(reply, item);
      }
      return generateAnnouncement(ctx, request.params.id, request.query.lang);
    },
  );
}
