import { createHash } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  IMPORT_MAX_BYTES,
  type ImportKind,
  ZImportKind,
  ZImportResult,
  ZImportResultFields,
  ZProblem,
} from '@plenum/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { requireContentWriter } from '../../platform/access.ts';
import { AppError, problemBody, requestLanguage } from '../../platform/errors.ts';
import { claimUploadIdempotency } from '../../platform/idempotency.ts';
import { CSV_TYPE, sendDownload, tableOutput } from '../exports/download.ts';
import type { Lang } from '../exports/labels.ts';
import { XLSX_TYPE } from '../exports/xlsx.ts';
import { messagesOf } from './messages.ts';
import { readUploadedTable } from './read.ts';
import { importTable } from './service.ts';

const tags = ['Import'];
/** A refused import lists its problems; a reused Idempotency-Key is a plain problem. */
const ZImportRefused = ZProblem.extend(z.object(ZImportResultFields).partial().shape);

// Multipart framing around the file: boundaries and part headers stay far below this.
const FRAMING_ALLOWANCE = 64 * 1024;

const TEMPLATE_NAMES: Record<ImportKind, Record<Lang, string>> = {
  'member-states': { en: 'import-member-states', ru: 'импорт-государства-члены' },
  persons: { en: 'import-persons', ru: 'импорт-персоны' },
  organizations: { en: 'import-organizations', ru: 'импорт-организации' },
};

const COLUMN_HELP = [
  'member-states: code (ISO 3166-1 alpha-3, matched against the directory), name_en, name_ru, status (member | observer | former; default member).',
  'persons: name_en, name_ru, member_state, position_en, position_ru; matched by member state and English name, else Russian name.',
  'organizations: name_en, name_ru, member_state, kind; matched by member state and English name, else Russian name.',
  'A row matching a record updates it; an empty cell leaves the stored value as it is.',
].join(' ');

/** Reads the one file part of the upload, refusing what is too large or not multipart. */
async function uploadedFile(
  request: FastifyRequest,
  lang: Lang,
): Promise<{ bytes: Buffer; filename: string | undefined }> {
  const m = messagesOf(lang);
  const tooLarge = () =>
    new AppError('payload_too_large', m.tooLarge(IMPORT_MAX_BYTES / 1024 / 1024));
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES + FRAMING_ALLOWANCE) {
    throw tooLarge();
  }
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', m.notMultipart);
  }
  const noFile = () =>
    new AppError('validation_failed', m.noFile, { errors: [{ path: 'file', message: m.noFile }] });
  const part = await request.file().catch((error: { statusCode?: number }) => {
    if (error instanceof AppError || (error.statusCode ?? 500) < 500) {
      throw error;
    }
    throw new AppError('bad_request', 'The upload was cut short or is not well-formed.');
  });
  if (!part) {
    throw noFile();
  }
  if (part.fieldname !== 'file') {
    // Drain it: the answer goes out only after the request was read.
    part.file.resume();
    throw noFile();
  }
  try {
    const bytes = await part.toBuffer();
    if (part.file.truncated) {
      throw tooLarge();
    }
    return { bytes, filename: part.filename || undefined };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge();
    }
    throw error;
  }
}

/**
 * Import of member states, persons and organizations from CSV or XLSX (secretariat and admins),
 * with a dry run, and the empty templates to fill in.
 */
export async function importRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Only a multipart upload is accepted here; any other body is refused before it is read.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', async (request: FastifyRequest) => {
    throw new AppError('unsupported_media_type', messagesOf(requestLanguage(request)).notMultipart);
  });
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: IMPORT_MAX_BYTES,
      files: 1,
      fields: 5,
      fieldSize: 1024,
      parts: 6,
      headerPairs: 50,
    },
  });

  r.post(
    '/imports/:kind',
    {
      config: { access: 'staff' },
      // Before the body is read: an anonymous or read-only caller's upload is not parsed.
      onRequest: async (request) => requireContentWriter(request.actor),
      schema: {
        tags,
        summary: 'Import member states, persons or organizations from a CSV or XLSX file',
        description:
          `multipart/form-data with one part named \`file\`: CSV (UTF-8; comma, semicolon or tab) or XLSX (the first sheet), at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB and 5,000 rows. ` +
          'The first row names the columns, in any order. ' +
          COLUMN_HELP +
          ' Every row is checked by the schema of the create route plus its references and duplicates (in the file and against the directory). ' +
          'dryRun=true writes nothing and lists every problem with the summary; otherwise all rows are written in one transaction, or, when a row has a problem, none (422 with the same list). ' +
          'Values are stored as text exactly as given: a formula cell is kept as its formula text, never evaluated. ' +
          'A file that is neither CSV nor XLSX is a 415; over the limit a 413; a malformed CSV a 400.',
        params: z.object({ kind: ZImportKind }),
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        response: { 200: ZImportResult, 422: ZImportRefused },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const { bytes, filename } = await uploadedFile(request, lang);
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (await claimUploadIdempotency(request, reply, `${digest} ${filename ?? ''}`)) {
        return reply;
      }
      const table = await readUploadedTable(bytes, filename, lang);
      const dryRun = request.query.dryRun === 'true';
      const result = await importTable(ctxOf(request), request.params.kind, table, {
        dryRun,
        lang,
      });
      if (!dryRun && !result.written) {
        const problem = problemBody('unprocessable', 422, messagesOf(lang).refused);
        return reply
          .code(422)
          .type('application/problem+json; charset=utf-8')
          .send({ ...problem, ...result });
      }
      return result;
    },
  );

  for (const kind of IMPORT_KINDS) {
    for (const format of ['csv', 'xlsx'] as const) {
      r.get(
        `/imports/templates/${kind}.${format}`,
        {
          config: { access: 'staff' },
          schema: {
            tags,
            summary: `An empty ${format.toUpperCase()} template for importing ${kind.replace('-', ' ')}`,
            description: `The header row only: ${IMPORT_COLUMNS[kind].join(', ')}.`,
          },
        },
        async (request, reply) => {
          requireContentWriter(request.actor);
          const lang = requestLanguage(request);
          const columns = IMPORT_COLUMNS[kind].map((header) => ({
            header,
            width: header.startsWith('name') || header.startsWith('position') ? 40 : 16,
          }));
          return sendDownload(reply, {
            name: TEMPLATE_NAMES[kind].en,
            localName: TEMPLATE_NAMES[kind][lang],
            extension: format,
            contentType: format === 'csv' ? CSV_TYPE : XLSX_TYPE,
            body: tableOutput(columns, (async function* () {})(), kind, format),
          });
        },
      );
    }
  }
}
