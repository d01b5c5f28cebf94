import { ZDecisionListQuery, ZId, ZProblem, ZReportStatus, ZStateCode } from '@plenum/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { requireRole } from '../../platform/access.ts';
import { AppError, localizeMessage, problemBody, requestLanguage } from '../../platform/errors.ts';
import { sendDownload } from './download.ts';
import type { Lang } from './labels.ts';
import * as service from './service.ts';
import { isUploadedWorkbook, readWorkbook, XLSX_TYPE } from './xlsx.ts';

const ZLang = z
  .enum(['en', 'ru'])
  .optional()
  .describe('Headings, labels and titles in this language; default: the caller’s language');
const ZRegisterExportQuery = ZDecisionListQuery.omit({ limit: true, cursor: true }).extend({
  lang: ZLang,
});
const ZBulkExportQuery = z.object({
  memberState: ZStateCode.optional().describe('Default for a delegate: its own state'),
  bodyId: ZId.optional().describe('A body’s assignments (secretariat)'),
  lang: ZLang,
});

const ZImportRow = z.object({
  row: z.number().int().describe('The row’s number in the sheet; the header is row 1'),
  assignmentId: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  action: z.enum(['report', 'skip']).describe('skip: the row has no new status'),
  status: ZReportStatus.nullable(),
  reportedOn: z.string().nullable(),
  problems: z.array(z.string()).describe('What stops the row, in the caller’s language'),
});
const ZImportResultFields = {
  dryRun: z.boolean(),
  written: z.number().int().describe('Reports written: all rows’ reports, or none'),
  rows: z.array(ZImportRow),
  summary: z.object({
    reports: z.number().int().describe('Rows with a report and no problem'),
    skipped: z.number().int(),
    problems: z.number().int().describe('Rows with at least one problem'),
  }),
};
const ZImportResult = z.object(ZImportResultFields);
/** A refused sheet lists its problems; a reused Idempotency-Key is a plain problem. */
const ZImportRefused = ZProblem.extend(z.object(ZImportResultFields).partial().shape);

const MAX_UPLOAD = 5 * 1024 * 1024;

const langOf = (request: FastifyRequest, lang: Lang | undefined): Lang =>
  lang ?? requestLanguage(request);

/**
 * Outputs beside the resources they render (DESIGN §4): the decision register and a meeting's
 * implementation matrix as CSV and XLSX, and bulk implementation reporting through a sheet.
 */
export async function exportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Only the filled sheet is accepted here. It is read while parsing, into plain rows of cells:
  // the platform's NUL check then walks text, not five million bytes of a Buffer.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
    async (_request: FastifyRequest, body: Buffer) => readWorkbook(body),
  );
  app.addContentTypeParser('*', async () => {
    throw new AppError('unsupported_media_type', `Send the filled workbook as ${XLSX_TYPE}.`);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(
      `/decisions/export.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['Decisions'],
          summary: `The decision register as ${format.toUpperCase()}`,
          description:
            'The same filters and order as GET /decisions, every matching decision (no paging). ' +
            'Columns: number, kind, title, adopting body, meeting, adopted on, status, assignees, next due date, open assignments.',
          querystring: ZRegisterExportQuery,
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendDownload(
          reply,
          await service.exportDecisionRegister(
            ctxOf(request),
            query,
            langOf(request, lang),
            format,
          ),
        );
      },
    );

    r.get(
      `/meetings/:id/implementation-review/export.${format}`,
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['Implementation review'],
          summary: `The implementation matrix of a meeting’s review as ${format.toUpperCase()}`,
          description:
            'One row per reviewed decision, one column per assignee with its status and latest report date, and the summary. In XLSX the status cells are coloured as well.',
          params: z.object({ id: ZId }),
          querystring: z.object({ lang: ZLang }),
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await service.exportImplementationReview(
            ctxOf(request),
            request.params.id,
            langOf(request, request.query.lang),
            format,
          ),
        ),
    );
  }

  r.get(
    '/assignments/export.xlsx',
    {
      config: { access: 'delegate' },
      schema: {
        tags: ['Decisions'],
        summary: 'Open assignments of a state or body as a sheet to fill in',
        description:
          'Choose a new status, add the report text and date, and upload the sheet to POST /assignments/import. A delegate downloads its own state’s only.',
        querystring: ZBulkExportQuery,
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      return sendDownload(
        reply,
        await service.exportOpenAssignments(ctxOf(request), query, langOf(request, lang)),
      );
    },
  );

  r.post(
    '/assignments/import',
    {
      config: { access: 'delegate' },
      bodyLimit: MAX_UPLOAD,
      // Before the body is read: an anonymous or read-only caller's upload is not parsed.
      onRequest: async (request) => requireRole(request.actor, 'delegate', 'secretariat', 'admin'),
      schema: {
        tags: ['Decisions'],
        summary: 'Report on many assignments at once from a filled sheet',
        description:
          `The body is the XLSX from GET /assignments/export.xlsx (${XLSX_TYPE}, at most 5 MB). ` +
          'Each row is checked by the rules of POST /decisions/{id}/reports. dryRun=true (the default) writes nothing; ' +
          'dryRun=false writes every report in one transaction, or, when a row has a problem, none (422 with the same rows).',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: ZImportResult, 422: ZImportRefused },
      },
    },
    async (request, reply) => {
      if (!isUploadedWorkbook(request.body)) {
        throw new AppError('unsupported_media_type', `Send the filled workbook as ${XLSX_TYPE}.`);
      }
      const lang = requestLanguage(request);
      const dryRun = request.query.dryRun === 'true';
      const result = await service.importReports(ctxOf(request), request.body, { dryRun, lang });
      if (!dryRun && result.summary.problems > 0) {
        const problem = problemBody(
          'unprocessable',
          422,
          localizeMessage(
            'Nothing was saved: correct the rows with problems and upload the sheet again.',
            lang,
          ),
        );
        return reply
          .code(422)
          .type('application/problem+json; charset=utf-8')
          .send({ ...problem, ...result });
      }
      return result;
    },
  );
}
