import { ZAuthProviders, ZOidcLoginQuery } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import {
  authProviders,
  createSsoClient,
  finishOidcLogin,
  OIDC_COOKIE,
  OIDC_COOKIE_PATH,
  OIDC_LOGIN_MINUTES,
  startOidcLogin,
} from './service.ts';

const tags = ['Authentication'];

export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = app;
  // One client per app: the provider's metadata and keys are fetched once, not per request.
  const sso = config.oidc ? createSsoClient(config.oidc, config.publicUrl) : null;
  const cookieOptions = {
    path: OIDC_COOKIE_PATH,
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which carries it.
    sameSite: 'lax',
    secure: config.secureCookies,
  } as const;

  r.get(
    '/auth/providers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'How one may sign in: whether single sign-on is configured, and its label',
        response: { 200: ZAuthProviders },
      },
    },
    async () => authProviders(sso),
  );

  r.get(
    '/auth/oidc/login',
    {
      schema: {
        tags,
        summary: 'Single sign-on: redirects the browser to the OpenID Connect provider',
        description:
          'Authorization code with PKCE (S256), state and nonce. 404 when single sign-on is not configured.',
        querystring: ZOidcLoginQuery,
      },
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { location, cookie } = await startOidcLogin(
        ctxOf(request),
        sso,
        request.query.returnTo,
      );
      reply.setCookie(OIDC_COOKIE, cookie, { ...cookieOptions, maxAge: OIDC_LOGIN_MINUTES * 60 });
      return reply.header('cache-control', 'no-store').redirect(location, 302);
    },
  );

  r.get(
    '/auth/oidc/callback',
    {
      config: { access: 'secret' },
      schema: {
        tags,
        summary: 'Single sign-on: where the provider sends the browser back',
        description:
          'Starts a session and redirects to the returnTo of the sign-in, or to /app/login?error=sso_failed|sso_denied.',
        querystring: z.looseObject({
          code: z.string().optional(),
          state: z.string().optional(),
          iss: z.string().optional(),
          error: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const rawQuery = request.url.includes('?')
        ? request.url.slice(request.url.indexOf('?') + 1)
        : '';
      const result = await finishOidcLogin(ctxOf(request), sso, config, reply, {
        cookie: request.cookies[OIDC_COOKIE],
        query: rawQuery,
        previousSessionId: request.sessionId,
      });
      if (result.refusal) {
        request.log.warn({ sso: result.refusal }, 'single sign-on refused');
      }
      reply.clearCookie(OIDC_COOKIE, cookieOptions);
      return reply.header('cache-control', 'no-store').redirect(result.location, 302);
    },
  );
}
