import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECT } from './app.ts';
import {
  exampleOf,
  hostileBody,
  hostileHeaders,
  hostileQuery,
  hostileSegment,
  type RawBody,
} from './hostile/arbitraries.ts';
import { concretePath, type IdPool, idPool, type Route, routeTable } from './hostile/routes.ts';
import {
  type DemoApp,
  demoApp,
  type Fingerprinter,
  fingerprintDiff,
  fingerprinter,
  type HostileCaller,
} from './hostile/setup.ts';

/**
 * Issue 9: every route that takes input, fed generated and mutated bodies, queries, path
 * parameters and headers. Never a 5xx; every refusal an RFC 9457 problem; a refused request
 * changes nothing. HOSTILE_SEED=<n> replays a run; HOSTILE_RUNS=<n> scales the runs per route.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SCALE = Number(process.env.HOSTILE_RUNS ?? 1);
console.log(`hostile-input: seed ${SEED} (replay with HOSTILE_SEED=${SEED}) on ${DIALECT}`);

/** Routes whose every answer renders a document: a few runs say as much as many. */
const SLOW = /(\.pdf|\.docx|\.xlsx|\.csv|\.akn\.xml|\/pack|announcement|implementation-review)/;
const runs = (route: Route, base: number) =>
  Math.max(1, Math.round((SLOW.test(route.template) ? Math.min(base, 2) : base) * SCALE));

const READS = new Set(['GET', 'HEAD']);

describe(`hostile input on every route (${DIALECT})`, () => {
  let t: DemoApp;
  let routes: Route[];
  let pool: IdPool;
  let fp: Fingerprinter;
  /** Answers by status, printed at the end: shows how deep the generated input reached. */
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await demoApp();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    routes = routeTable(doc);
    // A token of its own for the token routes to act on, so the callers' tokens survive.
    const spare = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'spare' },
    });
    pool = await idPool(t.handle, (spare.json() as { id: string }).id);
    fp = await fingerprinter(t.handle);
  }, 180_000);
  afterAll(async () => {
    console.log(
      `hostile-input answers: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
    await t?.close();
  });

  /** Sends one request and checks the three properties; returns the response for the caller. */
  async function probe(
    caller: HostileCaller,
    opts: InjectOptions & { method: Route['method'] },
    what: string,
  ): Promise<LightMyRequestResponse> {
    const write = !READS.has(opts.method);
    // Read right before: work an earlier accepted request started may still be landing.
    const before = write ? await fp.take() : '';
    const res = await t.as(caller, opts);
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    const where = `${opts.method} ${String(opts.url).slice(0, 200)} as ${caller}: ${what}`;
    expect(res.statusCode, `${where} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
    if (res.statusCode >= 400) {
      expect(String(res.headers['content-type']), where).toMatch(/^application\/problem\+json/);
      if (opts.method !== 'HEAD') {
        const problem = res.json() as { type?: unknown; title?: unknown; status?: unknown };
        expect(typeof problem.type, where).toBe('string');
        expect(typeof problem.title, where).toBe('string');
        expect(problem.status, where).toBe(res.statusCode);
      }
      if (write) {
        const after = await fp.take();
        expect(after, `${where} changed: ${fingerprintDiff(before, after)}`).toBe(before);
      }
    }
    return res;
  }

  const withInput = () =>
    routes.filter(
      (r) =>
        r.params.length > 0 || r.body !== null || r.template.includes('{') || !READS.has(r.method),
    );

  it('reads the route table from the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(150);
    expect(routes.filter((r) => r.body).length).toBeGreaterThan(50);
    expect(fp.tables).toContain('meetings');
    expect(fp.tables).toContain('audit_events');
  });

  it('answers what the router refuses (an overlong id, broken percent-encoding) with problems', async () => {
    const overlong = await t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/meetings/${'a'.repeat(300)}`,
      headers: { 'accept-language': 'ru' },
    });
    expect(overlong.statusCode).toBe(404);
    expect(overlong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(overlong.json()).toMatchObject({ status: 404, detail: 'Такого ресурса нет.' });
    for (const url of ['/api/v1/meetings/%zz', '/api/v1/meetings/%E0%A4%A']) {
      const bad = await t.as('secretariat', { method: 'GET', url });
      expect(bad.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(bad.statusCode, url).toBeLessThan(500);
      expect(bad.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers generated and mutated bodies with a problem and changes nothing', async () => {
    const bodyRoutes = routes.filter((r) => r.body !== null);
    for (const [i, route] of bodyRoutes.entries()) {
      const url = concretePath(route, pool);
      const example = exampleOf(route.body, pool);
      await fc.assert(
        fc.asyncProperty(
          hostileBody(example),
          fc.constantFrom<HostileCaller>(
            'secretariat',
            'secretariat',
            'secretariat',
            'delegate',
            'anonymous',
          ),
          async (body: RawBody, caller) => {
            await probe(
              caller,
              {
                method: route.method,
                url,
                payload: body.text,
                headers: { 'content-type': 'application/json' },
              },
              body.label,
            );
          },
        ),
        { numRuns: runs(route, 10), seed: SEED + i },
      );
    }
  }, 300_000);

  it('answers hostile query strings with a problem or a normal answer, never a 5xx', async () => {
    const queryRoutes = routes.filter((r) => r.params.some((p) => p.in === 'query'));
    for (const [i, route] of queryRoutes.entries()) {
      const path = concretePath(route, pool);
      const example = route.body ? JSON.stringify(exampleOf(route.body, pool)) : undefined;
      await fc.assert(
        fc.asyncProperty(
          hostileQuery(route),
          fc.constantFrom<HostileCaller>('secretariat', 'secretariat', 'delegate', 'anonymous'),
          async (query, caller) => {
            await probe(
              caller,
              {
                method: route.method,
                url: `${path}?${query}`,
                ...(example
                  ? { payload: example, headers: { 'content-type': 'application/json' } }
                  : {}),
              },
              'query',
            );
          },
        ),
        { numRuns: runs(route, 6), seed: SEED + 1000 + i },
      );
    }
  }, 300_000);

  it('answers hostile path parameters with a problem and changes nothing', async () => {
    const pathRoutes = routes.filter((r) => r.template.includes('{'));
    for (const [i, route] of pathRoutes.entries()) {
      const names = [...route.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
      const example = route.body ? JSON.stringify(exampleOf(route.body, pool)) : undefined;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          hostileSegment,
          fc.constantFrom<HostileCaller>('secretariat', 'delegate', 'anonymous'),
          async (name, segment, caller) => {
            const url = concretePath(route, pool, { name, value: segment });
            await probe(
              caller,
              {
                method: route.method,
                url,
                ...(example
                  ? { payload: example, headers: { 'content-type': 'application/json' } }
                  : {}),
              },
              `${name}=${segment.slice(0, 40)}`,
            );
          },
        ),
        { numRuns: runs(route, 4), seed: SEED + 2000 + i },
      );
    }
  }, 300_000);

  it('answers hostile headers with a problem or a normal answer, never a 5xx', async () => {
    for (const [i, route] of withInput().entries()) {
      const url = concretePath(route, pool);
      const example = route.body ? JSON.stringify(exampleOf(route.body, pool)) : undefined;
      await fc.assert(
        fc.asyncProperty(
          hostileHeaders,
          fc.constantFrom<HostileCaller>('secretariat', 'delegate', 'anonymous'),
          async (headers, caller) => {
            await probe(
              caller,
              {
                method: route.method,
                url,
                headers: { ...(example ? { 'content-type': 'application/json' } : {}), ...headers },
                ...(example ? { payload: example } : {}),
              },
              JSON.stringify(headers).slice(0, 300),
            );
          },
        ),
        { numRuns: runs(route, 4), seed: SEED + 3000 + i },
      );
    }
  }, 300_000);
});
