import type { MemberState } from '@plenum/shared';
import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Database, MemberStateTable } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText } from '../../platform/text.ts';

// ---- Pieces every directory repository uses --------------------------------------------------

/** The directory's tables keyed by a generated `id` and versioned. */
export type IdTable = 'bodies' | 'persons' | 'memberships' | 'organizations';
type SortedTable = 'bodies' | 'persons' | 'organizations';

/** `column LIKE pattern`, escaping with a backslash as likePattern() expects on both databases. */
export const likeEscaped = (column: string, pattern: string) =>
  sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;

/** Rows after the cursor in lists ordered by (sort_key, id). */
export const afterSortKey = (table: SortedTable, [key, id]: [string, string]) =>
  sql<SqlBool>`(${sql.ref(`${table}.sortKey`)}, ${sql.ref(`${table}.id`)}) > (${key}, ${id})`;

export const existsById = async (db: Tx, table: IdTable, id: string): Promise<boolean> =>
  (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

/** Updates the row if its stored version is still `version`; false when someone changed it. */
export async function updateIfVersion<T extends IdTable>(
  db: Tx,
  table: T,
  id: string,
  version: number,
  values: Updateable<Database[T]>,
): Promise<boolean> {
  const result = await db
    .updateTable(table as IdTable)
    .set(values as Updateable<Database[IdTable]>)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the row if its stored version is still `version`; false when someone changed it. */
export async function deleteIfVersion(
  db: Tx,
  table: IdTable,
  id: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

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
    query = query.where(likeEscaped('memberStates.searchText', q.q));
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

/** Deletes when the stored version is still `version`; false when someone changed it. */
export async function deleteMemberState(db: Tx, code: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('memberStates')
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
