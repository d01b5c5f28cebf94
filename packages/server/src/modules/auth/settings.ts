import type { SecuritySettings } from '@plenum/shared';
import { requireRole } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

const KEY = 'security';
const DEFAULTS = { requireTotp: false };

/** The security settings; no row means the defaults (version 0). */
export async function readSecuritySettings(db: Tx): Promise<SecuritySettings> {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', KEY).executeTakeFirst();
  if (!row) {
    return { ...DEFAULTS, version: 0, updatedAt: null };
  }
  const value = JSON.parse(row.value) as Partial<typeof DEFAULTS>;
  return {
    requireTotp: value.requireTotp === true,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

export async function getSecuritySettings(ctx: Ctx): Promise<SecuritySettings> {
  requireRole(ctx.actor, 'admin');
  return readSecuritySettings(ctx.db);
}

const stale = () =>
  new AppError('precondition_failed', 'The settings changed since you read them; reload.');

/** Changes the security settings (admin only), at the version the caller read. */
export async function updateSecuritySettings(
  ctx: Ctx,
  patch: { requireTotp: boolean },
  ifMatch: number | null,
): Promise<SecuritySettings> {
  requireRole(ctx.actor, 'admin');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await readSecuritySettings(trx);
    if (ifMatch !== null && ifMatch !== current.version) {
      throw stale();
    }
    const next: SecuritySettings = {
      requireTotp: patch.requireTotp,
      version: current.version + 1,
      updatedAt: nowIso(),
    };
    const value = JSON.stringify({ requireTotp: next.requireTotp });
    if (current.version === 0) {
      // The primary key makes a concurrent first write fail rather than be lost.
      await trx
        .insertInto('settings')
        .values({ key: KEY, value, version: next.version, updatedAt: next.updatedAt })
        .execute();
    } else {
      const result = await trx
        .updateTable('settings')
        .set({ value, version: next.version, updatedAt: next.updatedAt })
        .where('key', '=', KEY)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        throw stale();
      }
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'update',
      entityType: 'settings',
      entityId: KEY,
      change: { requireTotp: [current.requireTotp, next.requireTotp] },
    });
    return next;
  });
}
