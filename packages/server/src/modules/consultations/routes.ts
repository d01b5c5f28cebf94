import {
  page,
  ZAgendaItemDocument,
  ZAgendaItemDocumentCreate,
  ZCommentCreate,
  ZCommentListQuery,
  ZCommentPatch,
  ZCommentResolutionInput,
  ZConsultation,
  ZConsultationComment,
  ZConsultationCreate,
  ZConsultationExportQuery,
  ZConsultationListQuery,
  ZConsultationPatch,
  ZDocumentReady,
  ZId,
  ZListQueryBase,
  ZPositionInput,
  ZStateCode,
  ZStatePosition,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { requestLanguage } from '../../platform/errors.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import { sendDownload } from '../exports/download.ts';
import { commentsDocx, commentsXlsx } from './export.ts';
import * as service from './service.ts';

const ZRoundParams = z.object({ id: ZId });
const ZPositionParams = z.object({ id: ZId, memberState: ZStateCode });
const ZCommentParams = z.object({ id: ZId, commentId: ZId });
const ZMeetingParams = z.object({ id: ZId });
const ZAgendaItemParams = z.object({ id: ZId, itemId: ZId });
const ZAgendaDocumentParams = z.object({ id: ZId, itemId: ZId, documentId: ZId });

/**
 * Consultation rounds on document versions (DESIGN §2): opening and closing rounds, the states'
 * positions and comments with their resolutions, the consolidated table as XLSX and DOCX, and
 * the council → commission views on meetings and agenda items.
 */
export async function consultationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Consultations'];

  r.get(
    '/consultations',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Consultation rounds, newest first',
        description: 'Only rounds on documents the caller may read are listed.',
        querystring: ZConsultationListQuery,
        response: { 200: page(ZConsultation) },
      },
    },
    async (request) => service.listConsultations(ctxOf(request), request.query),
  );

  r.get(
    '/consultations/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read a round: positions, comment counts, previous round and outcome',
        params: ZRoundParams,
        response: { 200: ZConsultation },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getConsultation(ctxOf(request), request.params.id)),
  );

  r.post(
    '/consultations',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Open the next round of coordination of a document',
        description:
          'The round goes out on a version not consulted before (default: the latest) to member states; the document must be a draft or not agreed and moves to under_consultation.',
        body: ZConsultationCreate,
        response: { 201: ZConsultation },
      },
    },
    async (request, reply) => {
      const round = await service.createConsultation(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${round.id}`);
      return sendVersioned(reply, round);
    },
  );

  r.patch(
    '/consultations/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Extend an open round’s deadline or change its council meeting',
        params: ZRoundParams,
        body: ZConsultationPatch,
        response: { 200: ZConsultation },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateConsultation(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.post(
    '/consultations/:id/close',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Close a round and record its outcome',
        description:
          'agreed when no invited state objects and every invited state answered (abstaining is an answer); under the silence procedure, once the deadline has passed, no answer counts as concurrence. Otherwise not_agreed. The document moves to agreed or not_agreed.',
        params: ZRoundParams,
        response: { 200: ZConsultation },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.closeConsultation(ctxOf(request), request.params.id, ifMatchVersion(request)),
      ),
  );

  r.get(
    '/consultations/:id/positions/:memberState',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'An invited state’s position',
        params: ZPositionParams,
        response: { 200: ZStatePosition },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.getPosition(ctxOf(request), request.params.id, request.params.memberState),
      ),
  );

  r.put(
    '/consultations/:id/positions/:memberState',
    {
      config: { access: 'delegate' },
      schema: {
        tags,
        summary: 'Give or replace a state’s position',
        description:
          'A delegate for its own state, the secretariat for any invited state, while the round is open.',
        params: ZPositionParams,
        body: ZPositionInput,
        response: { 200: ZStatePosition },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.setPosition(
          ctxOf(request),
          request.params.id,
          request.params.memberState,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  // ---- Comments ----

  r.get(
    '/consultations/:id/comments',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The round’s comments in the order of the consolidated table',
        params: ZRoundParams,
        querystring: ZCommentListQuery,
        response: { 200: page(ZConsultationComment) },
      },
    },
    async (request) => service.listComments(ctxOf(request), request.params.id, request.query),
  );

  r.get(
    '/consultations/:id/comments/export.xlsx',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The consolidated table of comments as XLSX',
        params: ZRoundParams,
        querystring: ZConsultationExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await commentsXlsx(
          ctxOf(request),
          request.params.id,
          request.query.lang ?? requestLanguage(request),
        ),
      ),
  );

  r.get(
    '/consultations/:id/comments/export.docx',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The consolidated table of comments as a landscape DOCX',
        params: ZRoundParams,
        querystring: ZConsultationExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await commentsDocx(
          ctxOf(request),
          request.params.id,
          request.query.lang ?? requestLanguage(request),
        ),
      ),
  );

  r.get(
    '/consultations/:id/comments/:commentId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read a comment',
        params: ZCommentParams,
        response: { 200: ZConsultationComment },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.getComment(ctxOf(request), request.params.id, request.params.commentId),
      ),
  );

  r.post(
    '/consultations/:id/comments',
    {
      config: { access: 'delegate' },
      schema: {
        tags,
        summary: 'Comment on the round’s version for an invited state',
        params: ZRoundParams,
        body: ZCommentCreate,
        response: { 201: ZConsultationComment },
      },
    },
    async (request, reply) => {
      const comment = await service.createComment(ctxOf(request), request.params.id, request.body);
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${comment.id}`);
      return sendVersioned(reply, comment);
    },
  );

  r.patch(
    '/consultations/:id/comments/:commentId',
    {
      config: { access: 'delegate' },
      schema: {
        tags,
        summary: 'Edit a comment (its state, while unresolved and the round is open)',
        params: ZCommentParams,
        body: ZCommentPatch,
        response: { 200: ZConsultationComment },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateComment(
          ctxOf(request),
          request.params.id,
          request.params.commentId,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/consultations/:id/comments/:commentId',
    {
      config: { access: 'delegate' },
      schema: {
        tags,
        summary: 'Withdraw a comment (its state, while unresolved and the round is open)',
        params: ZCommentParams,
      },
    },
    async (request, reply) => {
      await service.deleteComment(
        ctxOf(request),
        request.params.id,
        request.params.commentId,
        ifMatchVersion(request),
      );
      return reply.code(204).send();
    },
  );

  r.post(
    '/consultations/:id/comments/:commentId/resolution',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Resolve a comment (secretariat; also after the round closed)',
        params: ZCommentParams,
        body: ZCommentResolutionInput,
        response: { 200: ZConsultationComment },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.resolveComment(
          ctxOf(request),
          request.params.id,
          request.params.commentId,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  // ---- Meetings: council → commission ----

  r.get(
    '/meetings/:id/consultations',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The rounds tied to this (council) meeting',
        params: ZMeetingParams,
        querystring: ZListQueryBase,
        response: { 200: page(ZConsultation) },
      },
    },
    async (request) =>
      service.listMeetingConsultations(ctxOf(request), request.params.id, request.query),
  );

  r.get(
    '/meetings/:id/documents-ready',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Documents coordinated by the councils that prepare this commission meeting',
        description:
          'Documents whose latest round was tied to a council meeting whose parent is this meeting, with the outcome; agreed ones are ready for adoption.',
        params: ZMeetingParams,
        querystring: ZListQueryBase,
        response: { 200: page(ZDocumentReady) },
      },
    },
    async (request) => service.listDocumentsReady(ctxOf(request), request.params.id, request.query),
  );

  r.get(
    '/meetings/:id/agenda-items/:itemId/documents',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Documents linked to an agenda item, with their status and latest round',
        params: ZAgendaItemParams,
        response: { 200: page(ZAgendaItemDocument) },
      },
    },
    async (request) => ({
      items: await service.listAgendaItemDocuments(
        ctxOf(request),
        request.params.id,
        request.params.itemId,
      ),
      nextCursor: null,
    }),
  );

  r.post(
    '/meetings/:id/agenda-items/:itemId/documents',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Link a document to an agenda item',
        params: ZAgendaItemParams,
        body: ZAgendaItemDocumentCreate,
        response: { 201: ZAgendaItemDocument },
      },
    },
    async (request, reply) => {
      const link = await service.linkAgendaItemDocument(
        ctxOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
      );
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${link.documentId}`);
      return link;
    },
  );

  r.delete(
    '/meetings/:id/agenda-items/:itemId/documents/:documentId',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Unlink a document from an agenda item',
        params: ZAgendaDocumentParams,
      },
    },
    async (request, reply) => {
      await service.unlinkAgendaItemDocument(
        ctxOf(request),
        request.params.id,
        request.params.itemId,
        request.params.documentId,
      );
      return reply.code(204).send();
    },
  );
}
