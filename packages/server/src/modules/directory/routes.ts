import {
  page,
  ZMemberState,
  ZMemberStateCreate,
  ZMemberStateListQuery,
  ZMemberStatePatch,
  ZStateCode,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import * as service from './service.ts';

const ZCodeParams = z.object({ code: z.string().max(10) });

/** The directory: member states, bodies, persons, memberships, organizations. */
export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Member states'];

  r.get(
    '/member-states',
    {
      schema: {
        tags,
        summary: 'List member states',
        querystring: ZMemberStateListQuery,
        response: { 200: page(ZMemberState) },
      },
    },
    async (request) => service.listMemberStatesPage(ctxOf(request), request.query),
  );

  r.get(
    '/member-states/:code',
    {
      schema: {
        tags,
        summary: 'Read a member state',
        params: ZCodeParams,
        response: { 200: ZMemberState },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getMemberState(ctxOf(request), request.params.code)),
  );

  r.post(
    '/member-states',
    {
      schema: {
        tags,
        summary: 'Add a member state',
        body: ZMemberStateCreate,
        response: { 201: ZMemberState },
      },
    },
    async (request, reply) => {
      const state = await service.createMemberState(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url}/${state.code}`);
      return sendVersioned(reply, state);
    },
  );

  r.patch(
    '/member-states/:code',
    {
      schema: {
        tags,
        summary: 'Change a member state',
        params: z.object({ code: ZStateCode }),
        body: ZMemberStatePatch,
        response: { 200: ZMemberState },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateMemberStateByCode(
          ctxOf(request),
          request.params.code,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/member-states/:code',
    {
      schema: {
        tags,
        summary: 'Remove a member state nothing refers to (otherwise 409)',
        params: ZCodeParams,
      },
    },
    async (request, reply) => {
      await service.deleteMemberStateByCode(
        ctxOf(request),
        request.params.code,
        ifMatchVersion(request),
      );
      return reply.code(204).send();
    },
  );
}
