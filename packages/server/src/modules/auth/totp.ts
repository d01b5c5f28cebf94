import { randomBytes } from 'node:crypto';
import type { RecoveryCodes, TotpEnrolment } from '@plenum/shared';
import { Secret, TOTP } from 'otpauth';
import type QRCode from 'qrcode';
import type { DialectName } from '../../db/dialect.ts';
import { requireSignedIn } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { sha256, verifyPassword } from '../../platform/auth.ts';
import { type Actor, type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findUserById } from '../users/repository.ts';
import { readSecuritySettings } from './settings.ts';

// Loaded on first use: about 10 MB of RSS a server where nobody enrols an authenticator app
// does not need.
let qrcode: Promise<typeof QRCode> | undefined;
const loadQRCode = (): Promise<typeof QRCode> => {
  qrcode ??= import('qrcode').then((m) => m.default);
  return qrcode;
};

/** RFC 6238 as every authenticator app reads it: HMAC-SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const ISSUER = 'Plenum';
/** One step either side, for clocks a little apart. */
const WINDOW = 1;
const RECOVERY_CODES = 10;

function totpOf(secret: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** The time step a code belongs to, or null when it is not a code of now (±1 step). */
function stepOf(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** Spends a TOTP code: only a step newer than the last one used, so no code works twice. */
async function spendCode(db: Tx, userId: string, secret: string, code: string): Promise<boolean> {
  const step = stepOf(secret, code);
  if (step === null) {
    return false;
  }
  // Conditional, so two requests racing with the same code cannot both pass.
  const result = await db
    .updateTable('userTotp')
    .set({ lastStep: step })
    .where('userId', '=', userId)
    .where('lastStep', '<', step)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

function newRecoveryCode(): string {
  // 10 characters of base32 (50 bits), shown as two groups of five.
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function findEnabledTotp(db: Tx, userId: string) {
  return db
    .selectFrom('userTotp')
    .select(['secret', 'lastStep'])
    .where('userId', '=', userId)
    .where('enabledAt', 'is not', null)
    .executeTakeFirst();
}

export async function totpEnabled(db: Tx, userId: string): Promise<boolean> {
  return (await findEnabledTotp(db, userId)) !== undefined;
}

/**
 * Checks a sign-in's second factor: a current TOTP code (spent) or an unused recovery code
 * (spent, and recorded in the audit trail).
 */
export async function verifySecondFactor(
  db: Tx,
  dialect: DialectName,
  user: { id: string; name: string; role: string; memberState: string | null; bodyIds: string },
  secret: string,
  input: { totpCode?: string; recoveryCode?: string },
): Promise<boolean> {
  if (input.totpCode !== undefined) {
    return spendCode(db, user.id, secret, input.totpCode);
  }
  if (input.recoveryCode === undefined) {
    return false;
  }
  const codeHash = sha256(normalizeRecoveryCode(input.recoveryCode));
  const actor: Actor = {
    id: user.id,
    role: user.role as Actor['role'],
    name: user.name,
    memberState: user.memberState,
    bodyIds: JSON.parse(user.bodyIds) as string[],
  };
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('userRecoveryCodes')
      .set({ usedAt: nowIso() })
      .where('userId', '=', user.id)
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      return false;
    }
    const left = await trx
      .selectFrom('userRecoveryCodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', user.id)
      .where('usedAt', 'is', null)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, dialect, actor, {
      action: 'recovery_code_use',
      entityType: 'user',
      entityId: user.id,
      change: { recoveryCodesLeft: Number(left.n) },
    });
    return true;
  });
}

async function signedInUser(ctx: Ctx) {
  requireSignedIn(ctx.actor);
  const user = await findUserById(ctx.db, ctx.actor.id as string);
  if (!user) {
    throw new AppError('unauthenticated', 'Sign in again.');
  }
  return user;
}

/**
 * Starts (or restarts) enrolment: a new secret, pending until a code confirms it. The secret is
 * shown now and never again.
 */
export async function startTotpEnrolment(ctx: Ctx): Promise<TotpEnrolment> {
  const user = await signedInUser(ctx);
  if (await totpEnabled(ctx.db, user.id)) {
    throw new AppError('conflict', 'Two-factor sign-in is already on; turn it off first.');
  }
  const secret = new Secret({ size: 20 }).base32;
  const row = { userId: user.id, secret, enabledAt: null, lastStep: 0, createdAt: nowIso() };
  await ctx.db
    .insertInto('userTotp')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('userId')
        .doUpdateSet({ secret, enabledAt: null, lastStep: 0, createdAt: row.createdAt }),
    )
    .execute();
  const uri = totpOf(secret, user.email).toString();
  const qrSvg = await (await loadQRCode()).toString(uri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { secret, uri, qrSvg };
}

/**
 * Turns two-factor sign-in on with a first code of the pending secret and issues ten recovery
 * codes (only their hashes are kept). A session that was limited to enrolment is limited no more.
 */
export async function confirmTotpEnrolment(ctx: Ctx, code: string): Promise<RecoveryCodes> {
  const user = await signedInUser(ctx);
  const pending = await ctx.db
    .selectFrom('userTotp')
    .select(['secret', 'enabledAt'])
    .where('userId', '=', user.id)
    .executeTakeFirst();
  if (!pending || pending.enabledAt !== null) {
    throw new AppError(
      'conflict',
      pending ? 'Two-factor sign-in is already on.' : 'Start the enrolment first.',
    );
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    const step = stepOf(pending.secret, code);
    const result =
      step === null
        ? null
        : await trx
            .updateTable('userTotp')
            .set({ enabledAt: now, lastStep: step })
            .where('userId', '=', user.id)
            .where('secret', '=', pending.secret)
            .where('enabledAt', 'is', null)
            .executeTakeFirst();
    if (!result || Number(result.numUpdatedRows) !== 1) {
      throw invalid('code', 'The code is wrong or expired.');
    }
    await trx.deleteFrom('userRecoveryCodes').where('userId', '=', user.id).execute();
    await trx
      .insertInto('userRecoveryCodes')
      .values(
        recoveryCodes.map((c) => ({
          id: newId(),
          userId: user.id,
          codeHash: sha256(normalizeRecoveryCode(c)),
          usedAt: null,
          createdAt: now,
        })),
      )
      .execute();
    await trx
      .updateTable('sessions')
      .set({ enrolmentOnly: 0 })
      .where('userId', '=', user.id)
      .where('enrolmentOnly', '=', 1)
      .execute();
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'totp_enable',
      entityType: 'user',
      entityId: user.id,
      change: null,
    });
  });
  ctx.invalidateAuth?.();
  return { recoveryCodes };
}

/** Removes a user's second factor and recovery codes, recording who did it. */
export async function removeTotp(
  trx: Tx,
  dialect: DialectName,
  actor: Actor,
  userId: string,
): Promise<void> {
  await trx.deleteFrom('userTotp').where('userId', '=', userId).execute();
  await trx.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
  await recordAudit(trx, dialect, actor, {
    action: 'totp_disable',
    entityType: 'user',
    entityId: userId,
    change: actor.id === userId ? null : { by: 'admin' },
  });
}

/**
 * Turns one's own two-factor sign-in off, proven by the current password or a current code;
 * refused while the administrator requires it for everyone.
 */
export async function disableTotp(
  ctx: Ctx,
  input: { password?: string; code?: string },
): Promise<void> {
  const user = await signedInUser(ctx);
  if ((await readSecuritySettings(ctx.db)).requireTotp) {
    throw new AppError(
      'forbidden',
      'The administrator requires two-factor sign-in; it cannot be turned off.',
    );
  }
  const totp = await findEnabledTotp(ctx.db, user.id);
  if (!totp) {
    throw new AppError('conflict', 'Two-factor sign-in is not on.');
  }
  const proven =
    input.code !== undefined
      ? await spendCode(ctx.db, user.id, totp.secret, input.code)
      : input.password !== undefined && (await verifyPassword(user.passwordHash, input.password));
  if (!proven) {
    throw invalid(
      input.code !== undefined ? 'code' : 'password',
      input.code !== undefined ? 'The code is wrong or expired.' : 'The current password is wrong.',
    );
  }
  await ctx.db.transaction().execute((trx) => removeTotp(trx, ctx.dialect, ctx.actor, user.id));
  ctx.invalidateAuth?.();
}
