import {
  page,
  ZAttendanceInput,
  ZCurrentItemInput,
  ZId,
  ZMeetingSession,
  ZProposal,
  ZProposalCreate,
  ZProposalListQuery,
  ZProposalPositionInput,
  ZStateCode,
  ZWrittenDecisionList,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import * as service from './service.ts';

const ZMeetingParams = z.object({ id: ZId });
const ZAttendanceParams = z.object({ id: ZId, memberState: ZStateCode });
const ZProposalParams = z.object({ id: ZId });
const ZPositionParams = z.object({ id: ZId, memberState: ZStateCode });

/**
 * Session mode of a meeting (current item, attendance, quorum, proposals and positions, adoption
 * by consensus) and the written procedure between meetings (issue 8).
 */
export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Sessions'];

  r.get(
    '/meetings/:id/session',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The meeting in session: current item, attendance, quorum, proposals',
        description: 'Readable by signed-in callers who may read the meeting.',
        params: ZMeetingParams,
        response: { 200: ZMeetingSession },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getSession(ctxOf(request), request.params.id)),
  );

  r.post(
    '/meetings/:id/session/open',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Open the session: the meeting goes into session',
        description:
          'planned or announced → in_session, through the meeting’s transition rules (a planned meeting is announced on the way).',
        params: ZMeetingParams,
        response: { 200: ZMeetingSession },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.openSession(ctxOf(request), request.params.id, ifMatchVersion(request)),
      ),
  );

  r.post(
    '/meetings/:id/session/close',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Close the session: the meeting is held',
        description: '409 while a proposal is open.',
        params: ZMeetingParams,
        response: { 200: ZMeetingSession },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.closeSession(ctxOf(request), request.params.id, ifMatchVersion(request)),
      ),
  );

  r.put(
    '/meetings/:id/session/current-item',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Set the agenda item under consideration',
        params: ZMeetingParams,
        body: ZCurrentItemInput,
        response: { 200: ZMeetingSession },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.setCurrentItem(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.put(
    '/meetings/:id/session/attendance/:memberState',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Record whether a member state’s delegation is present',
        params: ZAttendanceParams,
        body: ZAttendanceInput,
        response: { 200: ZMeetingSession },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.setAttendance(
          ctxOf(request),
          request.params.id,
          request.params.memberState,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.get(
    '/meetings/:id/written-decisions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Decisions adopted by written procedure since the body’s previous meeting',
        description:
          'What this meeting takes note of; also a section of its minutes. Each such decision is reported at the body’s first meeting that starts on or after its adoption or has not sat yet.',
        params: ZMeetingParams,
        response: { 200: ZWrittenDecisionList },
      },
    },
    async (request) => service.listWrittenDecisions(ctxOf(request), request.params.id),
  );

  r.get(
    '/proposals',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Proposals, newest first',
        querystring: ZProposalListQuery,
        response: { 200: page(ZProposal) },
      },
    },
    async (request) => service.listProposalsPage(ctxOf(request), request.query),
  );

  r.get(
    '/proposals/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read a proposal with its positions and outcome',
        params: ZProposalParams,
        response: { 200: ZProposal },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getProposal(ctxOf(request), request.params.id)),
  );

  r.post(
    '/proposals',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Put a draft decision to adoption, in session or by written procedure',
        description:
          'session: the meeting must be in session; the proposal becomes the one under consideration. written: circulated to all member states (their delegates are notified) until the deadline.',
        body: ZProposalCreate,
        response: { 201: ZProposal },
      },
    },
    async (request, reply) => {
      const proposal = await service.createProposal(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url.split('?')[0]}/${proposal.id}`);
      return sendVersioned(reply, proposal);
    },
  );

  r.put(
    '/proposals/:id/positions/:memberState',
    {
      config: { access: 'delegate' },
      schema: {
        tags,
        summary: 'Record a member state’s position',
        description:
          'In session: the secretariat, for a state recorded present. Written procedure: the secretariat or the state’s delegate, until the deadline; when every member state has concurred the proposal is adopted at once.',
        params: ZPositionParams,
        body: ZProposalPositionInput,
        response: { 200: ZProposal },
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

  r.post(
    '/proposals/:id/adopt',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Adopt a proposal: the decision is recorded',
        description:
          'In session only by consensus: quorum met and no present state objects (409 naming the objecting states). Written procedure: before the deadline only when all concurred.',
        params: ZProposalParams,
        response: { 200: ZProposal },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.adoptProposal(ctxOf(request), request.params.id, ifMatchVersion(request)),
      ),
  );

  r.post(
    '/proposals/:id/withdraw',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Withdraw an open proposal',
        params: ZProposalParams,
        response: { 200: ZProposal },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.withdrawProposal(ctxOf(request), request.params.id, ifMatchVersion(request)),
      ),
  );
}
