import type { Body } from '@plenum/shared';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { BodyTable } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { afterSortKey, likeEscaped } from './repository.ts';

// Any constant: serialises changes of the body tree across PostgreSQL connections.
const BODY_TREE_LOCK = 7_270_002;

export type BodyRow = Selectable<BodyTable>;

export function mapBody(row: BodyRow): Body {
  return {
    id: row.id,
    slug: row.slug,
    name: parseText(row.name),
    nameGenitive: parseTextOrNull(row.nameGenitive),
    shortName: parseTextOrNull(row.shortName),
    kind: row.kind as Body['kind'],
    parentId: row.parentId,
    established: row.established,
    establishedBy: parseTextOrNull(row.establishedBy),
    mandate: parseTextOrNull(row.mandate),
    quorum: row.quorum,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const findBodyById = (db: Tx, id: string) =>
  db.selectFrom('bodies').selectAll().where('id', '=', id).executeTakeFirst();

export const findBodyBySlug = (db: Tx, slug: string) =>
  db.selectFrom('bodies').selectAll().where('slug', '=', slug).executeTakeFirst();

export function listBodies(
  db: Tx,
  q: {
    kind?: string;
    parentId?: string;
    pattern?: string;
    after: [string, string] | null;
    limit: number;
  },
) {
  let query = db.selectFrom('bodies').selectAll();
  if (q.kind) {
    query = query.where('kind', '=', q.kind);
  }
  if (q.parentId) {
    query = query.where('parentId', '=', q.parentId);
  }
  if (q.pattern) {
    query = query.where(likeEscaped('bodies.searchText', q.pattern));
  }
  if (q.after) {
    query = query.where(afterSortKey('bodies', q.after));
  }
  return query
    .orderBy('sortKey')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

export const insertBody = (db: Tx, row: Insertable<BodyTable>) =>
  db.insertInto('bodies').values(row).execute();

/** The member states whose presence can make a quorum (status member). */
export async function countMemberStates(db: Tx): Promise<number> {
  const row = await db
    .selectFrom('memberStates')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'member')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The body `id` and every body above it, walking parentId upwards. */
export async function selfAndAncestorIds(db: Tx, id: string): Promise<string[]> {
  const rows = await db
    .withRecursive('chain(id, parentId)', (qb) =>
      qb
        .selectFrom('bodies')
        .select(['id', 'parentId'])
        .where('id', '=', id)
        // union (not union all) ends the walk even on a cycle written outside the service.
        .union(
          qb
            .selectFrom('bodies')
            .innerJoin('chain', 'chain.parentId', 'bodies.id')
            .select(['bodies.id', 'bodies.parentId']),
        ),
    )
    .selectFrom('chain')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Makes concurrent parent changes wait for each other, so two moves cannot together close a
 * cycle that neither sees alone. SQLite already serialises writers.
 */
export async function lockBodyTree(trx: Tx, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(${BODY_TREE_LOCK})`.execute(trx);
  }
}
