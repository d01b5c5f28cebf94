import type {
  Membership,
  MembershipCreate,
  MembershipListQuery,
  MembershipPatch,
  Page,
} from '@plenum/shared';
import { requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { type Ctx, nowIso, todayIso } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import * as repo from './memberships.repository.ts';
import { deleteIfVersion, updateIfVersion } from './repository.ts';
import {
  audited,
  deleteAudited,
  expectVersion,
  guardReferences,
  memberStateRef,
  type Reference,
  recordRef,
  updateAudited,
} from './service.ts';

// Memberships are part of the internal record: reading needs a sign-in, writing the secretariat.

/** The stored columns of a membership; 400 on `to` when it ends before it begins. */
function membershipColumns(m: MembershipCreate) {
  if (m.from !== null && m.to !== null && m.to < m.from) {
    throw invalid('to', 'Must not be before from');
  }
  return {
    personId: m.personId,
    bodyId: m.bodyId,
    role: m.role,
    memberState: m.memberState,
    dateFrom: m.from,
    dateTo: m.to,
  };
}

async function findMembership(ctx: Ctx, id: string): Promise<repo.MembershipRow> {
  const row = await repo.findMembership(ctx.db, id);
  if (!row) {
    throw notFound('membership');
  }
  return row;
}

function membershipRefs(input: Partial<MembershipCreate>): Reference[] {
  const refs: Reference[] = [];
  if (input.personId) {
    refs.push(recordRef('personId', 'person', 'persons', input.personId));
  }
  if (input.bodyId) {
    refs.push(recordRef('bodyId', 'body', 'bodies', input.bodyId));
  }
  if (input.memberState) {
    refs.push(memberStateRef('memberState', input.memberState));
  }
  return refs;
}

export async function listMembershipsPage(
  ctx: Ctx,
  q: MembershipListQuery,
): Promise<Page<Membership>> {
  requireSignedIn(ctx.actor);
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listMemberships(ctx.db, {
    personId: q.personId,
    bodyId: q.bodyId,
    memberState: q.memberState,
    role: q.role,
    current: q.current ? { on: todayIso(), inForce: q.current === 'true' } : undefined,
    after: after ? String(after[0]) : null,
    limit: q.limit,
  });
  return toPage(rows, q.limit, (r) => [r.id], repo.mapMembership);
}

export async function getMembership(ctx: Ctx, id: string): Promise<Membership> {
  requireSignedIn(ctx.actor);
  return repo.mapMembership(await findMembership(ctx, id));
}

export async function createMembership(ctx: Ctx, input: MembershipCreate): Promise<Membership> {
  requireContentWriter(ctx.actor);
  const now = nowIso();
  const row = {
    id: newId(),
    ...membershipColumns(input),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await guardReferences(ctx, membershipRefs(input), () =>
    audited(
      ctx,
      { action: 'create', entityType: 'membership', entityId: row.id, change: input },
      (trx) => repo.insertMembership(trx, row),
    ),
  );
  return repo.mapMembership(row);
}

export async function updateMembership(
  ctx: Ctx,
  id: string,
  patch: MembershipPatch,
  ifMatch: number | null,
): Promise<Membership> {
  requireContentWriter(ctx.actor);
  const current = await findMembership(ctx, id);
  expectVersion(current.version, ifMatch);
  const before = repo.mapMembership(current);
  const next = {
    ...current,
    ...membershipColumns({ ...before, ...patch }),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  return guardReferences(ctx, membershipRefs(patch), () =>
    updateAudited(
      ctx,
      { entityType: 'membership', entityId: id, before, after: repo.mapMembership(next) },
      (trx) => updateIfVersion(trx, 'memberships', id, current.version, next),
    ),
  );
}

export async function deleteMembership(
  ctx: Ctx,
  id: string,
  ifMatch: number | null,
): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await findMembership(ctx, id);
  expectVersion(current.version, ifMatch);
  await deleteAudited(
    ctx,
    { entityType: 'membership', entityId: id, snapshot: repo.mapMembership(current) },
    (trx) => deleteIfVersion(trx, 'memberships', id, current.version),
  );
}
