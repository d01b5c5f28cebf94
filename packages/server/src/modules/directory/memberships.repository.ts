import type { Membership } from '@plenum/shared';
import type { Insertable, Selectable } from 'kysely';
import type { MembershipTable } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';

export type MembershipRow = Selectable<MembershipTable>;

export function mapMembership(row: MembershipRow): Membership {
  return {
    id: row.id,
    personId: row.personId,
    bodyId: row.bodyId,
    role: row.role as Membership['role'],
    memberState: row.memberState,
    from: row.dateFrom,
    to: row.dateTo,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const findMembership = (db: Tx, id: string) =>
  db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();

/** Memberships in creation order (ids are UUID v7). */
export function listMemberships(
  db: Tx,
  q: {
    personId?: string;
    bodyId?: string;
    memberState?: string;
    role?: string;
    /** Only memberships in force on that day (inForce), or only those not in force then. */
    current?: { on: string; inForce: boolean };
    after: string | null;
    limit: number;
  },
) {
  let query = db.selectFrom('memberships').selectAll();
  if (q.personId) {
    query = query.where('personId', '=', q.personId);
  }
  if (q.bodyId) {
    query = query.where('bodyId', '=', q.bodyId);
  }
  if (q.memberState) {
    query = query.where('memberState', '=', q.memberState);
  }
  if (q.role) {
    query = query.where('role', '=', q.role);
  }
  const { current } = q;
  if (current) {
    query = query.where((eb) => {
      const inForce = eb.and([
        eb.or([eb('dateFrom', 'is', null), eb('dateFrom', '<=', current.on)]),
        eb.or([eb('dateTo', 'is', null), eb('dateTo', '>=', current.on)]),
      ]);
      return current.inForce ? inForce : eb.not(inForce);
    });
  }
  if (q.after !== null) {
    query = query.where('id', '>', q.after);
  }
  return query
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

export const insertMembership = (db: Tx, row: Insertable<MembershipTable>) =>
  db.insertInto('memberships').values(row).execute();
