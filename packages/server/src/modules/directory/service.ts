import type {
  LocalizedText,
  MemberState,
  MemberStateCreate,
  MemberStatePatch,
  Page,
} from '@plenum/shared';
import { requireContentWriter } from '../../platform/access.ts';
import { type AuditInput, diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { guardConstraints, isForeignKeyViolation } from '../../platform/db-errors.ts';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { likePattern, searchText, storeText } from '../../platform/text.ts';
import * as repo from './repository.ts';

// ---- Pieces every directory service uses -----------------------------------------------------

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

/** A LIKE pattern for an optional `q` filter. */
export const patternOf = (q: string | undefined) => (q ? likePattern(q) : undefined);

// Long enough to order names sensibly, short enough that a cursor stays well below 512 characters.
const SORT_KEY_LENGTH = 64;

/** Where a name falls in lists: the lower-cased start of its text (first language first). */
export const sortKey = (name: LocalizedText): string =>
  Array.from(searchText(name)).slice(0, SORT_KEY_LENGTH).join('');

/** The (sortKey, id) cursor of lists ordered by name; anything else is a 400 on query.cursor. */
export function sortCursor(cursor: string | undefined): [string, string] | null {
  const values = decodeCursor(cursor, 2);
  if (values === null) {
    return null;
  }
  const [key, id] = values;
  if (typeof key !== 'string' || typeof id !== 'string') {
    throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
  }
  return [key, id];
}

/** One change: the write and its audit event commit together or not at all. */
export function audited(
  ctx: Ctx,
  event: AuditInput,
  write: (trx: Tx) => Promise<unknown>,
): Promise<void> {
  return ctx.db.transaction().execute(async (trx) => {
    await write(trx);
    await recordAudit(trx, ctx.dialect, ctx.actor, event);
  });
}

/**
 * A versioned update and its audit event (the fields that changed). `write` returns false when
 * the stored version moved on since it was read: then nothing is written and the caller gets 412.
 */
export async function updateAudited<T extends Record<string, unknown>>(
  ctx: Ctx,
  change: { entityType: string; entityId: string; before: T; after: T },
  write: (trx: Tx) => Promise<boolean>,
): Promise<T> {
  const { entityType, entityId, before, after } = change;
  await audited(
    ctx,
    { action: 'update', entityType, entityId, change: diff(before, after) },
    async (trx) => {
      if (!(await write(trx))) {
        throw staleWrite();
      }
    },
  );
  return after;
}

/**
 * True when the database refused to delete a row that others still refer to. SQLite reports
 * ON DELETE RESTRICT as a trigger constraint ("FOREIGN KEY constraint failed"), which
 * isForeignKeyViolation does not recognise.
 */
function isReferencedViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    isForeignKeyViolation(error) ||
    (e?.code === 'SQLITE_CONSTRAINT_TRIGGER' && String(e.message).includes('FOREIGN KEY'))
  );
}

/**
 * A versioned delete and its audit event (the record as it was). Rows that still refer to it
 * make the database refuse (foreign keys restrict): then the caller gets 409 with `inUse` as the
 * reason, so a reference added concurrently cannot slip past a check.
 */
export async function deleteAudited(
  ctx: Ctx,
  change: { entityType: string; entityId: string; snapshot: unknown; inUse?: string },
  write: (trx: Tx) => Promise<boolean>,
): Promise<void> {
  const { entityType, entityId, snapshot, inUse } = change;
  try {
    await audited(
      ctx,
      { action: 'delete', entityType, entityId, change: snapshot },
      async (trx) => {
        if (!(await write(trx))) {
          throw staleWrite();
        }
      },
    );
  } catch (error) {
    if (inUse && isReferencedViolation(error)) {
      throw new AppError('in_use', inUse);
    }
    throw error;
  }
}

/** A field of the input that names another record. */
export interface Reference {
  path: string;
  /** "No such …" */
  what: string;
  exists: (db: Tx) => Promise<boolean>;
}

export const memberStateRef = (path: string, code: string): Reference => ({
  path,
  what: 'member state',
  exists: async (db) => (await repo.findMemberState(db, code)) !== undefined,
});

export const recordRef = (
  path: string,
  what: string,
  table: repo.IdTable,
  id: string,
): Reference => ({ path, what, exists: (db) => repo.existsById(db, table, id) });

/**
 * Runs a write; when the database refuses it because a referenced record is missing, answers 400
 * naming every such field. The foreign key stays the judge, so a record removed by someone else
 * between a check and the write is caught as well.
 */
export async function guardReferences<T>(
  ctx: Ctx,
  refs: Reference[],
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      const errors: FieldError[] = [];
      for (const ref of refs) {
        if (!(await ref.exists(ctx.db))) {
          errors.push({ path: ref.path, message: `No such ${ref.what}` });
        }
      }
      if (errors.length > 0) {
        throw new AppError('validation_failed', 'The request has invalid fields.', { errors });
      }
    }
    throw error;
  }
}

// ---- Member states (the directory is readable by everyone: states and bodies are public) -----

export async function listMemberStatesPage(
  ctx: Ctx,
  q: { status?: string; q?: string; cursor?: string; limit: number },
): Promise<Page<MemberState>> {
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listMemberStates(ctx.db, {
    ...q,
    q: patternOf(q.q),
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
      audited(
        ctx,
        { action: 'create', entityType: 'member_state', entityId: row.code, change: input },
        (trx) => repo.insertMemberState(trx, row),
      ),
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
  return updateAudited(
    ctx,
    { entityType: 'member_state', entityId: code, before, after: repo.mapMemberState(next) },
    async (trx) => (await repo.updateMemberState(trx, code, current.version, next)) > 0,
  );
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
  await deleteAudited(
    ctx,
    {
      entityType: 'member_state',
      entityId: code,
      snapshot: repo.mapMemberState(current),
      inUse:
        'Persons, organizations, memberships or meetings refer to this member state; mark it former instead.',
    },
    (trx) => repo.deleteMemberState(trx, code, current.version),
  );
}
