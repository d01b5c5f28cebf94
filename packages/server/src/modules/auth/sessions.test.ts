import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  DIALECT,
  loginWithPassword,
  PASSWORD,
  type TestApp,
} from '../../../test/app.ts';

const NEW_PASSWORD = 'violet tugboat nineteen ledger';

/** Issue 9: session ids rotate at sign-in and die at sign-out, password change and idleness. */
describe(`sessions (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // A small idle limit, reached by moving lastSeenAt back rather than by waiting.
    t = await createTestApp({ env: { PLENUM_SESSION_IDLE_MINUTES: '5' } });
  });
  afterAll(async () => t.close());

  const me = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
    res.cookies.find((c) => c.name === 'plenum_session')?.value;

  it('issues a new session id at sign-in: a cookie planted before is not the one after', async () => {
    const planted = 'attacker-chosen-session-value';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `plenum_session=${planted}` },
      payload: { email: 'observer@example.org', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const issued = sessionCookie(res);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await me(`plenum_session=${planted}`)).statusCode).toBe(401);
    expect((await me(`plenum_session=${issued}`)).statusCode).toBe(200);

    // Signing in again from a live session replaces it: the old id stops working.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `plenum_session=${issued}`, 'x-csrf-token': res.json().csrfToken },
      payload: { email: 'observer@example.org', password: PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    expect(sessionCookie(again)).not.toBe(issued);
    expect((await me(`plenum_session=${issued}`)).statusCode).toBe(401);
  });

  it('refuses the old cookie after sign-out and clears it', async () => {
    const s = await loginWithPassword(t.app, 'observer@example.org');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'plenum_session')?.value).toBe('');
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('a cookie-authenticated write without X-CSRF-Token is refused and changes nothing', async () => {
    const s = await loginWithPassword(t.app, 'observer@example.org');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: s.cookie },
      payload: { name: 'sneaky' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    const tokens = await t.handle.db
      .selectFrom('apiTokens')
      .select('id')
      .where('name', '=', 'sneaky')
      .execute();
    expect(tokens).toEqual([]);
  });

  it('ends every other session at one’s own password change', async () => {
    const keep = await loginWithPassword(t.app, 'delegatearm@example.org');
    const other = await loginWithPassword(t.app, 'delegatearm@example.org');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie: keep.cookie, 'x-csrf-token': keep.csrfToken },
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(keep.cookie)).statusCode).toBe(200);
    expect((await me(other.cookie)).statusCode).toBe(401);
  });

  it('ends the user’s sessions when an admin resets the password', async () => {
    const s = await loginWithPassword(t.app, 'delegateblr@example.org');
    expect((await me(s.cookie)).statusCode).toBe(200);
    const res = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${t.userIds.delegateBlr}`,
      payload: { password: NEW_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(s.cookie)).statusCode).toBe(401);
    expect(
      (await loginWithPassword(t.app, 'delegateblr@example.org', NEW_PASSWORD)).response.statusCode,
    ).toBe(200);
  });

  it('ends the user’s sessions when an admin deactivates the user', async () => {
    const s = await loginWithPassword(t.app, 'secretariat@example.org');
    const res = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${t.userIds.secretariat}`,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(s.cookie)).statusCode).toBe(401);
    expect((await loginWithPassword(t.app, 'secretariat@example.org')).response.statusCode).toBe(
      401,
    );
    const sessions = await t.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', t.userIds.secretariat)
      .execute();
    expect(sessions).toEqual([]);
    await t.handle.db.deleteFrom('loginAttempts').execute();
  });

  it('ends a session idle longer than PLENUM_SESSION_IDLE_MINUTES, not one idle less', async () => {
    const idle = await loginWithPassword(t.app, 'admin@example.org');
    const recent = await loginWithPassword(t.app, 'admin@example.org');
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const hash = async (cookie: string) => {
      const { createHash } = await import('node:crypto');
      return createHash('sha256').update(cookie.replace('plenum_session=', '')).digest('hex');
    };
    await t.handle.db
      .updateTable('sessions')
      .set({ lastSeenAt: ago(6) })
      .where('id', '=', await hash(idle.cookie))
      .execute();
    await t.handle.db
      .updateTable('sessions')
      .set({ lastSeenAt: ago(4) })
      .where('id', '=', await hash(recent.cookie))
      .execute();
    // Resolved sessions are cached for a few seconds: forget them, as another instance would.
    t.app.authCache.clearLocal();
    expect((await me(idle.cookie)).statusCode).toBe(401);
    expect((await me(recent.cookie)).statusCode).toBe(200);
    const rows = await t.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', await hash(idle.cookie))
      .execute();
    expect(rows).toEqual([]);
  });
});
