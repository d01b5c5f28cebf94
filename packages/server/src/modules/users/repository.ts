import type { User } from '@plenum/shared';
import type { Selectable } from 'kysely';
import type { UserTable } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';

export type UserRow = Selectable<UserTable>;

export function mapUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as User['role'],
    memberState: row.memberState,
    bodyIds: JSON.parse(row.bodyIds) as string[],
    language: row.language as User['language'],
    active: row.active === 1,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const findUserById = (db: Tx, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Tx, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export async function countUsers(db: Tx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listUsers(
  db: Tx,
  q: { role?: string; memberState?: string; after: [string, string] | null; limit: number },
) {
  let query = db.selectFrom('users').selectAll();
  if (q.role) {
    query = query.where('role', '=', q.role);
  }
  if (q.memberState) {
    query = query.where('memberState', '=', q.memberState);
  }
  if (q.after) {
    const [email, id] = q.after;
    query = query.where((eb) =>
      eb.or([eb('email', '>', email), eb.and([eb('email', '=', email), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('email')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}
