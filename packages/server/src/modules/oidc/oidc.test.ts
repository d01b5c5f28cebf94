import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { calculatePKCECodeChallenge } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, loginWithPassword, type TestApp } from '../../../test/app.ts';
import { loadConfig } from '../../config.ts';

const PUBLIC_URL = 'http://plenum.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;

/** The provider's accounts: sub → claims. Tests change them between sign-ins. */
const accounts = new Map<string, Record<string, unknown>>();

/** A real OpenID Connect provider (oidc-provider) on 127.0.0.1, signing in with its dev forms. */
async function startProvider(): Promise<{ issuer: string; close: () => Promise<void> }> {
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'plenum',
        client_secret: 'a-client-secret-of-the-test',
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        // A public client: no secret, PKCE alone binds the code to the sign-in.
        client_id: 'plenum-public',
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      plenum: ['groups', 'member_state'],
    },
    async findAccount(_ctx: unknown, sub: string) {
      const claims = accounts.get(sub);
      return claims && { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    cookies: { keys: ['a-cookie-key-of-the-test'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
  });
  handler = provider.callback();
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the provider's redirects like a browser (with a cookie jar), signs in as `account` and
 * consents on the dev interaction forms, and returns the URL the provider sends back to Plenum.
 */
async function authorizeAtProvider(authorizationUrl: string, account: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) {
        jar.set(name, value);
      } else {
        jar.delete(name);
      }
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(CALLBACK)) {
        return next;
      }
      url = next;
      init = {};
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !prompt) {
      throw new Error(`unexpected answer of the provider: ${res.status} ${html.slice(0, 300)}`);
    }
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(
        prompt === 'login' ? { prompt, login: account, password: 'any' } : { prompt },
      ).toString(),
    };
  }
  throw new Error('too many redirects at the provider');
}

const oidcCookie = (res: LightMyRequestResponse) =>
  res.cookies.find((c) => c.name === 'plenum_oidc')?.value ?? '';
const sessionCookieOf = (res: LightMyRequestResponse) => {
  const value = res.cookies.find((c) => c.name === 'plenum_session')?.value;
  return value ? `plenum_session=${value}` : '';
};
const pathOf = (url: URL) => `${url.pathname}${url.search}`;

describe(`single sign-on through OpenID Connect (${DIALECT})`, () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let t: TestApp;
  const ssoEnv = (issuer: string) => ({
    PLENUM_PUBLIC_URL: PUBLIC_URL,
    PLENUM_OIDC_ISSUER: issuer,
    PLENUM_OIDC_CLIENT_ID: 'plenum',
    PLENUM_OIDC_CLIENT_SECRET: 'a-client-secret-of-the-test',
    PLENUM_OIDC_SCOPES: 'openid email profile plenum',
    PLENUM_OIDC_ROLE_CLAIM: 'groups',
    PLENUM_OIDC_ROLE_MAP: 'plenum-admins=admin,plenum-secretariat=secretariat,delegates=delegate',
    PLENUM_OIDC_STATE_CLAIM: 'member_state',
    PLENUM_OIDC_LABEL: 'Commission account',
  });

  beforeAll(async () => {
    provider = await startProvider();
    t = await createTestApp({ env: ssoEnv(provider.issuer) });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  const start = (returnTo = '/app/meetings', app = t) =>
    app.app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
    });

  /** The whole flow: start at Plenum, sign in at the provider, come back to the callback. */
  async function signIn(account: string, opts: { returnTo?: string; app?: TestApp } = {}) {
    const app = opts.app ?? t;
    const started = await start(opts.returnTo, app);
    expect(started.statusCode).toBe(302);
    const back = await authorizeAtProvider(started.headers.location as string, account);
    const callback = await app.app.inject({
      method: 'GET',
      url: pathOf(back),
      cookies: { plenum_oidc: oidcCookie(started) },
    });
    return { started, back, callback, cookie: sessionCookieOf(callback) };
  }

  const meOf = async (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  const usersByEmail = (email: string) =>
    t.handle.db.selectFrom('users').selectAll().where('email', '=', email).execute();
  const identitiesOf = (userId: string) =>
    t.handle.db.selectFrom('userIdentities').selectAll().where('userId', '=', userId).execute();

  it('tells the login page that single sign-on is configured, with its label', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      oidc: { label: 'Commission account', loginUrl: '/api/v1/auth/oidc/login' },
    });
  });

  it('redirects to the provider with state, nonce and PKCE S256, keeping the verifier server-side', async () => {
    const res = await start('/app/decisions?status=overdue');
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/auth`);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('plenum');
    expect(q.get('redirect_uri')).toBe(CALLBACK);
    expect(q.get('scope')).toBe('openid email profile plenum');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toEqual(expect.any(String));
    expect(q.get('nonce')).toEqual(expect.any(String));
    // The verifier never leaves the server: the row holds it, the URL only its challenge.
    expect(url.href).not.toContain('code_verifier');
    const cookie = res.cookies.find((c) => c.name === 'plenum_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
    const rows = await t.handle.db
      .selectFrom('oidcLogins')
      .selectAll()
      .where('state', '=', q.get('state') as string)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      nonce: q.get('nonce'),
      returnTo: '/app/decisions?status=overdue',
    });
    expect(await calculatePKCECodeChallenge(rows[0]!.codeVerifier)).toBe(q.get('code_challenge'));
    expect(Date.parse(rows[0]!.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  });

  it('refuses a returnTo that leaves the site (open redirect), storing nothing', async () => {
    const before = await t.handle.db.selectFrom('oidcLogins').select('id').execute();
    for (const returnTo of [
      '//evil.example/app',
      'https://evil.example/',
      '/\\evil.example',
      '/app/\tx',
      'javascript:alert(1)',
      'app/meetings',
    ]) {
      const res = await start(returnTo);
      expect(res.statusCode, returnTo).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([
        { path: 'query.returnTo', message: 'Give a path of this site, such as /app/' },
      ]);
      expect(res.headers.location).toBeUndefined();
    }
    const ru = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/login?returnTo=//evil.example',
      headers: { 'x-plenum-language': 'ru' },
    });
    expect(ru.json().errors[0].message).toBe('Укажите путь на этом сайте, например /app/');
    const after = await t.handle.db.selectFrom('oidcLogins').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('creates the user at the first sign-in with the mapped role and member state, and starts a session', async () => {
    accounts.set('alice', {
      email: 'Alice@Example.org',
      email_verified: true,
      name: 'Alice Arm',
      groups: ['staff', 'delegates'],
      member_state: 'arm',
    });
    const { callback, cookie, started } = await signIn('alice');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/app/meetings');
    // The sign-in cookie ends, the session cookie is set as the password sign-in sets it.
    expect(callback.cookies.find((c) => c.name === 'plenum_oidc')?.value).toBe('');
    expect(callback.cookies.find((c) => c.name === 'plenum_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
    const me = await meOf(cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'alice@example.org', name: 'Alice Arm', role: 'delegate', memberState: 'ARM' },
      csrfToken: expect.any(String),
    });
    const [user] = await usersByEmail('alice@example.org');
    const identities = await identitiesOf(user!.id);
    expect(identities).toEqual([
      expect.objectContaining({ issuer: provider.issuer, subject: 'alice', userId: user!.id }),
    ]);
    const audit = await t.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', user!.id)
      .execute();
    expect(audit.map((e) => [e.action, JSON.parse(e.change)])).toEqual([
      ['create', expect.objectContaining({ role: 'delegate', memberState: 'ARM', source: 'oidc' })],
    ]);
    // The sign-in row is gone: the flow is single-use.
    const left = await t.handle.db
      .selectFrom('oidcLogins')
      .select('id')
      .where('returnTo', '=', '/app/meetings')
      .execute();
    expect(left).toHaveLength(0);
    expect(oidcCookie(started)).not.toBe('');
    // The session is a real one: a cookie-authenticated write needs its CSRF token.
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie, 'x-csrf-token': me.json().csrfToken },
      payload: { language: 'ru' },
    });
    expect(write.statusCode).toBe(200);
  });

  it('links the same user at the next sign-in, rotating the session', async () => {
    const first = await signIn('alice');
    const second = await signIn('alice', { returnTo: '/app/' });
    expect(second.callback.headers.location).toBe('/app/');
    expect(second.cookie).not.toBe(first.cookie);
    const users = await usersByEmail('alice@example.org');
    expect(users).toHaveLength(1);
    expect(await identitiesOf(users[0]!.id)).toHaveLength(1);
    expect((await meOf(second.cookie)).json().user.id).toBe(users[0]!.id);
    // A session the browser already had is replaced, not kept beside the new one.
    const started = await start('/app/');
    const back = await authorizeAtProvider(started.headers.location as string, 'alice');
    const third = await t.app.inject({
      method: 'GET',
      url: pathOf(back),
      cookies: {
        plenum_oidc: oidcCookie(started),
        plenum_session: second.cookie.split('=')[1]!,
      },
    });
    expect(third.headers.location).toBe('/app/');
    expect((await meOf(second.cookie)).statusCode).toBe(401);
    expect((await meOf(sessionCookieOf(third))).statusCode).toBe(200);
  });

  it('applies a role change made at the provider at the next sign-in, audited, ending old sessions', async () => {
    const before = await signIn('alice');
    const [user] = await usersByEmail('alice@example.org');
    accounts.set('alice', {
      ...accounts.get('alice'),
      // Two mapped values: the higher-ranking role wins.
      groups: ['delegates', 'plenum-secretariat'],
    });
    const after = await signIn('alice');
    expect(after.callback.headers.location).toBe('/app/meetings');
    expect((await meOf(after.cookie)).json().user).toMatchObject({
      id: user!.id,
      role: 'secretariat',
      memberState: null,
    });
    expect((await meOf(before.cookie)).statusCode).toBe(401);
    const update = await t.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', user!.id)
      .where('action', '=', 'update')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(update.change)).toMatchObject({
      role: 'secretariat',
      memberState: null,
      source: 'oidc',
      subject: 'alice',
    });
    accounts.set('alice', { ...accounts.get('alice'), groups: ['delegates'] });
    const back = await signIn('alice');
    expect((await meOf(back.cookie)).json().user).toMatchObject({
      role: 'delegate',
      memberState: 'ARM',
    });
  });

  it('refuses an account whose claims map to no role, creating nothing', async () => {
    accounts.set('bob', {
      email: 'bob@example.org',
      email_verified: true,
      groups: ['visitors'],
    });
    const { callback } = await signIn('bob');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/app/login?error=sso_denied');
    expect(sessionCookieOf(callback)).toBe('');
    expect(await usersByEmail('bob@example.org')).toHaveLength(0);
    const identities = await t.handle.db
      .selectFrom('userIdentities')
      .select('id')
      .where('subject', '=', 'bob')
      .execute();
    expect(identities).toHaveLength(0);
  });

  it('refuses a delegate without a known member state', async () => {
    for (const member_state of ['XYZ', undefined, ['ARM', 'BLR']]) {
      accounts.set('carol', {
        email: 'carol@example.org',
        email_verified: true,
        groups: 'delegates',
        member_state,
      });
      const { callback } = await signIn('carol');
      expect(callback.headers.location, String(member_state)).toBe('/app/login?error=sso_denied');
      expect(await usersByEmail('carol@example.org')).toHaveLength(0);
    }
    // A string claim, not only an array, carries the role.
    accounts.set('carol', { ...accounts.get('carol'), member_state: 'BLR' });
    const ok = await signIn('carol');
    expect((await meOf(ok.cookie)).json().user).toMatchObject({
      role: 'delegate',
      memberState: 'BLR',
    });
  });

  it('links an existing local user by verified e-mail; an unverified one is refused', async () => {
    accounts.set('mallory', {
      email: 'observer@example.org',
      email_verified: false,
      groups: ['plenum-admins'],
    });
    const refused = await signIn('mallory');
    expect(refused.callback.headers.location).toBe('/app/login?error=sso_denied');
    const observer = await t.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', t.userIds.observer)
      .executeTakeFirstOrThrow();
    expect(observer.role).toBe('observer');
    expect(await identitiesOf(t.userIds.observer)).toHaveLength(0);

    accounts.set('olga', {
      email: 'observer@example.org',
      email_verified: true,
      groups: ['plenum-secretariat'],
    });
    const linked = await signIn('olga');
    expect(linked.callback.headers.location).toBe('/app/meetings');
    expect((await meOf(linked.cookie)).json().user).toMatchObject({
      id: t.userIds.observer,
      role: 'secretariat',
    });
    expect(await identitiesOf(t.userIds.observer)).toEqual([
      expect.objectContaining({ subject: 'olga' }),
    ]);
  });

  it('refuses a deactivated user', async () => {
    accounts.set('dave', {
      email: 'dave@example.org',
      email_verified: true,
      groups: ['delegates'],
      member_state: 'KAZ',
    });
    const first = await signIn('dave');
    const [dave] = await usersByEmail('dave@example.org');
    expect((await meOf(first.cookie)).statusCode).toBe(200);
    const off = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${dave!.id}`,
      headers: { 'if-match': `"${dave!.version}"` },
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    const again = await signIn('dave');
    expect(again.callback.headers.location).toBe('/app/login?error=sso_denied');
    expect(sessionCookieOf(again.callback)).toBe('');
  });

  it('refuses a callback whose state does not match, and the sign-in cannot be retried', async () => {
    accounts.set('erin', {
      email: 'erin@example.org',
      email_verified: true,
      groups: ['plenum-admins'],
    });
    const started = await start();
    const back = await authorizeAtProvider(started.headers.location as string, 'erin');
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state');
    const cookies = { plenum_oidc: oidcCookie(started) };
    const bad = await t.app.inject({ method: 'GET', url: pathOf(forged), cookies });
    expect(bad.headers.location).toBe('/app/login?error=sso_failed');
    expect(sessionCookieOf(bad)).toBe('');
    const genuine = await t.app.inject({ method: 'GET', url: pathOf(back), cookies });
    expect(genuine.headers.location).toBe('/app/login?error=sso_failed');
    expect(await usersByEmail('erin@example.org')).toHaveLength(0);
  });

  it('refuses a replayed callback', async () => {
    const { back, started, callback } = await signIn('alice');
    expect(callback.headers.location).toBe('/app/meetings');
    const replay = await t.app.inject({
      method: 'GET',
      url: pathOf(back),
      cookies: { plenum_oidc: oidcCookie(started) },
    });
    expect(replay.headers.location).toBe('/app/login?error=sso_failed');
    expect(sessionCookieOf(replay)).toBe('');
  });

  it('refuses a callback without the sign-in cookie, or after the sign-in expired', async () => {
    const started = await start();
    const back = await authorizeAtProvider(started.headers.location as string, 'alice');
    const none = await t.app.inject({ method: 'GET', url: pathOf(back) });
    expect(none.headers.location).toBe('/app/login?error=sso_failed');
    await t.handle.db
      .updateTable('oidcLogins')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const late = await t.app.inject({
      method: 'GET',
      url: pathOf(back),
      cookies: { plenum_oidc: oidcCookie(started) },
    });
    expect(late.headers.location).toBe('/app/login?error=sso_failed');
    expect(sessionCookieOf(late)).toBe('');
  });

  it('ends on the login page when the provider answers with an error', async () => {
    const started = await start();
    const state = new URL(started.headers.location as string).searchParams.get('state');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
      cookies: { plenum_oidc: oidcCookie(started) },
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/app/login?error=sso_failed');
    expect(sessionCookieOf(res)).toBe('');
  });

  it('keeps local accounts working beside single sign-on', async () => {
    const { response } = await loginWithPassword(t.app, 'secretariat@example.org');
    expect(response.statusCode).toBe(200);
    // A user created by single sign-on has no password anyone knows.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'alice@example.org', password: '' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('with PLENUM_OIDC_CREATE_USERS=false, only existing users (by verified e-mail) sign in', async () => {
    const closed = await createTestApp({
      env: { ...ssoEnv(provider.issuer), PLENUM_OIDC_CREATE_USERS: 'false' },
    });
    try {
      accounts.set('frank', {
        email: 'frank@example.org',
        email_verified: true,
        groups: ['plenum-admins'],
      });
      const unknown = await signIn('frank', { app: closed });
      expect(unknown.callback.headers.location).toBe('/app/login?error=sso_denied');
      const count = await closed.handle.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'frank@example.org')
        .execute();
      expect(count).toHaveLength(0);
      accounts.set('gina', {
        email: 'delegateblr@example.org',
        email_verified: true,
        groups: ['delegates'],
        member_state: 'BLR',
      });
      const known = await signIn('gina', { app: closed, returnTo: '/app/decisions' });
      expect(known.callback.headers.location).toBe('/app/decisions');
    } finally {
      await closed.close();
    }
  });

  it('signs in as a public client (no secret) with PKCE alone', async () => {
    const open = await createTestApp({
      env: {
        ...ssoEnv(provider.issuer),
        PLENUM_OIDC_CLIENT_ID: 'plenum-public',
        PLENUM_OIDC_CLIENT_SECRET: '',
      },
    });
    try {
      accounts.set('hana', {
        email: 'hana@example.org',
        email_verified: true,
        groups: ['plenum-secretariat'],
      });
      const { callback, cookie } = await signIn('hana', { app: open });
      expect(callback.headers.location).toBe('/app/meetings');
      const me = await open.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie },
      });
      expect(me.json().user).toMatchObject({ email: 'hana@example.org', role: 'secretariat' });
    } finally {
      await open.close();
    }
  });
});

describe(`single sign-on not configured (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers 404 problems for the SSO routes and says so to the login page', async () => {
    const providers = await t.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(providers.json()).toEqual({ oidc: null });
    for (const url of [
      '/api/v1/auth/oidc/login?returnTo=/app/',
      '/api/v1/auth/oidc/callback?code=x&state=y',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toBe('Single sign-on is not configured.');
    }
    const rows = await t.handle.db.selectFrom('oidcLogins').select('id').execute();
    expect(rows).toHaveLength(0);
  });
});

describe(`single sign-on with its provider unreachable (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 9 (discard) here: discovery fails at once.
    t = await createTestApp({
      env: {
        PLENUM_OIDC_ISSUER: 'http://127.0.0.1:9',
        PLENUM_OIDC_CLIENT_ID: 'plenum',
        PLENUM_OIDC_ROLE_MAP: 'staff=secretariat',
      },
    });
  });
  afterAll(async () => t.close());

  it('answers 503 and keeps no sign-in row', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toBe('The sign-on provider cannot be reached; try again later.');
    expect(await t.handle.db.selectFrom('oidcLogins').select('id').execute()).toHaveLength(0);
  });
});

describe('single sign-on configuration', () => {
  const base = {
    PLENUM_OIDC_ISSUER: 'https://id.example.org/realms/commission',
    PLENUM_OIDC_CLIENT_ID: 'plenum',
    PLENUM_OIDC_ROLE_MAP: 'admins=admin, delegates=delegate',
  };

  it('reads the PLENUM_OIDC_* variables with their defaults', () => {
    expect(loadConfig(base).oidc).toEqual({
      issuer: base.PLENUM_OIDC_ISSUER,
      clientId: 'plenum',
      clientSecret: undefined,
      scopes: 'openid email profile',
      roleClaim: 'groups',
      roleMap: [
        { value: 'admins', role: 'admin' },
        { value: 'delegates', role: 'delegate' },
      ],
      stateClaim: 'member_state',
      label: 'Single sign-on',
      createUsers: true,
    });
    expect(loadConfig({}).oidc).toBeNull();
  });

  it('refuses to start with an unsafe or incomplete configuration', () => {
    for (const [env, message] of [
      [{ PLENUM_OIDC_ISSUER: 'http://id.example.org' }, /must be https/],
      [{ PLENUM_OIDC_CLIENT_ID: '' }, /oidc\.clientId/],
      [{ PLENUM_OIDC_ROLE_MAP: '' }, /PLENUM_OIDC_ROLE_MAP/],
      [{ PLENUM_OIDC_ROLE_MAP: 'admins=superuser' }, /"admins=superuser" is not value=/],
      [{ PLENUM_OIDC_SCOPES: 'email profile' }, /must include openid/],
      [{ PLENUM_OIDC_CREATE_USERS: 'maybe' }, /oidc\.createUsers/],
    ] as const) {
      expect(() => loadConfig({ ...base, ...env }), JSON.stringify(env)).toThrow(message);
    }
  });
});
