import type { MemberState } from '@plenum/shared';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { MemberStateTable } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText } from '../../platform/text.ts';

// ---- Member states ---------------------------------------------------------------------------

export type MemberStateRow = Selectable<MemberStateTable>;

export function mapMemberState(row: MemberStateRow): MemberState {
  return {
    code: row.code,
    name: parseText(row.name),
    status: row.status as MemberState['status'],
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const findMemberState = (db: Tx, code: string) =>
  db.selectFrom('memberStates').selectAll().where('code', '=', code).executeTakeFirst();

export function listMemberStates(
  db: Tx,
  q: { status?: string; q?: string; after: string | null; limit: number },
) {
  let query = db.selectFrom('memberStates').selectAll();
  if (q.status) {
    query = query.where('status', '=', q.status);
  }
  if (q.q) {
    query = query.where('searchText', 'like', q.q);
  }
  if (q.after !== null) {
    query = query.where('code', '>', q.after);
  }
  return query
    .orderBy('code')
    .limit(q.limit + 1)
    .execute();
}

export const insertMemberState = (db: Tx, row: Insertable<MemberStateTable>) =>
  db.insertInto('memberStates').values(row).execute();

/** Updates when the stored version is still `version`; returns the number of rows changed. */
export async function updateMemberState(
  db: Tx,
  code: string,
  version: number,
  values: Updateable<MemberStateTable>,
): Promise<number> {
  const result = await db
    .updateTable('memberStates')
    .set(values)
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export const deleteMemberState = (db: Tx, code: string) =>
  db.deleteFrom('memberStates').where('code', '=', code).execute();
