import type {
  Organization,
  OrganizationCreate,
  OrganizationListQuery,
  OrganizationPatch,
  Page,
} from '@plenum/shared';
import { requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { type Ctx, nowIso } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toPage } from '../../platform/pagination.ts';
import { searchText, storeText } from '../../platform/text.ts';
import { reindexOrganization } from '../search/indexer.ts';
import * as repo from './organizations.repository.ts';
import { deleteIfVersion, updateIfVersion } from './repository.ts';
import {
  audited,
  deleteAudited,
  expectVersion,
  guardReferences,
  memberStateRef,
  patternOf,
  sortCursor,
  sortKey,
  updateAudited,
} from './service.ts';

// Organizations are part of the internal record: reading needs a sign-in, writing the secretariat.

function organizationColumns(o: OrganizationCreate) {
  return {
    name: storeText(o.name) as string,
    memberState: o.memberState,
    kind: o.kind,
    searchText: searchText(o.name),
    sortKey: sortKey(o.name),
  };
}

async function findOrganization(ctx: Ctx, id: string): Promise<repo.OrganizationRow> {
  const row = await repo.findOrganization(ctx.db, id);
  if (!row) {
    throw notFound('organization');
  }
  return row;
}

const organizationRefs = (input: OrganizationPatch) =>
  input.memberState ? [memberStateRef('memberState', input.memberState)] : [];

export async function listOrganizationsPage(
  ctx: Ctx,
  q: OrganizationListQuery,
): Promise<Page<Organization>> {
  requireSignedIn(ctx.actor);
  const rows = await repo.listOrganizations(ctx.db, {
    memberState: q.memberState,
    kind: q.kind,
    pattern: patternOf(q.q),
    after: sortCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit, (r) => [r.sortKey, r.id], repo.mapOrganization);
}

export async function getOrganization(ctx: Ctx, id: string): Promise<Organization> {
  requireSignedIn(ctx.actor);
  return repo.mapOrganization(await findOrganization(ctx, id));
}

export async function createOrganization(
  ctx: Ctx,
  input: OrganizationCreate,
): Promise<Organization> {
  requireContentWriter(ctx.actor);
  const now = nowIso();
  const row = {
    id: newId(),
    ...organizationColumns(input),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await guardReferences(ctx, organizationRefs(input), () =>
    audited(
      ctx,
      { action: 'create', entityType: 'organization', entityId: row.id, change: input },
      (trx) => repo.insertOrganization(trx, row),
    ),
  );
  return repo.mapOrganization(row);
}

export async function updateOrganization(
  ctx: Ctx,
  id: string,
  patch: OrganizationPatch,
  ifMatch: number | null,
): Promise<Organization> {
  requireContentWriter(ctx.actor);
  const current = await findOrganization(ctx, id);
  expectVersion(current.version, ifMatch);
  const before = repo.mapOrganization(current);
  const next = {
    ...current,
    ...organizationColumns({ ...before, ...patch }),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  return guardReferences(ctx, organizationRefs(patch), () =>
    updateAudited(
      ctx,
      { entityType: 'organization', entityId: id, before, after: repo.mapOrganization(next) },
      async (trx) => {
        const updated = await updateIfVersion(trx, 'organizations', id, current.version, next);
        if (current.name !== next.name) {
          await reindexOrganization(trx, id);
        }
        return updated;
      },
    ),
  );
}

export async function deleteOrganization(
  ctx: Ctx,
  id: string,
  ifMatch: number | null,
): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await findOrganization(ctx, id);
  expectVersion(current.version, ifMatch);
  // Nothing refers to organizations yet; projects and program measures will (restrict), and
  // this message will then explain the refusal.
  await deleteAudited(
    ctx,
    {
      entityType: 'organization',
      entityId: id,
      snapshot: repo.mapOrganization(current),
      inUse: 'Other records refer to this organization; remove or reassign them first.',
    },
    (trx) => deleteIfVersion(trx, 'organizations', id, current.version),
  );
}
