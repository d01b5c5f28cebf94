import type { Organization } from '@plenum/shared';
import type { Insertable, Selectable } from 'kysely';
import type { OrganizationTable } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText } from '../../platform/text.ts';
import { afterSortKey, likeEscaped } from './repository.ts';

export type OrganizationRow = Selectable<OrganizationTable>;

export function mapOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: parseText(row.name),
    memberState: row.memberState,
    kind: row.kind as Organization['kind'],
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const findOrganization = (db: Tx, id: string) =>
  db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();

export function listOrganizations(
  db: Tx,
  q: {
    memberState?: string;
    kind?: string;
    pattern?: string;
    after: [string, string] | null;
    limit: number;
  },
) {
  let query = db.selectFrom('organizations').selectAll();
  if (q.memberState) {
    query = query.where('memberState', '=', q.memberState);
  }
  if (q.kind) {
    query = query.where('kind', '=', q.kind);
  }
  if (q.pattern) {
    query = query.where(likeEscaped('organizations.searchText', q.pattern));
  }
  if (q.after) {
    query = query.where(afterSortKey('organizations', q.after));
  }
  return query
    .orderBy('sortKey')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

export const insertOrganization = (db: Tx, row: Insertable<OrganizationTable>) =>
  db.insertInto('organizations').values(row).execute();
