import { createHash } from 'node:crypto';
import { ZCalendarFeed, ZCalendarFeedCreated } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_PREFIX, ctxOf } from '../../app.ts';
import {
  createCalendarFeed,
  getCalendarFeed,
  renderCalendarFeed,
  revokeCalendarFeed,
} from './service.ts';

const tags = ['Authentication'];

async function calendarFeedApi(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/auth/calendar-feed',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Whether you have a personal calendar feed, since when, and when it was last used',
        response: { 200: ZCalendarFeed },
      },
    },
    async (request) => getCalendarFeed(ctxOf(request)),
  );

  r.post(
    '/auth/calendar-feed',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Create or rotate your personal calendar feed; the URL is shown this once',
        description:
          'The URL (GET /calendar/{secret}.ics, no sign-in needed) gives the meetings you may see, ' +
          'the due dates of open assignments of your member state or bodies (the secretariat: all) ' +
          'and the deadlines of open consultations to which your state is invited (the secretariat: ' +
          'all), from a year ago on, in your language (?lang=en|ru to override). Creating it again ' +
          'replaces the URL: the old one stops working.',
        response: { 201: ZCalendarFeedCreated },
      },
    },
    async (request, reply) => {
      const created = await createCalendarFeed(ctxOf(request), app.config.publicUrl);
      reply.code(201).header('Location', request.url);
      return created;
    },
  );

  r.delete(
    '/auth/calendar-feed',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: 'Revoke your personal calendar feed; its URL answers 404' },
    },
    async (request, reply) => {
      await revokeCalendarFeed(ctxOf(request));
      return reply.code(204).send();
    },
  );
}

/**
 * The personal calendar: the management routes under /api/v1/auth and the feed itself at
 * /calendar/{secret}.ics, outside the API (calendar programs send no cookie or token; the secret
 * in the URL is the credential).
 */
export async function calendarFeedRoutes(app: FastifyInstance): Promise<void> {
  await app.register(calendarFeedApi, { prefix: API_PREFIX });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/calendar/:secret.ics',
    {
      schema: {
        hide: true,
        params: z.object({ secret: z.string().max(200) }),
        querystring: z.object({ lang: z.enum(['en', 'ru']).optional() }),
      },
      // Anonymous and cheap to ask: guessing secrets must stay slow.
      config: { access: 'secret', rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const body = await renderCalendarFeed(
        app.db,
        app.dialect,
        app.config.publicUrl,
        request.params.secret,
        request.query.lang,
      );
      const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
      reply
        .header('ETag', etag)
        // Personal: no shared cache may keep it; a calendar asks again with If-None-Match.
        .header('Cache-Control', 'private, no-cache')
        .header('X-Robots-Tag', 'noindex')
        .header('Referrer-Policy', 'no-referrer');
      if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === etag)) {
        return reply.code(304).send();
      }
      return reply.type('text/calendar; charset=utf-8').send(body);
    },
  );
}
