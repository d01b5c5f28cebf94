import {
  page,
  ZId,
  ZListQueryBase,
  ZRole,
  ZStateCode,
  ZUser,
  ZUserCreate,
  ZUserPatch,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import { createUser, getUser, listUsersPage, resetUserTotp, updateUser } from './service.ts';

const tags = ['Users'];
const ZParams = z.object({ id: ZId });

/** Users and their roles; admin only (DESIGN §3). */
export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users',
        querystring: ZListQueryBase.extend({
          role: ZRole.optional(),
          memberState: ZStateCode.optional(),
        }),
        response: { 200: page(ZUser) },
      },
      config: { access: 'admin' },
    },
    async (request) => listUsersPage(ctxOf(request), request.query),
  );

  r.get(
    '/users/:id',
    {
      schema: { tags, summary: 'Read a user', params: ZParams, response: { 200: ZUser } },
      config: { access: 'admin' },
    },
    async (request, reply) =>
      sendVersioned(reply, await getUser(ctxOf(request), request.params.id)),
  );

  r.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user',
        description:
          'The password must meet the policy: at least 12 characters, not the e-mail, and hard ' +
          'to guess (zxcvbn score 3 or more, with the e-mail and name as known words); else 422.',
        body: ZUserCreate,
        response: { 201: ZUser },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const user = await createUser(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url}/${user.id}`);
      return sendVersioned(reply, user);
    },
  );

  r.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (role, state, scope, password, deactivation)',
        params: ZParams,
        body: ZUserPatch,
        response: { 200: ZUser },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const user = await updateUser(
        ctxOf(request),
        request.params.id,
        request.body,
        ifMatchVersion(request),
      );
      return sendVersioned(reply, user);
    },
  );

  r.delete(
    '/users/:id/totp',
    {
      schema: {
        tags,
        summary: 'Turn off a user’s two-factor sign-in (lost device); ends the user’s sessions',
        params: ZParams,
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      await resetUserTotp(ctxOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
