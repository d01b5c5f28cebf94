import {
  page,
  ZId,
  ZNotification,
  ZNotificationListQuery,
  ZNotificationPreferences,
  ZNotificationPreferencesPut,
  ZReadAllResult,
  ZUnreadCount,
  ZWaiting,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import { scheduleNotificationJobs } from './jobs.ts';
import * as service from './service.ts';

/** The caller's in-app notifications, its mail preference, and what waits for it. */
export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Notifications'];
  scheduleNotificationJobs(app);

  r.get(
    '/notifications',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Your notifications, newest first',
        description:
          'Title and body come in your profile’s language. `unread=true` lists unread ones only.',
        querystring: ZNotificationListQuery,
        response: { 200: page(ZNotification) },
      },
    },
    async (request) => service.listNotificationsPage(ctxOf(request), request.query),
  );

  r.get(
    '/notifications/unread-count',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'How many of your notifications are unread',
        response: { 200: ZUnreadCount },
      },
    },
    async (request) => service.unreadCount(ctxOf(request)),
  );

  r.post(
    '/notifications/:id/read',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: z.object({ id: ZId }),
        response: { 200: ZNotification },
      },
    },
    async (request) => service.markNotificationRead(ctxOf(request), request.params.id),
  );

  r.post(
    '/notifications/read-all',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: ZReadAllResult },
      },
    },
    async (request) => service.markAllNotificationsRead(ctxOf(request)),
  );

  r.get(
    '/notifications/preferences',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'How you receive mail of your notifications',
        response: { 200: ZNotificationPreferences },
      },
    },
    async (request, reply) => sendVersioned(reply, await service.getPreferences(ctxOf(request))),
  );

  r.put(
    '/notifications/preferences',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Choose immediate mail, a daily digest or no mail',
        body: ZNotificationPreferencesPut,
        response: { 200: ZNotificationPreferences },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.putPreferences(ctxOf(request), request.body, ifMatchVersion(request)),
      ),
  );

  r.get(
    '/me/waiting',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'What waits for you: reports, positions, comments to resolve, deadlines first',
        response: { 200: ZWaiting },
      },
    },
    async (request) => service.waitingForMe(ctxOf(request)),
  );
}
