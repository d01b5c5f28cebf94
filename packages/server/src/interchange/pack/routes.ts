import { ZId, ZMeetingPack, ZPackIssueQuery, ZPackParams } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { sendDownload } from '../../modules/exports/download.ts';
import { requestLanguage } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files.ts';
import * as service from './service.ts';

const ZMeetingParams = z.object({ id: ZId });

/** Meeting packs: issue the pack or its next addendum, list them, download one. */
export async function packRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Meeting packs'];
  const store = fileStore(app.config.dataDir, app.config.filesMaxBytes);

  r.post(
    '/meetings/:id/pack',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Issue the meeting pack, or the next addendum once the pack exists (secretariat)',
        description:
          'One PDF: cover, agenda, then the pages of every PDF of the agenda items (latest version of each linked public or internal document: its PDF, or its text typeset; PDF attachments; other files are listed by name), with bookmarks. Restricted documents are never included. An addendum holds only what was added or changed since the previous issue; with nothing new the answer is 409.',
        params: ZMeetingParams,
        querystring: ZPackIssueQuery,
        response: { 201: ZMeetingPack },
      },
    },
    async (request, reply) => {
      const pack = await service.issuePack(
        ctxOf(request),
        store,
        request.params.id,
        request.query.lang ?? requestLanguage(request),
      );
      reply.code(201).header('Location', pack.href);
      return pack;
    },
  );

  r.get(
    '/meetings/:id/packs',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The issued pack and its addenda, in order',
        params: ZMeetingParams,
        response: { 200: z.object({ items: z.array(ZMeetingPack), nextCursor: z.null() }) },
      },
    },
    async (request) => ({
      items: await service.listMeetingPacks(ctxOf(request), request.params.id),
      nextCursor: null,
    }),
  );

  r.get(
    '/meetings/:id/packs/:sequence.pdf',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Download an issued pack (0) or addendum (1, 2, …) as PDF',
        params: ZPackParams,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await service.openPack(ctxOf(request), store, request.params.id, request.params.sequence),
      ),
  );
}
