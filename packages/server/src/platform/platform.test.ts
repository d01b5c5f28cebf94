import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../test/app.ts';

describe(`platform (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const countStates = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('memberStates')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('problem responses', () => {
    it('answers malformed JSON with a 400 problem and no stack trace', async () => {
      const res = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/member-states',
        headers: { 'content-type': 'application/json' },
        payload: '{"code": "GEO", ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body).toMatchObject({
        status: 400,
        code: 'bad_request',
        type: '/problems/bad-request',
      });
      expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it('answers an unsupported content type with 415 and changes nothing', async () => {
      const before = await countStates();
      const res = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/member-states',
        headers: { 'content-type': 'text/xml' },
        payload: '<state code="GEO"/>',
      });
      expect(res.statusCode).toBe(415);
      expect(await countStates()).toBe(before);
    });

    it('answers a body over the limit with 413', async () => {
      const res = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/member-states',
        payload: { code: 'GEO', name: { en: 'x'.repeat(2 * 1024 * 1024) } },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('payload_too_large');
    });

    it.each([
      ['an array instead of an object', [] as unknown],
      ['a string', 'GEO'],
      ['null', null],
      ['unknown fields', { code: 'GEO', name: { en: 'Georgia' }, admin: true }],
      ['a wrong type', { code: 7, name: 'Georgia' }],
      ['a prototype pollution attempt', JSON.parse('{"__proto__": {"x": 1}, "code": "GEO"}')],
    ])('refuses %s with a 400 problem listing the fields', async (_label, payload) => {
      const before = await countStates();
      const res = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/member-states',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toMatch(/validation_failed|bad_request/);
      expect(await countStates()).toBe(before);
    });

    it.each([
      '/api/v1/member-states?limit=0',
      '/api/v1/member-states?limit=201',
      '/api/v1/member-states?limit=abc',
      '/api/v1/member-states?cursor=%%%',
      '/api/v1/member-states?cursor=bm90IGpzb24',
      '/api/v1/member-states?status=unknown',
      '/api/v1/member-states?limit=1&limit=2',
    ])('refuses the bad query %s with a 400 problem', async (url) => {
      const res = await t.as('observer', { method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toMatch(/^query\./);
    });

    it('answers unknown routes and methods with problems', async () => {
      const missing = await t.as('anonymous', { method: 'GET', url: '/api/v1/nothing-here' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('not_found');
      const method = await t.as('anonymous', { method: 'PUT', url: '/api/v1/member-states' });
      expect(method.statusCode).toBe(404);
    });

    it('refuses NUL characters in the path, query and body with a 400', async () => {
      const path = await t.as('anonymous', {
        method: 'GET',
        url: `/api/v1/member-states/${'%00'.repeat(3)}`,
      });
      expect(path.statusCode).toBe(400);
      const query = await t.as('observer', { method: 'GET', url: '/api/v1/member-states?q=a%00b' });
      expect(query.statusCode).toBe(400);
      const body = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/member-states',
        payload: { code: 'GEO', name: { en: 'Geo\u0000rgia' } },
      });
      expect(body.statusCode).toBe(400);
      expect(body.json().errors).toEqual([
        { path: 'name.en', message: 'NUL characters are not allowed' },
      ]);
    });

    it('treats a malformed If-Match as not matching: 412, nothing changed', async () => {
      const res = await t.as('secretariat', {
        method: 'PATCH',
        url: '/api/v1/member-states/ARM',
        headers: { 'if-match': 'garbage' },
        payload: { status: 'former' },
      });
      expect(res.statusCode).toBe(412);
      const state = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/ARM' });
      expect(state.json().status).toBe('member');
    });
  });

  describe('idempotency keys', () => {
    it('replays the first answer of a repeated POST and creates nothing new', async () => {
      const send = (code: string) =>
        t.as('secretariat', {
          method: 'POST',
          url: '/api/v1/member-states',
          headers: { 'idempotency-key': 'create-mda-1' },
          payload: { code, name: { en: 'Moldova' } },
        });
      const first = await send('MDA');
      expect(first.statusCode).toBe(201);
      const before = await countStates();
      const second = await send('MDA');
      expect(second.statusCode).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.headers.location).toBe(first.headers.location);
      expect(second.json()).toEqual(first.json());
      expect(await countStates()).toBe(before);
      const other = await send('MNG');
      expect(other.statusCode).toBe(422);
      expect(await countStates()).toBe(before);
    });

    it('keeps keys per caller', async () => {
      const res = await t.as('admin', {
        method: 'POST',
        url: '/api/v1/member-states',
        headers: { 'idempotency-key': 'create-mda-1' },
        payload: { code: 'MNG', name: { en: 'Mongolia' } },
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    });

    it('does not store a refused request, so it can be corrected and retried', async () => {
      const bad = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/member-states',
        headers: { 'idempotency-key': 'k-retry' },
        payload: { code: 'xx' },
      });
      expect(bad.statusCode).toBe(400);
      const good = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/member-states',
        headers: { 'idempotency-key': 'k-retry-2' },
        payload: { code: 'SRB', name: { en: 'Serbia' } },
      });
      expect(good.statusCode).toBe(201);
    });
  });

  describe('audit trail', () => {
    it('records every write with who did it, readable by admins only', async () => {
      await t.as('secretariat', {
        method: 'PATCH',
        url: '/api/v1/member-states/BLR',
        payload: { name: { en: 'Belarus', ru: 'Беларусь' } },
      });
      const res = await t.as('admin', {
        method: 'GET',
        url: '/api/v1/audit-events?entityType=member_state&entityId=BLR',
      });
      expect(res.statusCode).toBe(200);
      const [event] = res.json().items;
      expect(event).toMatchObject({
        action: 'update',
        entityType: 'member_state',
        entityId: 'BLR',
        actorId: t.userIds.secretariat,
      });
      expect(event.change.name[1]).toEqual({ en: 'Belarus', ru: 'Беларусь' });
      expect(
        (await t.as('delegateArm', { method: 'GET', url: '/api/v1/audit-events' })).statusCode,
      ).toBe(403);
      expect(
        (await t.as('secretariat', { method: 'GET', url: '/api/v1/audit-events' })).statusCode,
      ).toBe(403);
    });

    it('verifies the chain and detects an edited or deleted event', async () => {
      const ok = await t.as('admin', { method: 'GET', url: '/api/v1/audit-events/verify' });
      expect(ok.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
      expect(ok.json().checked).toBeGreaterThan(3);

      const target = await t.handle.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('entityId', '=', 'BLR')
        .executeTakeFirstOrThrow();
      await t.handle.db
        .updateTable('auditEvents')
        .set({ change: '{"name":"tampered"}' })
        .where('seq', '=', target.seq)
        .execute();
      const edited = await t.as('admin', { method: 'GET', url: '/api/v1/audit-events/verify' });
      expect(edited.json()).toMatchObject({
        ok: false,
        firstBrokenSeq: target.seq,
        reason: 'event altered',
      });

      await t.handle.db
        .updateTable('auditEvents')
        .set({ change: target.change })
        .where('seq', '=', target.seq)
        .execute();
      await t.handle.db.deleteFrom('auditEvents').where('seq', '=', 2).execute();
      const deleted = await t.as('admin', { method: 'GET', url: '/api/v1/audit-events/verify' });
      expect(deleted.json()).toMatchObject({
        ok: false,
        firstBrokenSeq: 2,
        reason: 'missing event',
      });
    });
  });

  describe('operations', () => {
    it('serves health, readiness and Prometheus metrics', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
        status: 'ok',
      });
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
        status: 'ready',
      });
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toContain('plenum_http_request_duration_seconds');
    });

    it('sends security headers with a strict CSP', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/member-states' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.paths['/api/v1/member-states'].post.requestBody).toBeDefined();
      expect(doc.paths['/api/v1/member-states/{code}'].patch).toBeDefined();
      const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toContain('text/html');
    });
  });

  // Found by wapiti's backup module (npm run test:security): every `/app/assets/x.js.bak` answered
  // 200 with the client's page.
  describe('the workspace client', () => {
    let web: TestApp;
    let webDir: string;
    beforeAll(async () => {
      webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-web-'));
      fs.mkdirSync(path.join(webDir, 'assets'));
      fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Plenum</title>');
      fs.writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), 'export {};');
      web = await createTestApp({ webDir });
    });
    afterAll(async () => {
      await web.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    });

    it('answers a missing build file with 404 and client routes with the page', async () => {
      const asset = await web.app.inject({ method: 'GET', url: '/app/assets/index-abc123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.body).toBe('export {};');
      for (const url of ['/app/assets/index-abc123.js.bak', '/app/assets/backup.sql']) {
        const res = await web.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).not.toContain('<title>Plenum</title>');
      }
      const route = await web.app.inject({ method: 'GET', url: '/app/meetings/some-id' });
      expect(route.statusCode).toBe(200);
      expect(route.body).toContain('<title>Plenum</title>');
    });
  });
});
