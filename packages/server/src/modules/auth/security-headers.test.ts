import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, PASSWORD, type TestApp } from '../../../test/app.ts';
import { multipart, pdf } from '../files/test-helpers.ts';

/** The headers every answer carries (helmet, computed once in platform/security-headers.ts). */
function expectBaseline(res: LightMyRequestResponse, what: string): void {
  const h = res.headers;
  const csp = String(h['content-security-policy'] ?? '');
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("base-uri 'self'");
  expect(csp, what).toContain("form-action 'self'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['x-frame-options'], what).toBe('SAMEORIGIN');
  expect(h['referrer-policy'], what).toBe('no-referrer');
  expect(h['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(h['cross-origin-resource-policy'], what).toBe('same-origin');
  expect(h['strict-transport-security'], what).toMatch(/max-age=\d{7,}/);
  expect(h['x-powered-by'], what).toBeUndefined();
  expect(h['permissions-policy'], what).toContain('camera=()');
}

describe(`security headers and CSP (${DIALECT})`, () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-web-'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><html><head><title>Plenum</title></head><body></body></html>',
    );
    t = await createTestApp({ webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('sign-in answers (CSRF token) are never stored by a cache', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'observer@example.org', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    expectBaseline(login, 'sign-in');
    const me = await t.as('observer', { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('on an API answer and a problem answer', async () => {
    const ok = await t.as('observer', { method: 'GET', url: '/api/v1/member-states' });
    expect(ok.statusCode).toBe(200);
    expectBaseline(ok, 'API answer');
    const problem = await t.as('anonymous', { method: 'GET', url: '/api/v1/users' });
    expect(problem.statusCode).toBe(401);
    expect(problem.headers['content-type']).toContain('application/problem+json');
    expectBaseline(problem, 'problem');
    const unknown = await t.as('anonymous', { method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expectBaseline(unknown, 'unknown route');
  });

  it('on a portal page, the workspace index and the feeds', async () => {
    const portal = await t.app.inject({ method: 'GET', url: '/en' });
    expect(portal.statusCode).toBe(200);
    expect(portal.headers['content-type']).toContain('text/html');
    expectBaseline(portal, 'portal');
    const app = await t.app.inject({ method: 'GET', url: '/app/' });
    expect(app.statusCode).toBe(200);
    expect(app.body).toContain('<title>Plenum</title>');
    expectBaseline(app, '/app/');
    const deep = await t.app.inject({ method: 'GET', url: '/app/meetings/123' });
    expectBaseline(deep, '/app/ deep link');
    for (const url of ['/feeds/news.rss', '/feeds/news.atom']) {
      const feed = await t.app.inject({ method: 'GET', url });
      expect(feed.statusCode, url).toBe(200);
      expectBaseline(feed, url);
    }
  });

  it('a file download is an attachment, not sniffed, and sandboxed', async () => {
    // A PDF, which a browser would otherwise render inline (with its scripts).
    const file = multipart(pdf('headers'), { name: 'draft.pdf' });
    const up = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/files',
      payload: file.payload,
      headers: file.headers,
    });
    expect(up.statusCode).toBe(201);
    const sha = up.json().sha256 as string;
    const res = await t.as('secretariat', { method: 'GET', url: `/api/v1/files/${sha}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(res.headers['content-type']).toBe('application/pdf');
  });
});
