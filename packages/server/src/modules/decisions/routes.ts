import {
  DECISION_STATUSES,
  page,
  ZAssignment,
  ZAssignmentCreate,
  ZAssignmentListItem,
  ZAssignmentListQuery,
  ZAssignmentPatch,
  ZDecision,
  ZDecisionCreate,
  ZDecisionHistoryEvent,
  ZDecisionListItem,
  ZDecisionListQuery,
  ZDecisionPatch,
  ZDecisionRelationInput,
  ZId,
  ZReport,
  ZReportCreate,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import * as service from './service.ts';

const ZDecisionParams = z.object({ id: ZId });
const ZAssignmentParams = z.object({ id: ZId, assignmentId: ZId });

/** Decisions, their assignments to member states and bodies, and implementation reports. */
export async function decisionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Decisions'];

  r.get(
    '/decisions',
    {
      config: { access: 'signedIn', cache: 'audience' },
      schema: {
        tags,
        summary: 'The decision register',
        description: `Filter by derived status (${DECISION_STATUSES.join(', ')}), adopting body, meeting, assignee and due range.`,
        querystring: ZDecisionListQuery,
        response: { 200: page(ZDecisionListItem) },
      },
    },
    async (request) => service.listDecisionsPage(ctxOf(request), request.query),
  );

  r.get(
    '/decisions/counts',
    {
      config: { access: 'signedIn', cache: 'audience' },
      schema: {
        tags,
        summary: 'Counts of decisions per derived status, under the list’s filters',
        querystring: ZDecisionListQuery,
        response: {
          200: z.object({
            total: z.number().int(),
            byStatus: z.record(z.enum(DECISION_STATUSES), z.number().int()),
          }),
        },
      },
    },
    async (request) => service.countDecisions(ctxOf(request), request.query),
  );

  r.get(
    '/decisions/:id',
    {
      config: { access: 'signedIn', cache: 'audience' },
      schema: {
        tags,
        summary: 'Read a decision',
        params: ZDecisionParams,
        response: { 200: ZDecision },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await service.getDecision(ctxOf(request), request.params.id)),
  );

  r.post(
    '/decisions',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Record an adopted decision',
        description:
          'With a meeting the decision is numbered meeting/ordinal (e.g. 21/3). Relations amend, extend, supersede or cancel earlier decisions; supersede and cancel close them.',
        body: ZDecisionCreate,
        response: { 201: ZDecision },
      },
    },
    async (request, reply) => {
      const decision = await service.createDecision(ctxOf(request), request.body);
      reply.code(201).header('Location', `${request.url}/${decision.id}`);
      return sendVersioned(reply, decision);
    },
  );

  r.patch(
    '/decisions/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Correct a decision’s record',
        params: ZDecisionParams,
        body: ZDecisionPatch,
        response: { 200: ZDecision },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateDecision(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/decisions/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary:
          'Remove a decision entered by mistake (only the last of its meeting, without reports)',
        params: ZDecisionParams,
      },
    },
    async (request, reply) => {
      await service.deleteDecision(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/decisions/:id/history',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'What changed on this decision and its assignments, newest first',
        description: 'From the audit trail; for the secretariat and admins.',
        params: ZDecisionParams,
        response: { 200: z.object({ items: z.array(ZDecisionHistoryEvent) }) },
      },
    },
    async (request) => service.getDecisionHistory(ctxOf(request), request.params.id),
  );

  r.post(
    '/decisions/:id/relations',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Record that this decision amends, extends, supersedes or cancels another',
        params: ZDecisionParams,
        body: ZDecisionRelationInput,
        response: { 200: ZDecision },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.addDecisionRelation(ctxOf(request), request.params.id, request.body),
      ),
  );

  // ---- Assignments ----

  r.get(
    '/assignments',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Assignments across decisions, earliest due first',
        description:
          'A state’s or body’s to-do list: filter by assignee, open, overdue and due range.',
        querystring: ZAssignmentListQuery,
        response: { 200: page(ZAssignmentListItem) },
      },
    },
    async (request) => service.listAssignmentsPage(ctxOf(request), request.query),
  );

  r.get(
    '/decisions/:id/assignments',
    {
      config: { access: 'signedIn', cache: 'audience' },
      schema: {
        tags,
        summary: 'Who must act on a decision, with the latest report of each',
        params: ZDecisionParams,
        response: { 200: z.object({ items: z.array(ZAssignment) }) },
      },
    },
    async (request) => ({
      items: await service.listDecisionAssignments(ctxOf(request), request.params.id),
    }),
  );

  r.get(
    '/decisions/:id/assignments/:assignmentId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read an assignment',
        params: ZAssignmentParams,
        response: { 200: ZAssignment },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.getAssignment(ctxOf(request), request.params.id, request.params.assignmentId),
      ),
  );

  r.post(
    '/decisions/:id/assignments',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Assign a decision to a member state or a body',
        params: ZDecisionParams,
        body: ZAssignmentCreate,
        response: { 201: ZAssignment },
      },
    },
    async (request, reply) => {
      const assignment = await service.createAssignment(
        ctxOf(request),
        request.params.id,
        request.body,
      );
      reply.code(201).header('Location', `${request.url}/${assignment.id}`);
      return sendVersioned(reply, assignment);
    },
  );

  r.patch(
    '/decisions/:id/assignments/:assignmentId',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change an assignment’s due date',
        params: ZAssignmentParams,
        body: ZAssignmentPatch,
        response: { 200: ZAssignment },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.updateAssignment(
          ctxOf(request),
          request.params.id,
          request.params.assignmentId,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/decisions/:id/assignments/:assignmentId',
    {
      config: { access: 'staff' },
      schema: { tags, summary: 'Remove an assignment without reports', params: ZAssignmentParams },
    },
    async (request, reply) => {
      await service.deleteAssignment(
        ctxOf(request),
        request.params.id,
        request.params.assignmentId,
        ifMatchVersion(request),
      );
      return reply.code(204).send();
    },
  );

  // ---- Reports ----

  r.get(
    '/decisions/:id/reports',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Every implementation report on a decision, newest first',
        params: ZDecisionParams,
        querystring: z.object({ assignmentId: ZId.optional() }),
        response: { 200: z.object({ items: z.array(ZReport) }) },
      },
    },
    async (request) => ({
      items: await service.listDecisionReports(
        ctxOf(request),
        request.params.id,
        request.query.assignmentId,
      ),
    }),
  );

  r.post(
    '/decisions/:id/reports',
    {
      config: { access: 'delegate' },
      schema: {
        tags,
        summary: 'Report on an assignment',
        description: 'A delegate reports only for its own state; the secretariat for any assignee.',
        params: ZDecisionParams,
        body: ZReportCreate,
        response: { 201: ZReport },
      },
    },
    async (request, reply) => {
      const report = await service.submitReport(ctxOf(request), request.params.id, request.body);
      reply.code(201).header('Location', `${request.url}/${report.id}`);
      return report;
    },
  );
}
