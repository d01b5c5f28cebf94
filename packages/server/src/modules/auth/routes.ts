import {
  ZId,
  ZLanguage,
  ZLogin,
  ZMe,
  ZPassword,
  ZRecoveryCodes,
  ZSecuritySettings,
  ZSecuritySettingsPatch,
  ZToken,
  ZTokenCreate,
  ZTokenCreated,
  ZTotpConfirm,
  ZTotpDisable,
  ZTotpEnrolment,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import {
  createToken,
  listTokens,
  login,
  logout,
  me,
  revokeToken,
  updateOwnProfile,
} from './service.ts';
import { getSecuritySettings, updateSecuritySettings } from './settings.ts';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from './totp.ts';

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
          'Repeated failures for one e-mail slow down (429 with Retry-After) and then lock the ' +
          'account for 15 minutes. When the account has two-factor sign-in on, a right password ' +
          'alone answers 401 with code `totp_required` (type /problems/totp-required) and starts ' +
          'no session: send the same request again with `totpCode` (or `recoveryCode`). A wrong ' +
          'code counts as a failed sign-in. When the administrator requires two-factor sign-in ' +
          'and the user has none, the session may only enrol (`totpEnrollmentRequired: true`; ' +
          'other API calls answer 403 `totp_enrollment_required`). A new session id is issued ' +
          'at every sign-in.',
        body: ZLogin,
        response: { 200: ZMe },
      },
      config: {
        access: 'secret',
        duringEnrolment: true,
        rateLimit: { max: 30, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      // The answer carries the session's CSRF token: no cache may keep it.
      reply.header('Cache-Control', 'no-store');
      return login(ctxOf(request), app.config, reply, request.body, request.sessionId);
    },
  );

  r.post(
    '/auth/logout',
    {
      schema: { tags, summary: 'Sign out; ends the session' },
      config: { access: 'public', duringEnrolment: true },
    },
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
      config: { access: 'signedIn', duringEnrolment: true },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return me(ctxOf(request), request.sessionId);
    },
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
      config: { access: 'signedIn' },
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
      config: { access: 'signedIn' },
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
      config: { access: 'signedIn' },
    },
    async (request, reply) => {
      const created = await createToken(ctxOf(request), request.body.name);
      reply.code(201).header('Location', `${request.url}/${created.id}`);
      return created;
    },
  );

  r.delete(
    '/auth/tokens/:id',
    {
      schema: { tags, summary: 'Revoke an API token', params: z.object({ id: ZId }) },
      config: { access: 'signedIn' },
    },
    async (request, reply) => {
      await revokeToken(ctxOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  // ---- Two-factor sign-in (TOTP, RFC 6238) ----

  r.post(
    '/auth/totp',
    {
      schema: {
        tags,
        summary: 'Start enrolling in two-factor sign-in: a new secret, its otpauth URI and QR code',
        description:
          'The secret is shown this once and stays pending until POST /auth/totp/confirm. ' +
          'Starting again replaces a pending secret; 409 when two-factor sign-in is on already.',
        response: { 200: ZTotpEnrolment },
      },
      config: { access: 'signedIn', duringEnrolment: true },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return startTotpEnrolment(ctxOf(request));
    },
  );

  r.post(
    '/auth/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Turn two-factor sign-in on with a current code; returns ten recovery codes',
        description:
          'The recovery codes are shown this once; each signs in once instead of a code.',
        body: ZTotpConfirm,
        response: { 200: ZRecoveryCodes },
      },
      config: { access: 'signedIn', duringEnrolment: true },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return confirmTotpEnrolment(ctxOf(request), request.body.code);
    },
  );

  r.delete(
    '/auth/totp',
    {
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off, with the current password or a current code',
        description: '403 while the administrator requires two-factor sign-in for everyone.',
        body: ZTotpDisable,
      },
      config: { access: 'signedIn' },
    },
    async (request, reply) => {
      await disableTotp(ctxOf(request), request.body);
      return reply.code(204).send();
    },
  );

  // ---- Security settings ----

  r.get(
    '/settings/security',
    {
      schema: {
        tags,
        summary: 'Security settings (admin)',
        response: { 200: ZSecuritySettings },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => sendVersioned(reply, await getSecuritySettings(ctxOf(request))),
  );

  r.patch(
    '/settings/security',
    {
      schema: {
        tags,
        summary: 'Change the security settings (admin)',
        description:
          '`requireTotp`: every password sign-in needs two-factor sign-in; users without it ' +
          'get, at their next sign-in, a session that may only enrol. Single sign-on (OpenID ' +
          'Connect) is not asked for a code: the provider is trusted with its own factors.',
        body: ZSecuritySettingsPatch,
        response: { 200: ZSecuritySettings },
      },
      config: { access: 'admin' },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await updateSecuritySettings(ctxOf(request), request.body, ifMatchVersion(request)),
      ),
  );
}
