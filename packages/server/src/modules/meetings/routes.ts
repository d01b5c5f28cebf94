import {
  page,
  ZId,
  ZListQueryBase,
  ZMeeting,
  ZMeetingCreate,
  ZMeetingListQuery,
  ZMeetingPatch,
  ZParticipant,
  ZParticipantCreate,
  ZParticipantPatch,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_PREFIX, ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import * as service from './service.ts';

const ZMeetingParams = z.object({ id: ZId });
const ZParticipantParams = z.object({ id: ZId, participantId: ZId });

/** Meetings and their participants. */
export async function meetingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Meetings'];

  r.get(
    '/meetings',
    {
      config: { access: 'public', cache: 'audience' },
      schema: {
        tags,
        summary: 'List meetings',
        description:
          'Anonymous callers see announced, in-session and held meetings only. Ordered by start ' +
          'date: soonest first with when=upcoming, latest first otherwise.',
        querystring: ZMeetingListQuery,
        response: { 200: page(ZMeeting) },
      },
    },
    async (request) => service.listMeetingsPage(ctxOf(request), request.query),
  );

  r.get(
    '/meetings/:id',
    {
      config: { access: 'public', cache: 'audience' },
      schema: {
        tags,
        summary: 'Read a meeting',
        params: ZMeetingParams,
        response: { 200: ZMeeting },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getMeeting(ctxOf(request), request.params.id)),
  );

  r.post(
    '/meetings',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Plan a meeting',
        description: 'Without a number the meeting takes the body’s highest number + 1.',
        body: ZMeetingCreate,
        response: { 201: ZMeeting },
      },
    },
    async (request, reply) => {
      const meeting = await service.createMeeting(ctxOf(request), request.body);
      reply.code(201).header('Location', `${API_PREFIX}/meetings/${meeting.id}`);
      return sendVersioned(reply, meeting);
    },
  );

  r.patch(
    '/meetings/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change a meeting',
        description:
          'status moves only planned → announced → in_session → held, or planned/announced → ' +
          'cancelled; anything else is a 409.',
        params: ZMeetingParams,
        body: ZMeetingPatch,
        response: { 200: ZMeeting },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateMeeting(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/meetings/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove a planned or cancelled meeting that no other meeting prepares for',
        params: ZMeetingParams,
      },
    },
    async (request, reply) => {
      await service.deleteMeeting(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );

  // ---- Participants --------------------------------------------------------------------------

  const participantTags = ['Participants'];

  r.get(
    '/meetings/:id/participants',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: participantTags,
        summary: 'List the participants of a meeting, with their persons',
        params: ZMeetingParams,
        querystring: ZListQueryBase,
        response: { 200: page(ZParticipant) },
      },
    },
    async (request) =>
      service.listParticipantsPage(ctxOf(request), request.params.id, request.query),
  );

  r.get(
    '/meetings/:id/participants/:participantId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: participantTags,
        summary: 'Read a participant',
        params: ZParticipantParams,
        response: { 200: ZParticipant },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.getParticipant(
          ctxOf(request),
          request.params.id,
          request.params.participantId,
        ),
      ),
  );

  r.post(
    '/meetings/:id/participants',
    {
      config: { access: 'staff' },
      schema: {
        tags: participantTags,
        summary: 'Add a participant (a person takes part once per meeting)',
        params: ZMeetingParams,
        body: ZParticipantCreate,
        response: { 201: ZParticipant },
      },
    },
    async (request, reply) => {
      const participant = await service.createParticipant(
        ctxOf(request),
        request.params.id,
        request.body,
      );
      reply
        .code(201)
        .header(
          'Location',
          `${API_PREFIX}/meetings/${request.params.id}/participants/${participant.id}`,
        );
      return sendVersioned(reply, participant);
    },
  );

  r.patch(
    '/meetings/:id/participants/:participantId',
    {
      config: { access: 'staff' },
      schema: {
        tags: participantTags,
        summary: 'Change a participant',
        params: ZParticipantParams,
        body: ZParticipantPatch,
        response: { 200: ZParticipant },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateParticipant(
          ctxOf(request),
          request.params.id,
          request.params.participantId,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/meetings/:id/participants/:participantId',
    {
      config: { access: 'staff' },
      schema: {
        tags: participantTags,
        summary: 'Remove a participant',
        params: ZParticipantParams,
      },
    },
    async (request, reply) => {
      await service.deleteParticipant(
        ctxOf(request),
        request.params.id,
        request.params.participantId,
        ifMatchVersion(request),
      );
      return reply.code(204).send();
    },
  );
}
