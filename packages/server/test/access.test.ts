import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteAccessEntry, routeAccessTable } from '../src/platform/route-access.ts';
import {
  ABSENT_ID,
  ABSENT_SHA,
  ALLOWED_CHANGES,
  CALLERS,
  classifiedItems,
  fillUrl,
  judge,
  paramValues,
  passesDoor,
  queryFor,
  STATELESS_DELEGATE_ROUTES,
  STREAMS,
  stateCases,
} from './access/cases.ts';
import { createFixtures, type Fixtures } from './access/fixtures.ts';
import { type Caller, createTestApp, DIALECT, loginWithPassword, type TestApp } from './app.ts';

/**
 * Access, proven for every route (DESIGN §3): the cases are generated from the app's own route
 * table, so a new route is tested (or fails for a missing declaration or fixture) without
 * anyone listing it here.
 */
describe(`access on every route (${DIALECT})`, () => {
  let t: TestApp;
  let f: Fixtures;
  let routes: RouteAccessEntry[];
  let values: ReturnType<typeof paramValues>;
  let queries: Record<string, string>;

  const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
  const writes = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
  const auditCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** One request as a caller; a write carries a stale If-Match and an empty body. */
  function send(
    caller: Caller,
    r: RouteAccessEntry,
    url: string,
    extra: Partial<InjectOptions> = {},
  ): Promise<LightMyRequestResponse> {
    const method = STREAMS.has(r.url) ? 'HEAD' : r.method;
    const headers: Record<string, string> = writes(r.method)
      ? { 'if-match': '"999999"', ...(extra.headers as Record<string, string>) }
      : { ...(extra.headers as Record<string, string>) };
    return t.as(caller, {
      method: method as 'GET',
      url: url + (queries[key(r)] ?? ''),
      ...(writes(r.method) && r.method !== 'DELETE' ? { payload: {} } : {}),
      ...extra,
      headers,
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = await createFixtures(t);
    values = paramValues(f, t);
    queries = queryFor(f);
    // HEAD routes are Fastify's copies of the GET routes: same handler, same declaration.
    routes = routeAccessTable(t.app).filter((r) => r.method !== 'HEAD');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('finds the whole route table, API, OParl, portal and operations alike', () => {
    const urls = new Set(routes.map((r) => r.url));
    for (const url of ['/api/v1/decisions', '/oparl/v1.1', '/en/news', '/healthz', '/metrics']) {
      expect(urls.has(url), url).toBe(true);
    }
    expect(routes.length).toBeGreaterThan(250);
  });

  it('has an access declaration on every route', () => {
    const undeclared = routes.filter((r) => r.access === undefined).map(key);
    expect(undeclared, 'routes without config.access').toEqual([]);
  });

  // Before the sweep, which may detach the fixtures' files (see ALLOWED_CHANGES).
  it('lets the owning state’s delegate through every delegate route and refuses another state', async () => {
    const cases = stateCases(f);
    const failures: string[] = [];
    const delegateRoutes = routes.filter((r) => r.access === 'delegate');
    for (const r of delegateRoutes) {
      if (STATELESS_DELEGATE_ROUTES[key(r)]) {
        continue;
      }
      const c = cases[key(r)];
      if (!c) {
        failures.push(`${key(r)}: no state case (add one to test/access/cases.ts)`);
        continue;
      }
      const url = fillUrl(r.url, values) + (c.query ?? '');
      const extra: Partial<InjectOptions> = {
        url,
        headers: {},
        ...(c.body === undefined ? {} : { payload: c.body as never }),
      };
      const before = await auditCount();
      const other = await send('delegateBlr', r, url, extra);
      if (other.statusCode !== 403) {
        failures.push(`${key(r)} as delegateBlr: ${other.statusCode} ${other.body.slice(0, 200)}`);
      }
      if ((await auditCount()) !== before) {
        failures.push(`${key(r)} as delegateBlr changed something`);
      }
      const own = await send('delegateArm', r, url, extra);
      if (own.statusCode === 401 || own.statusCode === 403 || own.statusCode >= 500) {
        failures.push(`${key(r)} as delegateArm: ${own.statusCode} ${own.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(delegateRoutes.length).toBeGreaterThan(5);
  });

  it('answers each of the six callers as the route’s declared rule says', {
    timeout: 120_000,
  }, async () => {
    const failures: string[] = [];
    const changed: string[] = [];
    const urls = new Map<RouteAccessEntry, string>();
    for (const r of routes) {
      try {
        urls.set(r, fillUrl(r.url, values));
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    // Reads change nothing: the six callers at once, eight routes at a time.
    const reads = routes.filter((r) => !writes(r.method) && urls.has(r));
    for (let i = 0; i < reads.length; i += 8) {
      await Promise.all(
        reads.slice(i, i + 8).map(async (r) => {
          const statuses = await Promise.all(
            CALLERS.map(
              async (caller) => (await send(caller, r, urls.get(r) as string)).statusCode,
            ),
          );
          CALLERS.forEach((caller, n) => {
            const failure = judge(r.access, caller, statuses[n] as number);
            if (failure) {
              failures.push(
                `${key(r)} [${r.access}] as ${caller}: ${statuses[n]}, expected ${failure}`,
              );
            }
          });
        }),
      );
    }
    for (const r of routes.filter((w) => writes(w.method) && urls.has(w))) {
      const url = urls.get(r) as string;
      // The callers the door refuses go first: whatever they send must change nothing.
      const order = [
        ...CALLERS.filter((c) => !passesDoor(r.access, c)),
        ...CALLERS.filter((c) => passesDoor(r.access, c)),
      ];
      let before = await auditCount();
      let refusedOnes = true;
      for (const caller of order) {
        if (refusedOnes && passesDoor(r.access, caller)) {
          refusedOnes = false;
          const now = await auditCount();
          if (now !== before) {
            changed.push(`${key(r)}: changed by a caller it refuses`);
          }
          before = now;
        }
        const status = (await send(caller, r, url)).statusCode;
        const failure = judge(r.access, caller, status);
        if (failure) {
          failures.push(`${key(r)} [${r.access}] as ${caller}: ${status}, expected ${failure}`);
        }
      }
      if (!ALLOWED_CHANGES[key(r)] && (await auditCount()) !== before) {
        changed.push(`${key(r)}: changed by the empty request of a permitted caller`);
      }
    }
    expect(failures).toEqual([]);
    // Empty bodies and a stale If-Match: the sweep itself must have changed nothing.
    expect(changed).toEqual([]);
  });

  it('refuses at the door before the body is validated', async () => {
    // A hostile body to a staff route: the anonymous caller learns nothing from the validator.
    const res = await t.as('anonymous', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { bodyId: 'x'.repeat(10_000), title: 42, __proto__: { admin: true } },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).not.toHaveProperty('errors');
    const observer = await t.as('observer', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 42 },
    });
    expect(observer.statusCode).toBe(403);
    expect(observer.json()).not.toHaveProperty('errors');
    // Not even parsed: a NUL character (refused for everyone else in preValidation) or a body
    // that is not JSON at all.
    const nul = await t.as('anonymous', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: { en: 'a\u0000b' } },
    });
    expect(nul.statusCode).toBe(401);
    const garbage = await t.as('delegateArm', {
      method: 'POST',
      url: '/api/v1/decisions',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(garbage.statusCode).toBe(403);
    // Fastify's HEAD twins of GET routes have the same door.
    const head = await t.as('anonymous', { method: 'HEAD', url: '/api/v1/decisions' });
    expect(head.statusCode).toBe(401);
    expect((await t.as('observer', { method: 'HEAD', url: '/api/v1/decisions' })).statusCode).toBe(
      200,
    );
  });

  it('answers a classified item a caller may not read exactly as an unknown one', async () => {
    const items = classifiedItems(f);
    const failures: string[] = [];
    let proven = 0;
    for (const r of routes) {
      if (r.method !== 'GET' || !r.url.startsWith('/api/v1/') || STREAMS.has(r.url)) {
        continue;
      }
      const [, , , segment, param] = r.url.split('/');
      const item = segment ? items[segment] : undefined;
      if (!item || !param?.startsWith(':')) {
        continue;
      }
      const absent = segment === 'files' ? ABSENT_SHA : ABSENT_ID;
      const realUrl = fillUrl(r.url, values, { index: 0, value: item.id });
      const absentUrl = fillUrl(r.url, values, { index: 0, value: absent });
      const real = new Map<Caller, number>();
      const unknown = new Map<Caller, number>();
      for (const caller of CALLERS) {
        real.set(caller, (await send(caller, r, realUrl)).statusCode);
        unknown.set(caller, (await send(caller, r, absentUrl)).statusCode);
      }
      const adminStatus = real.get('admin');
      // The item's own address: its readers get it.
      const own = r.url.split('/').length === 5;
      if (adminStatus === unknown.get('admin')) {
        if (own) {
          failures.push(`${key(r)}: the admin cannot read the fixture (${adminStatus})`);
        }
        continue;
      }
      proven++;
      for (const caller of CALLERS) {
        const status = real.get(caller);
        if (item.readers.includes(caller) && passesDoor(r.access, caller)) {
          if (status !== adminStatus) {
            failures.push(`${key(r)} as ${caller} (a reader): ${status}, the admin ${adminStatus}`);
          }
        } else if (status !== unknown.get(caller)) {
          failures.push(
            `${key(r)} as ${caller}: ${status} for the item, ${unknown.get(caller)} for an unknown id`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(proven).toBeGreaterThan(15);
  });

  it('refuses every cookie-authenticated write without the CSRF token, changing nothing', async () => {
    const session = await loginWithPassword(t.app, 'secretariat@example.org');
    expect(session.response.statusCode, session.response.body).toBe(200);
    const before = await auditCount();
    const failures: string[] = [];
    let checked = 0;
    for (const r of routes) {
      if (!writes(r.method)) {
        continue;
      }
      checked++;
      const res = await t.app.inject({
        method: r.method as 'POST',
        url: fillUrl(r.url, values),
        headers: { cookie: session.cookie },
        ...(r.method === 'DELETE' ? {} : { payload: {} }),
      });
      const code = res.statusCode === 403 ? (res.json() as { type?: string }).type : undefined;
      if (res.statusCode !== 403 || code !== '/problems/csrf-failed') {
        failures.push(`${key(r)}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    expect(await auditCount()).toBe(before);

    // With the token the same session writes; a bearer token needs none.
    const preview = { markdown: '**Hello**' };
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/news/preview',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: preview,
    });
    expect(withToken.statusCode, withToken.body).toBe(200);
    const bearer = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/news/preview',
      payload: preview,
    });
    expect(bearer.statusCode, bearer.body).toBe(200);
  });
});
