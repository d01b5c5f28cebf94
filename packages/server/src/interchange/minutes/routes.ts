import {
  page,
  ZId,
  ZMinutesDownloadQuery,
  ZMinutesInfo,
  ZMinutesRevision,
  ZMinutesRevisionApprove,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { sendDownload } from '../../modules/exports/download.ts';
import { requestLanguage } from '../../platform/errors.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import * as service from './service.ts';

const ZParams = z.object({ id: ZId });
const ZRevisionParams = z.object({
  id: ZId,
  number: z.coerce.number().int().positive().max(100000).describe('Revision number'),
});

const ACCESS =
  'Signed-in callers who may read the meeting; documents named inside follow their own access. Minutes exist for meetings in session (a live draft) and held (revisions); other meetings answer 409.';

/**
 * The minutes of a meeting (issue 7): their revisions, and the minutes and the list of decisions
 * as PDF and DOCX in English, Russian or both side by side.
 */
export async function minutesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Minutes'];

  r.get(
    '/meetings/:id/minutes',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Where the minutes of a meeting stand: revisions and the previous minutes',
        description:
          'previousMeeting links the minutes of the previous meeting of the same body and says whether, when and at which meeting they were approved.',
        params: ZParams,
        response: { 200: ZMinutesInfo },
      },
    },
    async (request) => service.getMinutesInfo(ctxOf(request), request.params.id),
  );

  r.get(
    '/meetings/:id/minutes/revisions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The revisions of the minutes, oldest first',
        params: ZParams,
        response: { 200: page(ZMinutesRevision) },
      },
    },
    async (request) => service.listMinutesRevisions(ctxOf(request), request.params.id),
  );

  r.post(
    '/meetings/:id/minutes/revisions',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Issue the next revision of the minutes (secretariat)',
        description:
          'Freezes the minutes as assembled from the record now; a later change of the record does not change an issued revision. The meeting must be held (else 409); after a revision was approved no further revision is issued (409).',
        params: ZParams,
        response: { 201: ZMinutesRevision },
      },
    },
    async (request, reply) => {
      const revision = await service.issueMinutesRevision(ctxOf(request), request.params.id);
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${revision.number}`);
      return sendVersioned(reply, revision);
    },
  );

  r.get(
    '/meetings/:id/minutes/revisions/:number',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read a revision of the minutes',
        params: ZRevisionParams,
        response: { 200: ZMinutesRevision },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.getMinutesRevision(ctxOf(request), request.params.id, request.params.number),
      ),
  );

  r.post(
    '/meetings/:id/minutes/revisions/:number/approve',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Approve the latest revision of the minutes (secretariat)',
        description:
          'Approved at a later meeting of the same body that is in session or held, on one of its days (default: its first). An approved revision is final.',
        params: ZRevisionParams,
        body: ZMinutesRevisionApprove,
        response: { 200: ZMinutesRevision },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.approveMinutesRevision(
          ctxOf(request),
          request.params.id,
          request.params.number,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  const downloads = [
    ['minutes', 'pdf', 'The minutes as PDF'],
    ['minutes', 'docx', 'The minutes as DOCX'],
    ['decisions', 'pdf', 'The decisions adopted at the meeting as PDF'],
    ['decisions', 'docx', 'The decisions adopted at the meeting as DOCX'],
  ] as const;
  for (const [kind, format, summary] of downloads) {
    r.get(
      `/meetings/:id/${kind}.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary,
          description: `${ACCESS} Renders ?revision=N, by default the latest revision, or a live draft marked "not issued" while none was issued. ?lang=bilingual sets English and Russian in parallel columns; a text missing in one language shows the other, marked.`,
          params: ZParams,
          querystring: ZMinutesDownloadQuery,
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await service.minutesDownload(
            ctxOf(request),
            request.params.id,
            kind,
            format,
            request.query.lang ?? requestLanguage(request),
            request.query.revision,
          ),
        ),
    );
  }
}
