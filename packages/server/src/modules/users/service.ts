import type { Page, User, UserCreate, UserPatch } from '@plenum/shared';
import type { Selectable } from 'kysely';
import type { UserTable } from '../../db/database.ts';
import type { Db, DialectName } from '../../db/dialect.ts';
import { requireRole } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth.ts';
import { type Actor, type Ctx, nowIso } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { removeTotp } from '../auth/totp.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { countUsers, findUserByEmail, findUserById, listUsers, mapUser } from './repository.ts';

const SYSTEM: Actor = { id: null, role: 'admin', name: 'system', memberState: null, bodyIds: [] };

function checkRoleFields(role: string, memberState: string | null): void {
  if (role === 'delegate' && !memberState) {
    throw invalid('memberState', 'A delegate represents one member state; name it.');
  }
  if (role !== 'delegate' && memberState) {
    throw invalid('memberState', 'Only delegates are bound to a member state.');
  }
}

async function checkMemberState(db: Db, memberState: string | null): Promise<void> {
  if (!memberState) {
    return;
  }
  const found = await db
    .selectFrom('memberStates')
    .select('code')
    .where('code', '=', memberState)
    .executeTakeFirst();
  if (!found) {
    throw invalid('memberState', 'No such member state.');
  }
}

/** Creates a user without an access check: the command line and the first-admin bootstrap. */
export async function insertUser(
  db: Db,
  dialect: DialectName,
  actor: Actor,
  input: UserCreate,
): Promise<User> {
  checkRoleFields(input.role, input.memberState);
  await checkMemberState(db, input.memberState);
  const email = input.email.toLowerCase();
  await checkPasswordPolicy(input.password, { email, name: input.name });
  if (await findUserByEmail(db, email)) {
    throw new AppError('duplicate', 'A user with this e-mail exists.', {
      errors: [{ path: 'email', message: 'Already in use' }],
    });
  }
  const now = nowIso();
  const row: Selectable<UserTable> = {
    id: newId(),
    email,
    name: input.name,
    role: input.role,
    memberState: input.memberState,
    bodyIds: JSON.stringify(input.bodyIds),
    language: input.language,
    active: input.active ? 1 : 0,
    passwordHash: await hashPassword(input.password),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await recordAudit(trx, dialect, actor, {
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      change: { email, role: input.role, memberState: input.memberState },
    });
  });
  return mapUser(row);
}

/** On an empty database, creates the first admin from PLENUM_ADMIN_EMAIL/PASSWORD. */
export async function bootstrapAdmin(
  db: Db,
  dialect: DialectName,
  email: string | undefined,
  password: string | undefined,
): Promise<User | null> {
  if (!email || !password || (await countUsers(db)) > 0) {
    return null;
  }
  // The policy applies to the first admin too; the refusal names the variable to fix.
  await checkPasswordPolicy(password, { email, name: 'Administrator' }, 'PLENUM_ADMIN_PASSWORD');
  return insertUser(db, dialect, SYSTEM, {
    email,
    password,
    name: 'Administrator',
    role: 'admin',
    memberState: null,
    bodyIds: [],
    language: 'en',
    active: true,
  });
}

export async function createUser(ctx: Ctx, input: UserCreate): Promise<User> {
  requireRole(ctx.actor, 'admin');
  return insertUser(ctx.db, ctx.dialect, ctx.actor, input);
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  requireRole(ctx.actor, 'admin');
  const row = await findUserById(ctx.db, id);
  if (!row) {
    throw notFound('user');
  }
  return mapUser(row);
}

export async function listUsersPage(
  ctx: Ctx,
  q: { role?: string; memberState?: string; cursor?: string; limit: number },
): Promise<Page<User>> {
  requireRole(ctx.actor, 'admin');
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await listUsers(ctx.db, { ...q, after });
  return toPage(rows, q.limit, (r) => [r.email, r.id], mapUser);
}

export async function updateUser(
  ctx: Ctx,
  id: string,
  patch: UserPatch,
  ifMatch: number | null,
): Promise<User> {
  requireRole(ctx.actor, 'admin');
  const current = await findUserById(ctx.db, id);
  if (!current) {
    throw notFound('user');
  }
  if (ifMatch !== null && ifMatch !== current.version) {
    throw new AppError('precondition_failed', 'This user changed since you read it; reload.');
  }
  const role = patch.role ?? current.role;
  const memberState = patch.memberState !== undefined ? patch.memberState : current.memberState;
  checkRoleFields(role, memberState);
  await checkMemberState(ctx.db, memberState);
  if (patch.email && patch.email !== current.email) {
    const other = await findUserByEmail(ctx.db, patch.email);
    if (other) {
      throw new AppError('duplicate', 'A user with this e-mail exists.', {
        errors: [{ path: 'email', message: 'Already in use' }],
      });
    }
  }
  if (patch.password) {
    await checkPasswordPolicy(patch.password, {
      email: patch.email ?? current.email,
      name: patch.name ?? current.name,
    });
  }
  const next: Selectable<UserTable> = {
    ...current,
    email: patch.email ?? current.email,
    name: patch.name ?? current.name,
    role,
    memberState,
    bodyIds: patch.bodyIds ? JSON.stringify(patch.bodyIds) : current.bodyIds,
    language: patch.language ?? current.language,
    active: patch.active === undefined ? current.active : patch.active ? 1 : 0,
    passwordHash: patch.password ? await hashPassword(patch.password) : current.passwordHash,
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set(next)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError('precondition_failed', 'This user changed since you read it; reload.');
    }
    // A changed password, role or deactivation ends the user's sessions.
    if (patch.password || patch.role || patch.active === false) {
      await trx.deleteFrom('sessions').where('userId', '=', id).execute();
    }
    const { password: _password, ...visible } = patch;
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      change: { ...visible, ...(patch.password ? { password: '(changed)' } : {}) },
    });
  });
  ctx.invalidateAuth?.();
  return mapUser(next);
}

/**
 * Turns a user's two-factor sign-in off (admin), for a user who lost the device and the recovery
 * codes; their sessions end, and the next sign-in enrols again when it is required.
 */
export async function resetUserTotp(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx.actor, 'admin');
  const user = await findUserById(ctx.db, id);
  if (!user) {
    throw notFound('user');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await removeTotp(trx, ctx.dialect, ctx.actor, id);
    await trx.deleteFrom('sessions').where('userId', '=', id).execute();
  });
  ctx.invalidateAuth?.();
}
