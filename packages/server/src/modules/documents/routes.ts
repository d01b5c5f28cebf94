import {
  DOCUMENT_STATUSES,
  page,
  ZDocument,
  ZDocumentAdopt,
  ZDocumentCreate,
  ZDocumentListQuery,
  ZDocumentPatch,
  ZDocumentVersion,
  ZDocumentVersionCreate,
  ZDocumentVersionListItem,
  ZId,
  ZListQueryBase,
  ZVersionCompareQuery,
  ZVersionComparison,
  ZVersionNumber,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import * as service from './service.ts';

const ZDocumentParams = z.object({ id: ZId });
const ZVersionParams = z.object({ id: ZId, number: ZVersionNumber });

/** Documents (DESIGN §2): classification and access, status, immutable versions, comparison. */
export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Documents'];

  r.get(
    '/documents',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Documents the caller may read, newest first',
        description: `Filter by kind, owning body, status (${DOCUMENT_STATUSES.join(', ')}), classification and title (q).`,
        querystring: ZDocumentListQuery,
        response: { 200: page(ZDocument) },
      },
    },
    async (request) => service.listDocumentsPage(ctxOf(request), request.query),
  );

  r.post(
    '/documents',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Create a document (a draft without versions)',
        description:
          'A restricted document names who may read it in accessList (member states, bodies); public and internal documents carry none.',
        body: ZDocumentCreate,
        response: { 201: ZDocument },
      },
    },
    async (request, reply) => {
      const document = await service.createDocument(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${document.id}`);
      return sendVersioned(reply, document);
    },
  );

  r.get(
    '/documents/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Read a document',
        params: ZDocumentParams,
        response: { 200: ZDocument },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getDocument(ctxOf(request), request.params.id)),
  );

  r.patch(
    '/documents/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change a document’s title, kind, body, classification or access list',
        params: ZDocumentParams,
        body: ZDocumentPatch,
        response: { 200: ZDocument },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateDocument(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/documents/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Delete a draft entered by mistake (never one that went to consultation)',
        params: ZDocumentParams,
      },
    },
    async (request, reply) => {
      await service.deleteDocument(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );

  r.post(
    '/documents/:id/withdraw',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Withdraw a document',
        params: ZDocumentParams,
        response: { 200: ZDocument },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.withdrawDocument(ctxOf(request), request.params.id, ifMatchVersion(request)),
      ),
  );

  r.post(
    '/documents/:id/adopt',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Record the decision that adopted an agreed document',
        params: ZDocumentParams,
        body: ZDocumentAdopt,
        response: { 200: ZDocument },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.adoptDocument(
          ctxOf(request),
          request.params.id,
          request.body.decisionId,
          ifMatchVersion(request),
        ),
      ),
  );

  // ---- Versions ----

  r.get(
    '/documents/:id/versions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A document’s versions, newest first (without their texts)',
        params: ZDocumentParams,
        querystring: ZListQueryBase,
        response: { 200: page(ZDocumentVersionListItem) },
      },
    },
    async (request) => service.listVersionsPage(ctxOf(request), request.params.id, request.query),
  );

  r.post(
    '/documents/:id/versions',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Add a version: a Markdown text, an uploaded file, or both',
        description:
          'Numbered after the latest version; versions never change. Upload the file with POST /files first.',
        params: ZDocumentParams,
        body: ZDocumentVersionCreate,
        response: { 201: ZDocumentVersion },
      },
    },
    async (request, reply) => {
      const version = await service.createVersion(ctxOf(request), request.params.id, request.body);
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${version.number}`);
      return version;
    },
  );

  r.get(
    '/documents/:id/versions/compare',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Compare two versions side by side',
        description:
          'Line by line, with the word-level changes inside changed lines. When a version lacks the asked language, its other language is shown and flagged as a fallback.',
        params: ZDocumentParams,
        querystring: ZVersionCompareQuery,
        response: { 200: ZVersionComparison },
      },
    },
    async (request) => service.compareVersions(ctxOf(request), request.params.id, request.query),
  );

  r.get(
    '/documents/:id/versions/:number',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Read a version',
        params: ZVersionParams,
        response: { 200: ZDocumentVersion },
      },
    },
    async (request) => service.getVersion(ctxOf(request), request.params.id, request.params.number),
  );

  // Versions are immutable: say so rather than answer as if the address did not exist.
  r.route({
    method: ['PATCH', 'PUT', 'DELETE'],
    url: '/documents/:id/versions/:number',
    // 405 for everyone: who calls does not change that versions never change.
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => {
      throw new AppError(
        'method_not_allowed',
        'Versions never change; add a new version instead.',
        {
          headers: { allow: 'GET, HEAD' },
        },
      );
    },
  });
}
