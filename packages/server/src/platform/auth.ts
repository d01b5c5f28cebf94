import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Role } from '@plenum/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { Db } from '../db/dialect.ts';
import { type Actor, ANONYMOUS, nowIso } from './context.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'plenum_session';
export const TOKEN_PREFIX = 'plm_';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    authMethod: 'session' | 'token' | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    authCache: AuthCache;
  }
  interface FastifyContextConfig {
    /**
     * The route serves a session that may only enrol in two-factor sign-in (the administrator
     * requires it and the user has none yet): reading oneself, enrolling, signing out.
     */
    duringEnrolment?: boolean;
  }
}

/**
 * Recently resolved sessions and tokens, for a few seconds: looking them up cost a sixth of a
 * small read. Any change to users, tokens or sessions clears it at once, here and (through the
 * event bus's NOTIFY) on every other instance; the answer to the change waits until the other
 * instances have acknowledged, so a logout answered here is refused there from then on.
 */
export class AuthCache {
  /** Tells the other instances to clear theirs (set by the event bus on PostgreSQL). */
  broadcast: (() => Promise<void>) | null = null;
  /** Whether cached entries may be used now (not while deaf to other instances' notices). */
  trusted: () => boolean = () => true;
  private pending: Promise<void> | null = null;

  static readonly TTL_MS = 5_000;
  static readonly MAX_ENTRIES = 10_000;
  private readonly entries = new Map<string, { row: unknown; at: number }>();

  get<T>(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit || !this.trusted()) {
      return undefined;
    }
    if (Date.now() - hit.at > AuthCache.TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.row as T;
  }

  set(key: string, row: unknown): void {
    if (this.entries.size >= AuthCache.MAX_ENTRIES) {
      this.entries.clear();
    }
    this.entries.set(key, { row, at: Date.now() });
  }

  /** After a change to users, tokens or sessions: forgets everything, on every instance. */
  clear(): void {
    this.entries.clear();
    if (this.broadcast) {
      const sent = this.broadcast().catch(() => {});
      this.pending = sent;
      void sent.then(() => {
        if (this.pending === sent) {
          this.pending = null;
        }
      });
    }
  }

  /** Another instance announced a change: forget everything here. */
  clearLocal(): void {
    this.entries.clear();
  }

  /** The broadcast of the last clear(), while it is still on its way. */
  get sending(): Promise<void> | null {
    return this.pending;
  }
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export const hashPassword = (password: string) => argonHash(password);
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argonVerify(hash, password);
  } catch {
    return false;
  }
}
// Verified against when the e-mail is unknown, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= argonHash(randomToken());
  return dummyHash;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

type UserRow = {
  id: string;
  role: string;
  name: string;
  memberState: string | null;
  bodyIds: string;
  active: number;
};

export function actorFromUser(user: UserRow): Actor {
  return {
    id: user.id,
    role: user.role as Role,
    name: user.name,
    memberState: user.memberState,
    bodyIds: JSON.parse(user.bodyIds) as string[],
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writing lastSeenAt on every request would turn every read into a write; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves the caller of every request from the session cookie or a bearer token, and refuses a
 * cookie-authenticated write without the session's CSRF token.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; config: Config }) => {
  const { db, config } = opts;
  const cache = new AuthCache();
  app.decorate('authCache', cache);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('sessionId', null);

  // The answer to a logout, a revocation or a password change leaves only once every other
  // instance has been told to forget the old credentials.
  // Callback style: this runs on every answer, and an async hook would cost a promise each.
  app.addHook('onSend', (_request, _reply, payload, done) => {
    const sending = cache.sending;
    if (sending) {
      void sending.then(() => done(null, payload));
    } else {
      done(null, payload);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.actor = ANONYMOUS;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) {
        throw new AppError('unauthenticated', 'Send the token as "Authorization: Bearer <token>".');
      }
      const tokenKey = `t:${sha256(match[1])}`;
      const row =
        cache.get<Awaited<ReturnType<typeof findToken>>>(tokenKey) ?? (await findToken(match[1]));
      async function findToken(token: string) {
        const found = await db
          .selectFrom('apiTokens')
          .innerJoin('users', 'users.id', 'apiTokens.userId')
          .select([
            'apiTokens.id as tokenId',
            'apiTokens.lastUsedAt',
            'users.id',
            'users.role',
            'users.name',
            'users.memberState',
            'users.bodyIds',
            'users.active',
          ])
          .where('apiTokens.tokenHash', '=', sha256(token))
          .where('apiTokens.revokedAt', 'is', null)
          .executeTakeFirst();
        if (found) {
          cache.set(tokenKey, found);
        }
        return found;
      }
      if (row?.active !== 1) {
        throw new AppError('unauthenticated', 'The token is unknown or revoked.');
      }
      request.actor = actorFromUser(row);
      request.authMethod = 'token';
      const now = Date.now();
      if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) > TOUCH_INTERVAL_MS) {
        row.lastUsedAt = new Date(now).toISOString();
        await db
          .updateTable('apiTokens')
          .set({ lastUsedAt: row.lastUsedAt })
          .where('id', '=', row.tokenId)
          .execute();
      }
      return;
    }

    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) {
      return;
    }
    const id = sha256(cookie);
    const sessionKey = `s:${id}`;
    const row =
      cache.get<Awaited<ReturnType<typeof findSession>>>(sessionKey) ?? (await findSession());
    async function findSession() {
      const found = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.userId')
        .select([
          'sessions.csrfToken',
          'sessions.lastSeenAt',
          'sessions.expiresAt',
          'sessions.enrolmentOnly',
          'users.id',
          'users.role',
          'users.name',
          'users.memberState',
          'users.bodyIds',
          'users.active',
        ])
        .where('sessions.id', '=', id)
        .executeTakeFirst();
      if (found) {
        cache.set(sessionKey, found);
      }
      return found;
    }
    const now = Date.now();
    const idleLimit = config.sessionIdleMinutes * 60_000;
    if (
      row?.active !== 1 ||
      Date.parse(row.expiresAt) <= now ||
      now - Date.parse(row.lastSeenAt) > idleLimit
    ) {
      if (row) {
        cache.clear();
        await db.deleteFrom('sessions').where('id', '=', id).execute();
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    if (row.enrolmentOnly === 1 && request.routeOptions.config.duringEnrolment !== true) {
      // Until the second factor is set up the session opens nothing else: the API says so,
      // other pages (portal, OParl) see an anonymous caller.
      if (request.url.startsWith('/api/')) {
        throw new AppError(
          'totp_enrollment_required',
          'Set up two-factor sign-in first: POST /api/v1/auth/totp, then /api/v1/auth/totp/confirm.',
        );
      }
      return;
    }
    request.actor = actorFromUser(row);
    request.authMethod = 'session';
    request.sessionId = id;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, row.csrfToken)) {
        throw new AppError(
          'csrf_failed',
          'Send the csrfToken from /auth/me in the X-CSRF-Token header.',
        );
      }
    }
    if (now - Date.parse(row.lastSeenAt) > TOUCH_INTERVAL_MS) {
      row.lastSeenAt = new Date(now).toISOString();
      await db
        .updateTable('sessions')
        .set({ lastSeenAt: row.lastSeenAt })
        .where('id', '=', id)
        .execute();
    }
  });
});

/**
 * Starts a session: a new random id every login (the old one, if any, is dropped), so an id
 * planted before sign-in never becomes an authenticated one. `enrolmentOnly`: a password sign-in
 * that must set up two-factor sign-in before anything else.
 */
export async function startSession(
  db: Db,
  config: Config,
  reply: FastifyReply,
  userId: string,
  previousSessionId: string | null,
  opts: { enrolmentOnly?: boolean } = {},
): Promise<string> {
  if (previousSessionId) {
    await db.deleteFrom('sessions').where('id', '=', previousSessionId).execute();
    // The old id may sit resolved in the cache (here and on other instances): forget it now.
    reply.server.authCache.clear();
  }
  const token = randomToken();
  const csrfToken = randomToken();
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(Date.now() + config.sessionMaxHours * 3_600_000).toISOString(),
      enrolmentOnly: opts.enrolmentOnly ? 1 : 0,
    })
    .execute();
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: config.sessionMaxHours * 3600,
  });
  return csrfToken;
}
