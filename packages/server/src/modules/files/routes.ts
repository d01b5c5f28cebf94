import fastifyMultipart from '@fastify/multipart';
import { ZAttachment, ZAttachmentCreate, ZFileUpload, ZId, ZSha256 } from '@plenum/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import {
  contentDisposition,
  contentTypeHeader,
  fileHref,
  fileStore,
  openFile,
  sweepStaleUploads,
} from '../../platform/files.ts';
import { claimUploadIdempotency } from '../../platform/idempotency.ts';
import type { RouteAccess } from '../../platform/route-access.ts';
import { indexFileText } from '../search/indexer.ts';
import * as service from './service.ts';

const ZFileParams = z.object({ sha256: ZSha256 });

/** Headers that make a stored file safe to hand to a browser whatever it contains. */
function fileHeaders(reply: FastifyReply, file: service.FileDownload): void {
  reply
    .header('Content-Type', contentTypeHeader(file.mediaType))
    .header('Content-Disposition', contentDisposition(file.name, file.mediaType))
    .header('X-Content-Type-Options', 'nosniff')
    // Rendered by mistake, the file may still run nothing and reach nothing.
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('ETag', `"${file.sha256}"`)
    .header('Accept-Ranges', 'bytes')
    // Access may change, so caches ask again (a 304 costs nothing thanks to the ETag).
    .header('Cache-Control', 'private, no-cache');
}

const etagMatches = (header: string | string[] | undefined, sha256: string) =>
  typeof header === 'string' &&
  header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === `"${sha256}"` || t === `W/"${sha256}"`;
  });

/** Files: upload, download (with ranges) and attachments to decisions, reports, agenda items. */
export async function fileRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const store = fileStore(app.config.dataDir, app.config.filesMaxBytes);
  // Leftovers of uploads a crash cut short; in the background, as nothing waits for them.
  sweepStaleUploads(store).catch((error: unknown) =>
    app.log.warn({ err: error }, 'could not sweep stale uploads'),
  );
  // Text extraction for search runs after the upload is answered (a large PDF takes seconds);
  // closing the app waits for what is under way.
  const extracting = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...extracting]);
  });
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: store.maxBytes,
      files: 1,
      fields: 5,
      fieldSize: 1024,
      parts: 6,
      headerPairs: 50,
    },
  });

  r.post(
    '/files',
    {
      config: { access: 'delegate' },
      schema: {
        tags: ['Files'],
        summary: 'Upload a file',
        description:
          'multipart/form-data with one part named `file`. The type is judged from the content: PDF, ' +
          'DOCX/XLSX/PPTX, ODT/ODS/ODP, RTF, DOC/XLS/PPT, PNG, JPEG, GIF, WebP, and UTF-8 text ' +
          '(plain, Markdown, CSV) are accepted; anything else is a 415. Over the size limit it is ' +
          'a 413. Nothing of a refused upload is kept. The same bytes are stored once.',
        response: { 201: ZFileUpload },
      },
    },
    async (request, reply) => {
      const length = Number(request.headers['content-length']);
      const upload = await service.uploadFile(
        ctxOf(request),
        store,
        Number.isFinite(length) ? length : null,
        async () => {
          if (!request.isMultipart()) {
            throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
          }
          const part = await request.file().catch((error: { statusCode?: number }) => {
            if (error instanceof AppError || (error.statusCode ?? 500) < 500) {
              throw error;
            }
            throw new AppError('bad_request', 'The upload was cut short or is not well-formed.');
          });
          if (part && part.fieldname !== 'file') {
            // Drain it: the answer goes out only after the request was read.
            part.file.resume();
            return undefined;
          }
          return part
            ? { file: part.file, filename: part.filename, truncated: () => part.file.truncated }
            : undefined;
        },
      );
      // Storing is idempotent by content; the key decides which answer a repeat gets.
      if (await claimUploadIdempotency(request, reply, `${upload.sha256} ${upload.name}`)) {
        return reply;
      }
      const task = indexFileText(app.db, store, upload.sha256).catch((error: unknown) =>
        request.log.warn({ err: error, sha256: upload.sha256 }, 'could not index a file’s text'),
      );
      extracting.add(task);
      void task.finally(() => extracting.delete(task));
      reply.code(201).header('Location', fileHref(upload.sha256));
      return upload;
    },
  );

  const download = async (
    request: FastifyRequest<{ Params: { sha256: string } }>,
    reply: FastifyReply,
  ) => {
    const ifRange = request.headers['if-range'];
    // If-Range with another validator (or a date: ours never changes, but we keep no dates)
    // asks for the whole file.
    const rangeHeader =
      ifRange === undefined || etagMatches(ifRange, request.params.sha256)
        ? request.headers.range
        : undefined;
    const file = await service.readFile(
      ctxOf(request),
      request.params.sha256,
      typeof rangeHeader === 'string' ? rangeHeader : undefined,
    );
    fileHeaders(reply, file);
    if (etagMatches(request.headers['if-none-match'], file.sha256)) {
      return reply.code(304).send();
    }
    const { range } = file;
    const length = range ? range.end - range.start + 1 : file.size;
    reply.header('Content-Length', String(length));
    if (range) {
      reply.code(206).header('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
    }
    if (request.method === 'HEAD') {
      return reply.send();
    }
    return reply.send(openFile(store, file.sha256, range ?? undefined));
  };

  r.route({
    method: ['GET', 'HEAD'],
    url: '/files/:sha256',
    config: { access: 'public' },
    schema: {
      tags: ['Files'],
      summary: 'Download a file',
      description:
        'Readable by whoever may read something the file is attached to, by its uploader, and by ' +
        'the secretariat; otherwise a 404. Supports HEAD, a single byte range (206/416), ' +
        'If-None-Match and If-Range; always sent as an attachment.',
      params: ZFileParams,
    },
    handler: download,
  });

  // ---- Attachments ----

  const owners = [
    {
      path: '/decisions/:id/attachments',
      tags: ['Decisions'],
      params: z.object({ id: ZId }),
      owner: (p: Record<string, string>): service.Owner => ({
        type: 'decision',
        decisionId: p.id as string,
      }),
      what: 'a decision',
      read: 'signedIn',
      write: 'staff',
    },
    {
      path: '/reports/:id/attachments',
      tags: ['Decisions'],
      params: z.object({ id: ZId }),
      owner: (p: Record<string, string>): service.Owner => ({
        type: 'report',
        reportId: p.id as string,
      }),
      what: 'an implementation report (a delegate: its own state’s reports only)',
      read: 'signedIn',
      write: 'delegate',
    },
    {
      path: '/meetings/:id/agenda-items/:itemId/attachments',
      tags: ['Agenda'],
      params: z.object({ id: ZId, itemId: ZId }),
      owner: (p: Record<string, string>): service.Owner => ({
        type: 'agenda_item',
        meetingId: p.id as string,
        itemId: p.itemId as string,
      }),
      what: 'an agenda item',
      // Attachments of a public meeting's agenda item are public; the service hides the rest.
      read: 'public',
      write: 'staff',
    },
  ] satisfies ({ read: RouteAccess; write: RouteAccess } & Record<string, unknown>)[];

  for (const o of owners) {
    r.get(
      o.path,
      {
        config: { access: o.read },
        schema: {
          tags: o.tags,
          summary: `Files attached to ${o.what}`,
          params: o.params,
          response: { 200: z.object({ items: z.array(ZAttachment) }) },
        },
      },
      async (request) => ({
        items: await service.listAttachments(
          ctxOf(request),
          o.owner(request.params as Record<string, string>),
        ),
      }),
    );

    r.post(
      o.path,
      {
        config: { access: o.write },
        schema: {
          tags: o.tags,
          summary: `Attach an uploaded file to ${o.what}`,
          description: 'Upload with POST /files first; an unknown SHA-256 is a 422.',
          params: o.params,
          body: ZAttachmentCreate,
          response: { 201: ZAttachment },
        },
      },
      async (request, reply) => {
        const attachment = await service.addAttachment(
          ctxOf(request),
          o.owner(request.params as Record<string, string>),
          request.body,
        );
        reply.code(201).header('Location', `${request.url.split('?')[0]}/${attachment.sha256}`);
        return attachment;
      },
    );

    r.delete(
      `${o.path}/:sha256`,
      {
        config: { access: o.write },
        schema: {
          tags: o.tags,
          summary: `Detach a file from ${o.what}`,
          description: 'The stored file stays: other records may carry it.',
          params: o.params.extend({ sha256: ZSha256 }),
        },
      },
      async (request, reply) => {
        const params = request.params as Record<string, string>;
        await service.removeAttachment(ctxOf(request), o.owner(params), params.sha256 as string);
        return reply.code(204).send();
      },
    );
  }
}
