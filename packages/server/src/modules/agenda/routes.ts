import {
  page,
  ZAgendaAmendment,
  ZAgendaItem,
  ZAgendaItemCreate,
  ZAgendaItemDeleteQuery,
  ZAgendaItemPatch,
  ZAgendaOrder,
  ZId,
  ZListQueryBase,
  ZMeeting,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_PREFIX, ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import * as service from './service.ts';

const ZMeetingParams = z.object({ id: ZId });
const ZItemParams = z.object({ id: ZId, itemId: ZId });

/** The agenda of a meeting: items, their order, approval and amendments. */
export async function agendaRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Agenda'];

  r.get(
    '/meetings/:id/agenda-items',
    {
      config: { access: 'public', cache: 'audience' },
      schema: {
        tags,
        summary: 'The agenda of a meeting, depth-first, with positions "1", "2", "2.1"',
        description:
          'The whole agenda in one page. Anonymous callers read the public items of announced, ' +
          'in-session and held meetings only.',
        params: ZMeetingParams,
        response: { 200: page(ZAgendaItem) },
      },
    },
    async (request) => service.listAgenda(ctxOf(request), request.params.id),
  );

  r.get(
    '/meetings/:id/agenda-items/:itemId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Read an agenda item',
        params: ZItemParams,
        response: { 200: ZAgendaItem },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.getAgendaItem(ctxOf(request), request.params.id, request.params.itemId),
      ),
  );

  r.post(
    '/meetings/:id/agenda-items',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Add an agenda item after its siblings (at most three levels)',
        description: 'Once the agenda is approved, the addition is recorded as an amendment.',
        params: ZMeetingParams,
        body: ZAgendaItemCreate,
        response: { 201: ZAgendaItem },
      },
    },
    async (request, reply) => {
      const item = await service.createAgendaItem(ctxOf(request), request.params.id, request.body);
      reply
        .code(201)
        .header('Location', `${API_PREFIX}/meetings/${request.params.id}/agenda-items/${item.id}`);
      return sendVersioned(reply, item);
    },
  );

  r.put(
    '/meetings/:id/agenda-items/order',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Set the order and nesting of the whole agenda',
        description:
          'The tree must name every item of the agenda exactly once and nothing else, at most ' +
          'three levels deep. Answers the new agenda.',
        params: ZMeetingParams,
        body: ZAgendaOrder,
        response: { 200: page(ZAgendaItem) },
      },
    },
    async (request) => service.reorderAgenda(ctxOf(request), request.params.id, request.body),
  );

  r.patch(
    '/meetings/:id/agenda-items/:itemId',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change an agenda item',
        params: ZItemParams,
        body: ZAgendaItemPatch,
        response: { 200: ZAgendaItem },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateAgendaItem(
          ctxOf(request),
          request.params.id,
          request.params.itemId,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/meetings/:id/agenda-items/:itemId',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove an agenda item with its sub-items; the siblings are renumbered',
        params: ZItemParams,
        querystring: ZAgendaItemDeleteQuery,
      },
    },
    async (request, reply) => {
      await service.deleteAgendaItem(
        ctxOf(request),
        request.params.id,
        request.params.itemId,
        request.query.reason,
        ifMatchVersion(request),
      );
      return reply.code(204).send();
    },
  );

  r.post(
    '/meetings/:id/agenda/approve',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Approve the agenda',
        description: 'Answers the meeting. From now on every change is recorded as an amendment.',
        params: ZMeetingParams,
        response: { 200: ZMeeting },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.approveAgenda(ctxOf(request), request.params.id, ifMatchVersion(request)),
      ),
  );

  r.get(
    '/meetings/:id/agenda-amendments',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The amendments made to the agenda since its approval, oldest first',
        params: ZMeetingParams,
        querystring: ZListQueryBase,
        response: { 200: page(ZAgendaAmendment) },
      },
    },
    async (request) => service.listAmendmentsPage(ctxOf(request), request.params.id, request.query),
  );
}
