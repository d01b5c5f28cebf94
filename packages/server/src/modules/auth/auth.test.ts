import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  DIALECT,
  loginWithPassword,
  PASSWORD,
  type TestApp,
} from '../../../test/app.ts';

describe(`authentication (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('signs in with the password: HttpOnly SameSite=Lax cookie, the user and a CSRF token', async () => {
    const { response } = await loginWithPassword(t.app, 'secretariat@example.org');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'secretariat@example.org', role: 'secretariat' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toEqual(expect.any(String));
    const cookie = response.cookies.find((c) => c.name === 'plenum_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('answers a wrong password and an unknown e-mail alike with 401', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'observer@example.org', password: 'not the password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('slows down repeated failures and then locks the account', async () => {
    const email = 'delegateblr@example.org';
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    for (let i = 0; i < 3; i++) {
      expect((await attempt('wrong password')).statusCode).toBe(401);
    }
    // The fourth attempt comes too soon: refused without checking, even with the right password.
    const throttled = await attempt(PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('rate_limited');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Simulate the failures piling up to the lock threshold.
    await t.handle.db
      .updateTable('loginAttempts')
      .set({ failures: 9, lastFailureAt: new Date(Date.now() - 3_600_000).toISOString() })
      .where('key', '=', email)
      .execute();
    expect((await attempt('wrong password')).statusCode).toBe(401);
    const locked = await attempt(PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('locked');
    // Locked for fifteen minutes.
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
  });

  it('GET /auth/me needs a session or token', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    const { cookie, csrfToken } = await loginWithPassword(t.app, 'observer@example.org');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { role: 'observer' }, csrfToken });
  });

  it('refuses a cookie-authenticated write without the right X-CSRF-Token', async () => {
    const { cookie, csrfToken } = await loginWithPassword(t.app, 'secretariat@example.org');
    const payload = { code: 'GEO', name: { en: 'Georgia' } };
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/member-states',
      headers: { cookie },
      payload,
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/member-states',
      headers: { cookie, 'x-csrf-token': 'x'.repeat(csrfToken.length) },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const list = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/GEO' });
    expect(list.statusCode).toBe(404);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/member-states',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload,
    });
    expect(right.statusCode).toBe(201);
  });

  it('gives a new session id at every login and ends the session at logout', async () => {
    const a = await loginWithPassword(t.app, 'observer@example.org');
    const b = await loginWithPassword(t.app, 'observer@example.org');
    expect(a.cookie).not.toBe(b.cookie);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: a.cookie },
    });
    expect(after.statusCode).toBe(401);
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: b.cookie },
    });
    expect(other.statusCode).toBe(200);
  });

  it('ends an idle session', async () => {
    const s = await loginWithPassword(t.app, 'observer@example.org');
    await t.handle.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - 24 * 3_600_000).toISOString() })
      .execute();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie },
    });
    expect(me.statusCode).toBe(401);
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    const keep = await loginWithPassword(t.app, 'delegatearm@example.org');
    const other = await loginWithPassword(t.app, 'delegatearm@example.org');
    const refused = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie: keep.cookie, 'x-csrf-token': keep.csrfToken },
      payload: { currentPassword: 'wrong', newPassword: 'a new long password 1' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { path: 'currentPassword', message: 'The current password is wrong.' },
    ]);
    const short = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie: keep.cookie, 'x-csrf-token': keep.csrfToken },
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(short.json().errors).toEqual([
      { path: 'newPassword', message: 'Use at least 12 characters' },
    ]);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie: keep.cookie, 'x-csrf-token': keep.csrfToken },
      payload: { currentPassword: PASSWORD, newPassword: 'a new long password 1', language: 'ru' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.language).toBe('ru');
    const stillIn = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: keep.cookie },
    });
    expect(stillIn.statusCode).toBe(200);
    const ended = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: other.cookie },
    });
    expect(ended.statusCode).toBe(401);
    const relogin = await loginWithPassword(
      t.app,
      'delegatearm@example.org',
      'a new long password 1',
    );
    expect(relogin.response.statusCode).toBe(200);
  });

  it('issues an API token once, stores only its hash, and revokes it', async () => {
    const created = await t.as('observer', {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'reporting tool' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^plm_/);
    const stored = await t.handle.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    const list = await t.as('observer', { method: 'GET', url: '/api/v1/auth/tokens' });
    expect(list.json().items.map((x: { name: string }) => x.name)).toContain('reporting tool');
    expect(JSON.stringify(list.json())).not.toContain(token);
    const use = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(use.statusCode).toBe(200);
    const foreign = await t.as('delegateArm', {
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${id}`,
    });
    expect(foreign.statusCode).toBe(404);
    const revoke = await t.as('observer', { method: 'DELETE', url: `/api/v1/auth/tokens/${id}` });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a malformed Authorization header and an unknown token with 401', async () => {
    for (const authorization of ['Bearer', 'Basic abc', 'Bearer plm_unknown', 'Bearer a b']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/member-states',
        headers: { authorization },
      });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    }
  });
});
