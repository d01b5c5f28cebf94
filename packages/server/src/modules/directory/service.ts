import type { MemberState, MemberStateCreate, MemberStatePatch, Page } from '@plenum/shared';
import { requireContentWriter } from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { likePattern, searchText, storeText } from '../../platform/text.ts';
import * as repo from './repository.ts';

/** 412 unless the caller edited the current version (If-Match, or the version read earlier). */
export function expectVersion(current: number, wanted: number | null): void {
  if (wanted !== null && wanted !== current) {
    throw new AppError(
      'precondition_failed',
      `This record changed since you read it (now version ${current}); reload and apply your change again.`,
    );
  }
}

export const staleWrite = () =>
  new AppError('precondition_failed', 'This record changed meanwhile; reload and try again.');

// ---- Member states (the directory is readable by everyone: states and bodies are public) -----

export async function listMemberStatesPage(
  ctx: Ctx,
  q: { status?: string; q?: string; cursor?: string; limit: number },
): Promise<Page<MemberState>> {
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listMemberStates(ctx.db, {
    ...q,
    q: q.q ? likePattern(q.q) : undefined,
    after: after ? String(after[0]) : null,
  });
  return toPage(rows, q.limit, (r) => [r.code], repo.mapMemberState);
}

export async function getMemberState(ctx: Ctx, code: string): Promise<MemberState> {
  const row = await repo.findMemberState(ctx.db, code);
  if (!row) {
    throw notFound('member state');
  }
  return repo.mapMemberState(row);
}

export async function createMemberState(ctx: Ctx, input: MemberStateCreate): Promise<MemberState> {
  requireContentWriter(ctx.actor);
  const now = nowIso();
  const row = {
    code: input.code,
    name: storeText(input.name) as string,
    status: input.status,
    searchText: searchText(input.code, input.name),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertMemberState(trx, row);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'member_state',
          entityId: row.code,
          change: input,
        });
      }),
    {
      unique: `A member state with the code ${input.code} exists.`,
      uniqueErrors: [{ path: 'code', message: 'Already in use' }],
    },
  );
  return repo.mapMemberState(row);
}

export async function updateMemberStateByCode(
  ctx: Ctx,
  code: string,
  patch: MemberStatePatch,
  ifMatch: number | null,
): Promise<MemberState> {
  requireContentWriter(ctx.actor);
  const current = await repo.findMemberState(ctx.db, code);
  if (!current) {
    throw notFound('member state');
  }
  expectVersion(current.version, ifMatch);
  const before = repo.mapMemberState(current);
  const name = patch.name ?? before.name;
  const next = {
    ...current,
    name: storeText(name) as string,
    status: patch.status ?? current.status,
    searchText: searchText(code, name),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  const after = repo.mapMemberState(next);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.updateMemberState(trx, code, current.version, next)) === 0) {
      throw staleWrite();
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'update',
      entityType: 'member_state',
      entityId: code,
      change: diff(before, after),
    });
  });
  return after;
}

export async function deleteMemberStateByCode(
  ctx: Ctx,
  code: string,
  ifMatch: number | null,
): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await repo.findMemberState(ctx.db, code);
  if (!current) {
    throw notFound('member state');
  }
  expectVersion(current.version, ifMatch);
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.deleteMemberState(trx, code);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'delete',
          entityType: 'member_state',
          entityId: code,
          change: repo.mapMemberState(current),
        });
      }),
    {
      foreignKey:
        'Persons, organizations, memberships or meetings refer to this member state; mark it former instead.',
    },
  );
}
