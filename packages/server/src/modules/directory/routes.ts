import {
  page,
  ZBody,
  ZBodyCreate,
  ZBodyListQuery,
  ZBodyPatch,
  ZId,
  ZMemberState,
  ZMemberStateCreate,
  ZMemberStateListQuery,
  ZMemberStatePatch,
  ZMembership,
  ZMembershipCreate,
  ZMembershipListQuery,
  ZMembershipPatch,
  ZOrganization,
  ZOrganizationCreate,
  ZOrganizationListQuery,
  ZOrganizationPatch,
  ZPerson,
  ZPersonCreate,
  ZPersonListQuery,
  ZPersonPatch,
  ZStateCode,
} from '@plenum/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_PREFIX, ctxOf } from '../../app.ts';
import { ifMatchVersion, sendVersioned } from '../../platform/etag.ts';
import * as bodies from './bodies.service.ts';
import * as memberships from './memberships.service.ts';
import * as organizations from './organizations.service.ts';
import * as persons from './persons.service.ts';
import * as service from './service.ts';

const ZCodeParams = z.object({ code: z.string().max(10) });
const ZIdParams = z.object({ id: ZId });
const ZBodyParams = z.object({ id: z.string().min(1).max(80).describe('Body id or slug') });

/** 201 with the new resource's Location and ETag. */
function sendCreated<T extends { version: number }>(
  reply: FastifyReply,
  location: string,
  dto: T,
): T {
  reply.code(201).header('Location', `${API_PREFIX}${location}`);
  return sendVersioned(reply, dto);
}

/** The directory: member states, bodies, persons, memberships, organizations. */
export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  await memberStateRoutes(app);
  await bodyRoutes(app);
  await personRoutes(app);
  await membershipRoutes(app);
  await organizationRoutes(app);
}

async function memberStateRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Member states'];

  r.get(
    '/member-states',
    {
      config: { access: 'public', cache: 'audience' },
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
      config: { access: 'public', cache: 'audience' },
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
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Add a member state',
        body: ZMemberStateCreate,
        response: { 201: ZMemberState },
      },
    },
    async (request, reply) => {
      const state = await service.createMemberState(ctxOf(request), request.body);
      return sendCreated(reply, `/member-states/${state.code}`, state);
    },
  );

  r.patch(
    '/member-states/:code',
    {
      config: { access: 'staff' },
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
      config: { access: 'staff' },
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

async function bodyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Bodies'];

  r.get(
    '/bodies',
    {
      config: { access: 'public', cache: 'audience' },
      schema: {
        tags,
        summary: 'List bodies, by name',
        description: 'Public: no sign-in needed.',
        querystring: ZBodyListQuery,
        response: { 200: page(ZBody) },
      },
    },
    async (request) => bodies.listBodiesPage(ctxOf(request), request.query),
  );

  r.get(
    '/bodies/:id',
    {
      config: { access: 'public', cache: 'audience' },
      schema: {
        tags,
        summary: 'Read a body by its id or slug',
        description: 'Public: no sign-in needed.',
        params: ZBodyParams,
        response: { 200: ZBody },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await bodies.getBody(ctxOf(request), request.params.id)),
  );

  r.post(
    '/bodies',
    {
      config: { access: 'staff' },
      schema: { tags, summary: 'Add a body', body: ZBodyCreate, response: { 201: ZBody } },
    },
    async (request, reply) => {
      const body = await bodies.createBody(ctxOf(request), request.body);
      return sendCreated(reply, `/bodies/${body.id}`, body);
    },
  );

  r.patch(
    '/bodies/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change a body',
        description: 'A new parent may not be the body itself or one of its sub-bodies (422).',
        params: ZBodyParams,
        body: ZBodyPatch,
        response: { 200: ZBody },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await bodies.updateBody(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/bodies/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove a body nothing refers to (otherwise 409)',
        params: ZBodyParams,
      },
    },
    async (request, reply) => {
      await bodies.deleteBody(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );
}

async function personRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Persons'];

  r.get(
    '/persons',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'List persons, by name',
        querystring: ZPersonListQuery,
        response: { 200: page(ZPerson) },
      },
    },
    async (request) => persons.listPersonsPage(ctxOf(request), request.query),
  );

  r.get(
    '/persons/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: 'Read a person', params: ZIdParams, response: { 200: ZPerson } },
    },
    async (request, reply) =>
      sendVersioned(reply, await persons.getPerson(ctxOf(request), request.params.id)),
  );

  r.post(
    '/persons',
    {
      config: { access: 'staff' },
      schema: { tags, summary: 'Add a person', body: ZPersonCreate, response: { 201: ZPerson } },
    },
    async (request, reply) => {
      const person = await persons.createPerson(ctxOf(request), request.body);
      return sendCreated(reply, `/persons/${person.id}`, person);
    },
  );

  r.patch(
    '/persons/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change a person',
        params: ZIdParams,
        body: ZPersonPatch,
        response: { 200: ZPerson },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await persons.updatePerson(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/persons/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove a person nothing refers to (otherwise 409)',
        params: ZIdParams,
      },
    },
    async (request, reply) => {
      await persons.deletePerson(ctxOf(request), request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    },
  );
}

async function membershipRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Memberships'];

  r.get(
    '/memberships',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'List memberships, oldest first',
        querystring: ZMembershipListQuery,
        response: { 200: page(ZMembership) },
      },
    },
    async (request) => memberships.listMembershipsPage(ctxOf(request), request.query),
  );

  r.get(
    '/memberships/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read a membership',
        params: ZIdParams,
        response: { 200: ZMembership },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await memberships.getMembership(ctxOf(request), request.params.id)),
  );

  r.post(
    '/memberships',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Add a person to a body',
        body: ZMembershipCreate,
        response: { 201: ZMembership },
      },
    },
    async (request, reply) => {
      const membership = await memberships.createMembership(ctxOf(request), request.body);
      return sendCreated(reply, `/memberships/${membership.id}`, membership);
    },
  );

  r.patch(
    '/memberships/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change a membership (role, state represented, period)',
        params: ZIdParams,
        body: ZMembershipPatch,
        response: { 200: ZMembership },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await memberships.updateMembership(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/memberships/:id',
    {
      config: { access: 'staff' },
      schema: { tags, summary: 'Remove a membership', params: ZIdParams },
    },
    async (request, reply) => {
      await memberships.deleteMembership(
        ctxOf(request),
        request.params.id,
        ifMatchVersion(request),
      );
      return reply.code(204).send();
    },
  );
}

async function organizationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organizations'];

  r.get(
    '/organizations',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'List organizations, by name',
        querystring: ZOrganizationListQuery,
        response: { 200: page(ZOrganization) },
      },
    },
    async (request) => organizations.listOrganizationsPage(ctxOf(request), request.query),
  );

  r.get(
    '/organizations/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Read an organization',
        params: ZIdParams,
        response: { 200: ZOrganization },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await organizations.getOrganization(ctxOf(request), request.params.id)),
  );

  r.post(
    '/organizations',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Add an organization',
        body: ZOrganizationCreate,
        response: { 201: ZOrganization },
      },
    },
    async (request, reply) => {
      const organization = await organizations.createOrganization(ctxOf(request), request.body);
      return sendCreated(reply, `/organizations/${organization.id}`, organization);
    },
  );

  r.patch(
    '/organizations/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Change an organization',
        params: ZIdParams,
        body: ZOrganizationPatch,
        response: { 200: ZOrganization },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await organizations.updateOrganization(
          ctxOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        ),
      ),
  );

  r.delete(
    '/organizations/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Remove an organization nothing refers to (otherwise 409)',
        params: ZIdParams,
      },
    },
    async (request, reply) => {
      await organizations.deleteOrganization(
        ctxOf(request),
        request.params.id,
        ifMatchVersion(request),
      );
      return reply.code(204).send();
    },
  );
}
