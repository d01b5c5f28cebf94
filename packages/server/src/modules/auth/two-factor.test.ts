import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  DIALECT,
  loginWithPassword,
  PASSWORD,
  type TestApp,
} from '../../../test/app.ts';

const codeAt = (secret: string, offsetSeconds = 0) =>
  new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });

describe(`two-factor sign-in (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const login = (email: string, extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD, ...extra },
    });
  const auditActions = async (entityId: string) =>
    (
      await t.handle.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityId', '=', entityId)
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);

  /** Enrols a user through the API (bearer token) and returns the secret and recovery codes. */
  async function enrol(caller: 'observer' | 'delegateArm' | 'secretariat') {
    const started = await t.as(caller, { method: 'POST', url: '/api/v1/auth/totp' });
    expect(started.statusCode).toBe(200);
    const { secret, uri, qrSvg } = started.json();
    const confirmCode = codeAt(secret);
    const confirmed = await t.as(caller, {
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: confirmCode },
    });
    expect(confirmed.statusCode).toBe(200);
    return {
      secret,
      uri,
      qrSvg,
      confirmCode,
      recoveryCodes: confirmed.json().recoveryCodes as string[],
    };
  }

  it('enrols: secret, otpauth URI and QR SVG once; a wrong code is refused; ten recovery codes', async () => {
    const started = await t.as('observer', { method: 'POST', url: '/api/v1/auth/totp' });
    expect(started.statusCode).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const { secret, uri, qrSvg } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Plenum:observer%40example\.org\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const wrong = await t.as('observer', {
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: codeAt(secret, -300) },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { path: 'code', message: 'The code is wrong or expired.' },
    ]);
    const malformed = await t.as('observer', {
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: '12ab56' },
    });
    expect(malformed.statusCode).toBe(400);
    const me = await t.as('observer', { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().totpEnabled).toBe(false);

    const confirmed = await t.as('observer', {
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: codeAt(secret) },
    });
    expect(confirmed.statusCode).toBe(200);
    const codes = confirmed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // Stored hashed; the secret never comes back.
    const stored = await t.handle.db.selectFrom('userRecoveryCodes').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(codes[0]);
    expect(
      (await t.as('observer', { method: 'GET', url: '/api/v1/auth/me' })).json(),
    ).toMatchObject({ totpEnabled: true });
    const again = await t.as('observer', { method: 'POST', url: '/api/v1/auth/totp' });
    expect(again.statusCode).toBe(409);
    expect(await auditActions(t.userIds.observer)).toContain('totp_enable');
  });

  it('signs in only with a code; each code works once; wrong codes count towards the lockout', async () => {
    const { secret, confirmCode } = await enrol('delegateArm');
    const email = 'delegatearm@example.org';
    const first = await login(email);
    expect(first.statusCode).toBe(401);
    expect(first.json()).toMatchObject({ code: 'totp_required', type: '/problems/totp-required' });
    expect(first.cookies.find((c) => c.name === 'plenum_session')).toBeUndefined();

    // The confirming code was spent: the same step again is refused.
    const reused = await login(email, { totpCode: confirmCode });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('unauthenticated');
    const next = codeAt(secret, 30);
    const ok = await login(email, { totpCode: next });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ totpEnabled: true, totpEnrollmentRequired: false });
    expect(ok.cookies.find((c) => c.name === 'plenum_session')).toBeDefined();
    const replay = await login(email, { totpCode: next });
    expect(replay.statusCode).toBe(401);

    // The success cleared the earlier failures; the replay is one, two more set off the slow-down.
    const attempt = await t.handle.db
      .selectFrom('loginAttempts')
      .selectAll()
      .where('key', '=', email)
      .executeTakeFirst();
    expect(attempt?.failures).toBe(1);
    expect((await login(email, { totpCode: '000000' })).statusCode).toBe(401);
    expect((await login(email, { recoveryCode: 'aaaaa-bbbbb' })).statusCode).toBe(401);
    const slowed = await login(email, { totpCode: codeAt(secret, 30) });
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    await t.handle.db.deleteFrom('loginAttempts').where('key', '=', email).execute();
  });

  it('a recovery code signs in once, in place of a code, and is audited', async () => {
    const { recoveryCodes } = await enrol('secretariat');
    const email = 'secretariat@example.org';
    const code = recoveryCodes[3] as string;
    const ok = await login(email, { recoveryCode: code.toUpperCase() });
    expect(ok.statusCode).toBe(200);
    const again = await login(email, { recoveryCode: code });
    expect(again.statusCode).toBe(401);
    const events = await t.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'recovery_code_use')
      .where('entityId', '=', t.userIds.secretariat)
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.change ?? '{}')).toEqual({ recoveryCodesLeft: 9 });
    await t.handle.db.deleteFrom('loginAttempts').where('key', '=', email).execute();
  });

  it('turns off with the password or a code, not without; audited', async () => {
    const refused = await t.as('observer', {
      method: 'DELETE',
      url: '/api/v1/auth/totp',
      payload: { password: 'not the password' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('password');
    const empty = await t.as('observer', {
      method: 'DELETE',
      url: '/api/v1/auth/totp',
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const off = await t.as('observer', {
      method: 'DELETE',
      url: '/api/v1/auth/totp',
      payload: { password: PASSWORD },
    });
    expect(off.statusCode).toBe(204);
    expect(
      (await t.as('observer', { method: 'GET', url: '/api/v1/auth/me' })).json().totpEnabled,
    ).toBe(false);
    expect((await loginWithPassword(t.app, 'observer@example.org')).response.statusCode).toBe(200);
    expect(await auditActions(t.userIds.observer)).toContain('totp_disable');
  });

  it('the admin requires two-factor sign-in: settings, enrolment-only sessions, no turning off', async () => {
    for (const caller of ['secretariat', 'observer'] as const) {
      expect(
        (await t.as(caller, { method: 'GET', url: '/api/v1/settings/security' })).statusCode,
      ).toBe(403);
      expect(
        (
          await t.as(caller, {
            method: 'PATCH',
            url: '/api/v1/settings/security',
            payload: { requireTotp: true },
          })
        ).statusCode,
      ).toBe(403);
    }
    expect(
      (await t.as('anonymous', { method: 'GET', url: '/api/v1/settings/security' })).statusCode,
    ).toBe(401);
    const read = await t.as('admin', { method: 'GET', url: '/api/v1/settings/security' });
    expect(read.json()).toMatchObject({ requireTotp: false, version: 0 });
    const bad = await t.as('admin', {
      method: 'PATCH',
      url: '/api/v1/settings/security',
      payload: { requireTotp: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    const on = await t.as('admin', {
      method: 'PATCH',
      url: '/api/v1/settings/security',
      headers: { 'if-match': '"0"' },
      payload: { requireTotp: true },
    });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ requireTotp: true, version: 1 });
    expect(on.headers.etag).toBe('"1"');
    const stale = await t.as('admin', {
      method: 'PATCH',
      url: '/api/v1/settings/security',
      headers: { 'if-match': '"0"' },
      payload: { requireTotp: false },
    });
    expect(stale.statusCode).toBe(412);
    expect(await auditActions('security')).toEqual(['update']);

    // delegateBlr has no second factor: its password sign-in may only enrol.
    const s = await loginWithPassword(t.app, 'delegateblr@example.org');
    expect(s.response.statusCode).toBe(200);
    expect(s.response.json()).toMatchObject({ totpEnrollmentRequired: true, totpEnabled: false });
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().totpEnrollmentRequired).toBe(true);
    for (const [method, url] of [
      ['GET', '/api/v1/member-states'],
      ['GET', '/api/v1/documents'],
      ['POST', '/api/v1/auth/tokens'],
      ['PATCH', '/api/v1/auth/me'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers, payload: { name: 'x' } });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'totp_enrollment_required',
        type: '/problems/totp-enrollment-required',
      });
    }
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers });
    expect(started.statusCode).toBe(200);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      headers,
      payload: { code: codeAt(started.json().secret) },
    });
    expect(confirmed.statusCode).toBe(200);
    // Enrolled: the same session now opens everything.
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/member-states', headers });
    expect(after.statusCode).toBe(200);

    // While required, turning it off is refused; a bearer token is not an enrolment-only session.
    const off = await t.as('delegateArm', {
      method: 'DELETE',
      url: '/api/v1/auth/totp',
      payload: { password: PASSWORD },
    });
    expect(off.statusCode).toBe(403);
    const back = await t.as('admin', {
      method: 'PATCH',
      url: '/api/v1/settings/security',
      payload: { requireTotp: false },
    });
    expect(back.json()).toMatchObject({ requireTotp: false, version: 2 });
  });

  it('an admin resets a user’s two-factor sign-in; the user’s sessions end', async () => {
    const email = 'delegateblr@example.org';
    const session = await login(email, {
      totpCode: codeAt(
        (
          await t.handle.db
            .selectFrom('userTotp')
            .select('secret')
            .where('userId', '=', t.userIds.delegateBlr)
            .executeTakeFirstOrThrow()
        ).secret,
        30,
      ),
    });
    expect(session.statusCode).toBe(200);
    const cookie = `plenum_session=${session.cookies.find((c) => c.name === 'plenum_session')?.value}`;
    expect(
      (
        await t.as('secretariat', {
          method: 'DELETE',
          url: `/api/v1/users/${t.userIds.delegateBlr}/totp`,
        })
      ).statusCode,
    ).toBe(403);
    const reset = await t.as('admin', {
      method: 'DELETE',
      url: `/api/v1/users/${t.userIds.delegateBlr}/totp`,
    });
    expect(reset.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await loginWithPassword(t.app, email)).response.statusCode).toBe(200);
  });

  it('documents the second factor in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/auth/login'].post.description).toContain('totp_required');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/totp',
        '/api/v1/auth/totp/confirm',
        '/api/v1/settings/security',
      ]),
    );
  });
});
