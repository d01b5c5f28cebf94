import type { Person } from '@plenum/shared';
import type { Insertable, Selectable } from 'kysely';
import type { PersonTable } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { afterSortKey, likeEscaped } from './repository.ts';

export type PersonRow = Selectable<PersonTable>;

export function mapPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: parseText(row.name),
    memberState: row.memberState,
    position: parseTextOrNull(row.position),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const findPerson = (db: Tx, id: string) =>
  db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();

export function listPersons(
  db: Tx,
  q: {
    memberState?: string;
    bodyId?: string;
    pattern?: string;
    after: [string, string] | null;
    limit: number;
  },
) {
  let query = db.selectFrom('persons').selectAll('persons');
  if (q.memberState) {
    query = query.where('persons.memberState', '=', q.memberState);
  }
  const { bodyId } = q;
  if (bodyId) {
    // exists, not a join: a person with two memberships in the body is listed once.
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships')
          .select('memberships.id')
          .whereRef('memberships.personId', '=', 'persons.id')
          .where('memberships.bodyId', '=', bodyId),
      ),
    );
  }
  if (q.pattern) {
    query = query.where(likeEscaped('persons.searchText', q.pattern));
  }
  if (q.after) {
    query = query.where(afterSortKey('persons', q.after));
  }
  return query
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .limit(q.limit + 1)
    .execute();
}

export const insertPerson = (db: Tx, row: Insertable<PersonTable>) =>
  db.insertInto('persons').values(row).execute();
