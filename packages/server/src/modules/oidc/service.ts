import { type AuthProviders, ROLES, type Role, type SsoError } from '@plenum/shared';
import type { FastifyReply } from 'fastify';
import type * as oidc from 'openid-client';
import { type Config, isAllowedIssuer, type OidcConfig } from '../../config.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword, randomToken, sha256, startSession } from '../../platform/auth.ts';
import { type Actor, type Ctx, nowIso } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findUserByEmail, findUserById, type UserRow } from '../users/repository.ts';
import {
  deleteExpiredOidcLogins,
  deleteUserSessions,
  findIdentity,
  insertIdentity,
  insertOidcLogin,
  insertSsoUser,
  memberStateExists,
  takeOidcLogin,
  touchIdentity,
  updateSsoUser,
} from './repository.ts';

export const OIDC_COOKIE = 'plenum_oidc';
/** The callback, the only path the sign-in cookie is sent to. */
export const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
/** How long a sign-in may take at the provider. */
export const OIDC_LOGIN_MINUTES = 10;
const LOGIN_PAGE = '/app/login';

/** The provider as this server talks to it; discovery happens once, at the first sign-in. */
export interface SsoClient {
  settings: OidcConfig;
  redirectUri: string;
  discover(): Promise<oidc.Configuration>;
}

// Loaded on first use: about 9 MB of RSS a server without single sign-on does not need.
let openidClient: Promise<typeof oidc> | undefined;
const loadOpenidClient = (): Promise<typeof oidc> => {
  openidClient ??= import('openid-client');
  return openidClient;
};

export function createSsoClient(settings: OidcConfig, publicUrl: string): SsoClient {
  let pending: Promise<oidc.Configuration> | null = null;
  const issuer = new URL(settings.issuer);
  return {
    settings,
    redirectUri: `${publicUrl.replace(/\/+$/, '')}${OIDC_COOKIE_PATH}/callback`,
    discover() {
      pending ??= loadOpenidClient()
        .then((openid) =>
          openid.discovery(
            issuer,
            settings.clientId,
            undefined,
            settings.clientSecret ? openid.ClientSecretBasic(settings.clientSecret) : openid.None(),
            {
              // config.ts admits plain http only on a loopback address.
              execute:
                issuer.protocol === 'http:' && isAllowedIssuer(issuer)
                  ? [openid.allowInsecureRequests]
                  : [],
              timeout: 10,
            },
          ),
        )
        .catch((error: unknown) => {
          // Forget the failure: the next sign-in tries again.
          pending = null;
          throw error;
        });
      return pending;
    },
  };
}

/** What the login page offers besides the password (public). */
export function authProviders(sso: SsoClient | null): AuthProviders {
  return {
    oidc: sso ? { label: sso.settings.label, loginUrl: `${OIDC_COOKIE_PATH}/login` } : null,
  };
}

function requireSso(sso: SsoClient | null): SsoClient {
  if (!sso) {
    throw new AppError('not_found', 'Single sign-on is not configured.');
  }
  return sso;
}

/**
 * Starts a sign-in at the provider: authorization code with PKCE (S256), state and nonce. What
 * the callback needs is kept in the database under the hash of a random cookie value, so that any
 * instance can finish the flow and nothing lives in this process.
 */
export async function startOidcLogin(
  ctx: Ctx,
  sso: SsoClient | null,
  returnTo: string,
): Promise<{ location: string; cookie: string }> {
  const client = requireSso(sso);
  let configuration: oidc.Configuration;
  try {
    configuration = await client.discover();
  } catch {
    throw new AppError('unavailable', 'The sign-on provider cannot be reached; try again later.');
  }
  const openid = await loadOpenidClient();
  const cookie = randomToken();
  const codeVerifier = openid.randomPKCECodeVerifier();
  const state = openid.randomState();
  const nonce = openid.randomNonce();
  const now = new Date();
  await deleteExpiredOidcLogins(ctx.db, now.toISOString());
  await insertOidcLogin(ctx.db, {
    id: sha256(cookie),
    state,
    nonce,
    codeVerifier,
    returnTo,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000).toISOString(),
  });
  const url = openid.buildAuthorizationUrl(configuration, {
    redirect_uri: client.redirectUri,
    response_type: 'code',
    scope: client.settings.scopes,
    state,
    nonce,
    code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { location: url.href, cookie };
}

/** A sign-in that ends on the login page; `reason` is for the log only. */
class SsoRefusal extends Error {
  constructor(
    readonly code: SsoError,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface OidcCallbackResult {
  /** Where the browser goes next: the sign-in's returnTo, or the login page with ?error=. */
  location: string;
  refusal?: { code: SsoError; reason: string };
}

/**
 * Finishes a sign-in: exchanges the code (state, nonce, PKCE and the ID token checked by
 * openid-client), maps the claims to a role and member state, finds, links or creates the user,
 * applies the provider's role and state (the provider is the source of truth for its users) and
 * starts a session exactly as the password sign-in does. Any refusal changes nothing.
 */
export async function finishOidcLogin(
  ctx: Ctx,
  sso: SsoClient | null,
  config: Config,
  reply: FastifyReply,
  input: { cookie: string | undefined; query: string; previousSessionId: string | null },
): Promise<OidcCallbackResult> {
  const client = requireSso(sso);
  try {
    const { userId, returnTo } = await signIn(ctx, client, input.cookie, input.query);
    await startSession(ctx.db, config, reply, userId, input.previousSessionId);
    return { location: returnTo };
  } catch (error) {
    if (error instanceof SsoRefusal) {
      return {
        location: `${LOGIN_PAGE}?error=${error.code}`,
        refusal: { code: error.code, reason: error.reason },
      };
    }
    throw error;
  }
}

async function signIn(
  ctx: Ctx,
  client: SsoClient,
  cookie: string | undefined,
  query: string,
): Promise<{ userId: string; returnTo: string }> {
  if (!cookie) {
    throw new SsoRefusal('sso_failed', 'no sign-in cookie');
  }
  const login = await takeOidcLogin(ctx.db, sha256(cookie));
  if (!login) {
    throw new SsoRefusal('sso_failed', 'unknown or already used sign-in');
  }
  if (Date.parse(login.expiresAt) <= Date.now()) {
    throw new SsoRefusal('sso_failed', 'the sign-in expired');
  }
  const claims = await exchangeCode(client, login, query);
  const role = mapRole(client.settings, claims);
  if (!role) {
    throw new SsoRefusal('sso_denied', 'no role claim value maps to a role');
  }
  let memberState: string | null = null;
  if (role === 'delegate') {
    // A delegate represents exactly one member state; several values are as bad as none.
    const values = claimValues(claims, client.settings.stateClaim);
    const value = values.length === 1 ? (values[0] as string).trim().toUpperCase() : '';
    if (!/^[A-Z]{3}$/.test(value) || !(await memberStateExists(ctx.db, value))) {
      throw new SsoRefusal('sso_denied', `a delegate without a known member state (${value})`);
    }
    memberState = value;
  }
  const userId = await applyIdentity(ctx, client, claims, role, memberState);
  ctx.invalidateAuth?.();
  return { userId, returnTo: login.returnTo };
}

type Claims = Record<string, unknown> & { iss: string; sub: string };

/** The authorization response and token exchange, checked by openid-client; then the claims. */
async function exchangeCode(
  client: SsoClient,
  login: { state: string; nonce: string; codeVerifier: string },
  query: string,
): Promise<Claims> {
  const params = new URLSearchParams(query);
  if (params.has('error')) {
    throw new SsoRefusal('sso_failed', `the provider answered ${params.get('error')}`);
  }
  const currentUrl = new URL(client.redirectUri);
  currentUrl.search = query;
  try {
    const configuration = await client.discover();
    const openid = await loadOpenidClient();
    const tokens = await openid.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) {
      throw new SsoRefusal('sso_failed', 'no ID token');
    }
    // Providers put some claims (groups, e-mail) only in the userinfo answer.
    let userinfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint) {
      userinfo = await openid.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    }
    return { ...userinfo, ...idToken } as Claims;
  } catch (error) {
    if (error instanceof SsoRefusal) {
      throw error;
    }
    throw new SsoRefusal('sso_failed', error instanceof Error ? error.message : String(error));
  }
}

/**
 * A claim's values: a string or an array of strings. A name that is not a claim itself is read
 * as a dotted path (`realm_access.roles`); claims named by URLs keep their dots.
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = name
      .split('.')
      .reduce<unknown>(
        (at, key) =>
          at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
        claims,
      );
  }
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The highest-ranking role any value of the role claim maps to (ROLES is ordered by rank). */
export function mapRole(settings: OidcConfig, claims: Record<string, unknown>): Role | null {
  const values = new Set(claimValues(claims, settings.roleClaim));
  const granted = new Set(settings.roleMap.filter((m) => values.has(m.value)).map((m) => m.role));
  return ROLES.find((role) => granted.has(role)) ?? null;
}

/**
 * The user of a provider account: the one linked to (issuer, subject); else the user whose
 * e-mail the provider says is verified, linked now; else a new user when configured so. The
 * provider's role, member state and name are applied at every sign-in and audited when they
 * change; a change of role or state ends the user's other sessions, as an admin's change does.
 */
async function applyIdentity(
  ctx: Ctx,
  client: SsoClient,
  claims: Claims,
  role: Role,
  memberState: string | null,
): Promise<string> {
  const now = nowIso();
  const identity = await findIdentity(ctx.db, claims.iss, claims.sub);
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const name = (typeof claims.name === 'string' && claims.name.trim().slice(0, 200)) || email;
  let user: UserRow | undefined;
  if (identity) {
    user = await findUserById(ctx.db, identity.userId);
  } else if (email) {
    user = await findUserByEmail(ctx.db, email);
    if (user && claims.email_verified !== true && claims.email_verified !== 'true') {
      throw new SsoRefusal('sso_denied', 'the e-mail of an existing user is not verified');
    }
  }
  if (user && user.active !== 1) {
    throw new SsoRefusal('sso_denied', 'the user is deactivated');
  }
  if (!user && !client.settings.createUsers) {
    throw new SsoRefusal('sso_denied', 'unknown user and PLENUM_OIDC_CREATE_USERS=false');
  }
  if (!user && !email) {
    throw new SsoRefusal('sso_denied', 'no e-mail claim to create the user with');
  }
  const source = { source: 'oidc', issuer: claims.iss, subject: claims.sub };

  if (!user) {
    const id = newId();
    // Nobody knows this password: the user signs in through the provider until an admin sets one.
    const passwordHash = await hashPassword(randomToken());
    const actor = ssoActor(id, name, role, memberState);
    await ctx.db.transaction().execute(async (trx) => {
      await insertSsoUser(trx, {
        id,
        email,
        name: name || email,
        role,
        memberState,
        bodyIds: '[]',
        language: 'en',
        active: 1,
        passwordHash,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await insertIdentity(trx, {
        id: newId(),
        issuer: claims.iss,
        subject: claims.sub,
        userId: id,
        createdAt: now,
        lastLoginAt: now,
      });
      await recordAudit(trx, ctx.dialect, actor, {
        action: 'create',
        entityType: 'user',
        entityId: id,
        change: { email, role, memberState, ...source },
      });
    });
    return id;
  }

  const current = user;
  const actor = ssoActor(current.id, current.name, role, memberState);
  const change: Record<string, unknown> = {};
  if (current.role !== role) {
    change.role = role;
  }
  if (current.memberState !== memberState) {
    change.memberState = memberState;
  }
  if (name && current.name !== name) {
    change.name = name;
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (identity) {
      await touchIdentity(trx, identity.id, now);
    } else {
      await insertIdentity(trx, {
        id: newId(),
        issuer: claims.iss,
        subject: claims.sub,
        userId: current.id,
        createdAt: now,
        lastLoginAt: now,
      });
      await recordAudit(trx, ctx.dialect, actor, {
        action: 'link_identity',
        entityType: 'user',
        entityId: current.id,
        change: source,
      });
    }
    if (Object.keys(change).length > 0) {
      const updated = await updateSsoUser(trx, current.id, current.version, {
        role,
        memberState,
        name: (change.name as string | undefined) ?? current.name,
        version: current.version + 1,
        updatedAt: now,
      });
      if (!updated) {
        throw new SsoRefusal('sso_failed', 'the user changed during sign-in');
      }
      if (change.role !== undefined || change.memberState !== undefined) {
        await deleteUserSessions(trx, current.id);
      }
      await recordAudit(trx, ctx.dialect, actor, {
        action: 'update',
        entityType: 'user',
        entityId: current.id,
        change: { ...change, ...source },
      });
    }
  });
  return current.id;
}

/** The audit records the signing-in user as the one who caused the provider's values to apply. */
const ssoActor = (id: string, name: string, role: Role, memberState: string | null): Actor => ({
  id,
  role,
  name,
  memberState,
  bodyIds: [],
});
