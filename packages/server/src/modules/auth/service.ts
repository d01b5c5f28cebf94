import type { Me, Token } from '@plenum/shared';
import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { requireSignedIn } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import {
  dummyPasswordHash,
  hashPassword,
  randomToken,
  sha256,
  startSession,
  TOKEN_PREFIX,
  verifyPassword,
} from '../../platform/auth.ts';
import { type Ctx, nowIso } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { checkPasswordPolicy } from '../users/password-policy.ts';
import { findUserByEmail, findUserById, mapUser } from '../users/repository.ts';
import { readSecuritySettings } from './settings.ts';
import { findEnabledTotp, totpEnabled, verifySecondFactor } from './totp.ts';

/** After this many failures in a row each attempt must wait, doubling up to a minute. */
const SLOW_AFTER = 3;
/** After this many failures in a row the account is locked for LOCK_MINUTES. */
const LOCK_AFTER = 10;
const LOCK_MINUTES = 15;

function throttle(code: 'rate_limited' | 'locked', seconds: number, detail: string): AppError {
  return new AppError(code, detail, { headers: { 'retry-after': String(Math.max(1, seconds)) } });
}

/**
 * Checks the password with slow-down and lockout of repeated failures (per e-mail, stored in the
 * database so every instance sees them), then the second factor when the user has one (a wrong
 * code counts as a failure like a wrong password), then starts a fresh session. While the
 * administrator requires two-factor sign-in, a user without it gets a session that may only enrol.
 */
export async function login(
  ctx: Ctx,
  config: Config,
  reply: FastifyReply,
  input: { email: string; password: string; totpCode?: string; recoveryCode?: string },
  previousSessionId: string | null,
): Promise<Me> {
  const key = input.email.trim().toLowerCase();
  const now = Date.now();
  const attempt = await ctx.db
    .selectFrom('loginAttempts')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (attempt?.lockedUntil && Date.parse(attempt.lockedUntil) > now) {
    const wait = Math.ceil((Date.parse(attempt.lockedUntil) - now) / 1000);
    throw throttle('locked', wait, 'Too many failed sign-ins; this account is locked for a while.');
  }
  if (attempt && attempt.failures >= SLOW_AFTER && !attempt.lockedUntil) {
    const delay = Math.min(2 ** (attempt.failures - SLOW_AFTER), 60) * 1000;
    const readyAt = Date.parse(attempt.lastFailureAt) + delay;
    if (readyAt > now) {
      throw throttle(
        'rate_limited',
        Math.ceil((readyAt - now) / 1000),
        'Wait before trying again.',
      );
    }
  }
  const fail = async (detail: string): Promise<never> => {
    const failures = attempt && !attempt.lockedUntil ? attempt.failures + 1 : 1;
    const lockedUntil =
      failures >= LOCK_AFTER ? new Date(now + LOCK_MINUTES * 60_000).toISOString() : null;
    await ctx.db
      .insertInto('loginAttempts')
      .values({ key, failures, lastFailureAt: new Date(now).toISOString(), lockedUntil })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ failures, lastFailureAt: new Date(now).toISOString(), lockedUntil }),
      )
      .execute();
    throw new AppError('unauthenticated', detail);
  };

  const user = await findUserByEmail(ctx.db, key);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), input.password);
  if (!user || !ok || user.active !== 1) {
    return fail('The e-mail or password is wrong.');
  }
  const totp = await findEnabledTotp(ctx.db, user.id);
  if (totp) {
    if (input.totpCode === undefined && input.recoveryCode === undefined) {
      // Neither a failure nor a success: the count of failures stays as it is.
      throw new AppError(
        'totp_required',
        'Enter the code from your authenticator app, or a recovery code.',
      );
    }
    if (!(await verifySecondFactor(ctx.db, ctx.dialect, user, totp.secret, input))) {
      return fail('The code is wrong or was used already.');
    }
  }
  if (attempt) {
    await ctx.db.deleteFrom('loginAttempts').where('key', '=', key).execute();
  }
  const enrolmentOnly = !totp && (await readSecuritySettings(ctx.db)).requireTotp;
  const csrfToken = await startSession(ctx.db, config, reply, user.id, previousSessionId, {
    enrolmentOnly,
  });
  return {
    user: mapUser(user),
    csrfToken,
    totpEnabled: totp !== undefined,
    totpEnrollmentRequired: enrolmentOnly,
  };
}

export async function logout(ctx: Ctx, sessionId: string | null): Promise<void> {
  if (sessionId) {
    await ctx.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    ctx.invalidateAuth?.();
  }
}

export async function me(ctx: Ctx, sessionId: string | null): Promise<Me> {
  requireSignedIn(ctx.actor);
  const user = await findUserById(ctx.db, ctx.actor.id as string);
  if (!user) {
    throw new AppError('unauthenticated', 'Sign in again.');
  }
  let csrfToken: string | null = null;
  let enrolmentOnly = false;
  if (sessionId) {
    const session = await ctx.db
      .selectFrom('sessions')
      .select(['csrfToken', 'enrolmentOnly'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
    csrfToken = session?.csrfToken ?? null;
    enrolmentOnly = session?.enrolmentOnly === 1;
  }
  return {
    user: mapUser(user),
    csrfToken,
    totpEnabled: await totpEnabled(ctx.db, user.id),
    totpEnrollmentRequired: enrolmentOnly,
  };
}

/** Changes one's own language or password; a new password needs the current one. */
export async function updateOwnProfile(
  ctx: Ctx,
  sessionId: string | null,
  input: { language?: 'en' | 'ru'; name?: string; currentPassword?: string; newPassword?: string },
): Promise<Me> {
  requireSignedIn(ctx.actor);
  const user = await findUserById(ctx.db, ctx.actor.id as string);
  if (!user) {
    throw new AppError('unauthenticated', 'Sign in again.');
  }
  let passwordHash = user.passwordHash;
  if (input.newPassword !== undefined) {
    if (
      !input.currentPassword ||
      !(await verifyPassword(user.passwordHash, input.currentPassword))
    ) {
      throw invalid('currentPassword', 'The current password is wrong.');
    }
    await checkPasswordPolicy(
      input.newPassword,
      { email: user.email, name: input.name ?? user.name },
      'newPassword',
    );
    passwordHash = await hashPassword(input.newPassword);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        language: input.language ?? user.language,
        name: input.name ?? user.name,
        passwordHash,
        version: user.version + 1,
        updatedAt: nowIso(),
      })
      .where('id', '=', user.id)
      .execute();
    if (input.newPassword !== undefined) {
      // Every other session of this user ends; this one stays.
      let others = trx.deleteFrom('sessions').where('userId', '=', user.id);
      if (sessionId) {
        others = others.where('id', '!=', sessionId);
      }
      await others.execute();
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      change: {
        ...(input.language ? { language: input.language } : {}),
        ...(input.name ? { name: input.name } : {}),
        ...(input.newPassword ? { password: '(changed)' } : {}),
      },
    });
  });
  ctx.invalidateAuth?.();
  return me(ctx, sessionId);
}

export async function listTokens(ctx: Ctx): Promise<Token[]> {
  requireSignedIn(ctx.actor);
  return ctx.db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'createdAt', 'lastUsedAt'])
    .where('userId', '=', ctx.actor.id as string)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt')
    .execute();
}

/** Issues an API token; only its hash is stored, so the value is shown this once. */
export async function createToken(
  ctx: Ctx,
  name: string,
  userId: string | null = ctx.actor.id,
): Promise<{ id: string; name: string; token: string }> {
  requireSignedIn(ctx.actor);
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('apiTokens')
      .values({
        id,
        userId: userId as string,
        name,
        tokenHash: sha256(token),
        createdAt: nowIso(),
        lastUsedAt: null,
        revokedAt: null,
      })
      .execute();
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'create',
      entityType: 'api_token',
      entityId: id,
      change: { name, userId },
    });
  });
  return { id, name, token };
}

export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  requireSignedIn(ctx.actor);
  const token = await ctx.db
    .selectFrom('apiTokens')
    .select(['id', 'userId'])
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!token || (token.userId !== ctx.actor.id && ctx.actor.role !== 'admin')) {
    throw notFound('token');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('apiTokens').set({ revokedAt: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'revoke',
      entityType: 'api_token',
      entityId: id,
      change: null,
    });
  });
  ctx.invalidateAuth?.();
}
