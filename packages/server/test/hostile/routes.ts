import { sql } from 'kysely';
import type { DbHandle } from '../../src/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema from the OpenAPI document
export type JsonSchema = any;

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: JsonSchema;
  required: boolean;
}

export interface Route {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. /api/v1/meetings/{id}/agenda-items/{itemId}. */
  template: string;
  params: Param[];
  body: JsonSchema | null;
  bodyTypes: string[];
}

/** Streams (server-sent events) never end, so an injected request would wait forever. */
const STREAMS = /\/events$/;

/** Every operation of the OpenAPI document, reads first and deletions last. */
export function routeTable(doc: JsonSchema): Route[] {
  const order = { GET: 0, HEAD: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 } as const;
  const routes: Route[] = [];
  for (const [template, ops] of Object.entries<Record<string, JsonSchema>>(doc.paths)) {
    if (STREAMS.test(template)) {
      continue;
    }
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Route['method'];
      if (!(method in order)) {
        continue;
      }
      const content = op.requestBody?.content ?? {};
      routes.push({
        method,
        template,
        params: (op.parameters ?? []).map((p: JsonSchema) => ({
          name: p.name,
          in: p.in,
          schema: p.schema ?? {},
          required: Boolean(p.required),
        })),
        body: content['application/json']?.schema ?? null,
        bodyTypes: Object.keys(content),
      });
    }
  }
  return routes.sort((a, b) => order[a.method] - order[b.method]);
}

/** Real ids from the demo dataset, so that a hostile request reaches past the 404. */
export interface IdPool {
  byResource: Record<string, string>;
  child: Record<string, string>;
  sha256: string;
  memberState: string;
}

async function first(handle: DbHandle, query: string): Promise<string> {
  const rows = (await sql.raw<{ v: string }>(query).execute(handle.db)).rows;
  const value = rows[0]?.v;
  if (value === undefined) {
    throw new Error(`no fixture for: ${query}`);
  }
  return String(value);
}

export async function idPool(handle: DbHandle, spareTokenId: string): Promise<IdPool> {
  const f = (q: string) => first(handle, q);
  const meeting = await f(
    `select m.id as v from meetings m where exists (select 1 from agenda_items a where a.meeting_id = m.id)
     and exists (select 1 from participants p where p.meeting_id = m.id) order by m.number desc limit 1`,
  );
  const decision = await f(
    `select d.id as v from decisions d where exists (select 1 from implementation_reports r where r.decision_id = d.id) limit 1`,
  );
  const consultation = await f(
    `select c.id as v from consultations c where exists (select 1 from consultation_comments k where k.consultation_id = c.id) limit 1`,
  );
  const program = await f(
    `select p.id as v from programs p where exists (select 1 from program_measures x where x.program_id = p.id) limit 1`,
  );
  const document = await f(
    `select d.id as v from documents d where exists (select 1 from document_versions x where x.document_id = d.id) limit 1`,
  );
  const byResource: Record<string, string> = {
    meetings: meeting,
    decisions: decision,
    consultations: consultation,
    programs: program,
    documents: document,
    standards: await f('select id as v from standards limit 1'),
    projects: await f('select id as v from projects limit 1'),
    'ip-results': await f('select id as v from ip_results limit 1'),
    news: await f('select id as v from news_items limit 1'),
    persons: await f('select id as v from persons limit 1'),
    bodies: await f('select id as v from bodies limit 1'),
    organizations: await f('select id as v from organizations limit 1'),
    memberships: await f('select id as v from memberships limit 1'),
    users: await f(`select id as v from users where email = 'observer@plenum.example'`),
    proposals: await f('select id as v from proposals limit 1'),
    reports: await f('select id as v from implementation_reports limit 1'),
    notifications: (await first(handle, 'select id as v from notifications limit 1').catch(
      () => '019ac000-0000-7000-8000-000000000000',
    )) as string,
    tokens: spareTokenId,
  };
  const child: Record<string, string> = {
    itemId: await f(`select id as v from agenda_items where meeting_id = '${meeting}' limit 1`),
    participantId: await f(
      `select id as v from participants where meeting_id = '${meeting}' limit 1`,
    ),
    assignmentId: await f(
      `select id as v from assignments where decision_id = '${decision}' limit 1`,
    ),
    commentId: await f(
      `select id as v from consultation_comments where consultation_id = '${consultation}' limit 1`,
    ),
    measureId: await f(
      `select id as v from program_measures where program_id = '${program}' limit 1`,
    ),
    documentId: document,
    number: '1',
    sequence: '1',
    kind: 'persons',
  };
  const sha256 = await first(handle, 'select sha256 as v from files limit 1').catch(() =>
    'a'.repeat(64),
  );
  return { byResource, child, sha256, memberState: 'ARM' };
}

/** The template's path with every parameter filled from the pool (or `override` for one). */
export function concretePath(
  route: Route,
  pool: IdPool,
  override?: { name: string; value: string },
): string {
  const segments = route.template.replace('/api/v1/', '').split('/');
  const resource = segments[0] === 'auth' ? (segments[1] ?? '') : (segments[0] ?? '');
  return route.template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (override && override.name === name) {
      return override.value;
    }
    if (name === 'id') {
      return pool.byResource[resource] ?? pool.byResource.meetings ?? '';
    }
    if (name === 'memberState' || name === 'code') {
      return pool.memberState;
    }
    if (name === 'sha256') {
      return pool.sha256;
    }
    return encodeURIComponent(pool.child[name] ?? 'x');
  });
}
