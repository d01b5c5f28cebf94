import {
  ZId,
  ZLanguage,
  ZLogin,
  ZMe,
  ZPassword,
  ZToken,
  ZTokenCreate,
  ZTokenCreated,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import {
  createToken,
  listTokens,
  login,
  logout,
  me,
  revokeToken,
  updateOwnProfile,
} from './service.ts';

const tags = ['Authentication'];

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        description:
          'Repeated failures for one e-mail slow down (429 with Retry-After) and then lock the account for 15 minutes.',
        body: ZLogin,
        response: { 200: ZMe },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      login(
        ctxOf(request),
        app.config,
        reply,
        request.body.email,
        request.body.password,
        request.sessionId,
      ),
  );

  r.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out; ends the session' } },
    async (request, reply) => {
      await logout(ctxOf(request), request.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  r.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, with the CSRF token for cookie-authenticated writes',
        response: { 200: ZMe },
      },
    },
    async (request) => me(ctxOf(request), request.sessionId),
  );

  r.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Change one’s own name, language or password',
        body: z
          .object({
            name: z.string().trim().min(1).max(200),
            language: ZLanguage,
            currentPassword: z.string().max(256),
            newPassword: ZPassword,
          })
          .partial()
          .strict(),
        response: { 200: ZMe },
      },
    },
    async (request) => updateOwnProfile(ctxOf(request), request.sessionId, request.body),
  );

  r.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens',
        response: { 200: z.object({ items: z.array(ZToken) }) },
      },
    },
    async (request) => ({ items: await listTokens(ctxOf(request)) }),
  );

  r.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; the token is shown this once',
        body: ZTokenCreate,
        response: { 201: ZTokenCreated },
      },
    },
    async (request, reply) => {
      const created = await createToken(ctxOf(request), request.body.name);
      reply.code(201).header('Location', `${request.url}/${created.id}`);
      return created;
    },
  );

  r.delete(
    '/auth/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: z.object({ id: ZId }) } },
    async (request, reply) => {
      await revokeToken(ctxOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
