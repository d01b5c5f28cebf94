import type { Body, BodyCreate, BodyListQuery, BodyPatch, Page } from '@plenum/shared';
import { requireContentWriter } from '../../platform/access.ts';
import type { Ctx, Tx } from '../../platform/context.ts';
import { nowIso } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toPage } from '../../platform/pagination.ts';
import { searchText, storeText } from '../../platform/text.ts';
import { reindexBody } from '../search/indexer.ts';
import * as repo from './bodies.repository.ts';
import { deleteIfVersion, updateIfVersion } from './repository.ts';
import {
  audited,
  deleteAudited,
  expectVersion,
  guardReferences,
  patternOf,
  recordRef,
  sortCursor,
  sortKey,
  updateAudited,
} from './service.ts';

// Bodies are public (DESIGN §4: the portal shows a page per body with its mandate): reads need
// no sign-in; writes are the secretariat's.

/** The stored columns of a body's fields, with the derived search text and list order. */
function bodyColumns(b: BodyCreate) {
  return {
    slug: b.slug,
    name: storeText(b.name) as string,
    nameGenitive: storeText(b.nameGenitive),
    shortName: storeText(b.shortName),
    kind: b.kind,
    parentId: b.parentId,
    established: b.established,
    establishedBy: storeText(b.establishedBy),
    mandate: storeText(b.mandate),
    quorum: b.quorum,
    searchText: searchText(b.name, b.shortName),
    sortKey: sortKey(b.name),
  };
}

/** A body by its id or, failing that, by its slug. */
async function findBody(ctx: Ctx, idOrSlug: string): Promise<repo.BodyRow> {
  const row =
    (await repo.findBodyById(ctx.db, idOrSlug)) ?? (await repo.findBodyBySlug(ctx.db, idOrSlug));
  if (!row) {
    throw notFound('body');
  }
  return row;
}

/** Slug uniqueness and the parent's existence, judged by the database. */
function guardBodyWrite<T>(ctx: Ctx, input: BodyPatch, write: () => Promise<T>): Promise<T> {
  const refs = input.parentId ? [recordRef('parentId', 'body', 'bodies', input.parentId)] : [];
  return guardConstraints(() => guardReferences(ctx, refs, write), {
    unique: `A body with the slug ${input.slug} exists.`,
    uniqueErrors: [{ path: 'slug', message: 'Already in use' }],
  });
}

/** 422 when placing `body` under `parentId` would make it its own ancestor. */
async function refuseCycle(trx: Tx, body: repo.BodyRow, parentId: string): Promise<void> {
  const above = await repo.selfAndAncestorIds(trx, parentId);
  if (above.includes(body.id)) {
    throw new AppError(
      'unprocessable',
      parentId === body.id
        ? 'A body cannot be its own parent.'
        : 'The chosen parent is one of this body’s own sub-bodies, so the body would become its own ancestor; move that sub-body elsewhere first.',
      { errors: [{ path: 'parentId', message: 'Would make the body its own ancestor' }] },
    );
  }
}

/**
 * 422 when the quorum asks for more member states than there are (status member): such a body
 * could never decide in session. Checked when the rule is set; a later change of the member
 * states leaves it standing, and the sessions service then requires all of them.
 */
async function refuseUnreachableQuorum(trx: Tx, quorum: number | null): Promise<void> {
  if (quorum !== null && quorum > (await repo.countMemberStates(trx))) {
    throw new AppError(
      'unprocessable',
      'The quorum cannot exceed the number of member states; leave it empty to require all of them.',
      { errors: [{ path: 'quorum', message: 'More than the member states' }] },
    );
  }
}

export async function listBodiesPage(ctx: Ctx, q: BodyListQuery): Promise<Page<Body>> {
  const rows = await repo.listBodies(ctx.db, {
    kind: q.kind,
    parentId: q.parentId,
    pattern: patternOf(q.q),
    after: sortCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit, (r) => [r.sortKey, r.id], repo.mapBody);
}

export async function getBody(ctx: Ctx, idOrSlug: string): Promise<Body> {
  return repo.mapBody(await findBody(ctx, idOrSlug));
}

export async function createBody(ctx: Ctx, input: BodyCreate): Promise<Body> {
  requireContentWriter(ctx.actor);
  const now = nowIso();
  const row = { id: newId(), ...bodyColumns(input), version: 1, createdAt: now, updatedAt: now };
  await guardBodyWrite(ctx, input, () =>
    audited(
      ctx,
      { action: 'create', entityType: 'body', entityId: row.id, change: input },
      async (trx) => {
        await refuseUnreachableQuorum(trx, row.quorum);
        await repo.insertBody(trx, row);
      },
    ),
  );
  return repo.mapBody(row);
}

export async function updateBody(
  ctx: Ctx,
  idOrSlug: string,
  patch: BodyPatch,
  ifMatch: number | null,
): Promise<Body> {
  requireContentWriter(ctx.actor);
  const current = await findBody(ctx, idOrSlug);
  expectVersion(current.version, ifMatch);
  const before = repo.mapBody(current);
  const next = {
    ...current,
    ...bodyColumns({ ...before, ...patch }),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  const newParent = next.parentId !== current.parentId ? next.parentId : null;
  return guardBodyWrite(ctx, patch, () =>
    updateAudited(
      ctx,
      { entityType: 'body', entityId: current.id, before, after: repo.mapBody(next) },
      async (trx) => {
        if (newParent) {
          await repo.lockBodyTree(trx, ctx.dialect);
          await refuseCycle(trx, current, newParent);
        }
        // Only a changed rule is judged: an edit of the name keeps a rule that was valid when set.
        if (next.quorum !== current.quorum) {
          await refuseUnreachableQuorum(trx, next.quorum);
        }
        const updated = await updateIfVersion(trx, 'bodies', current.id, current.version, next);
        if (
          current.name !== next.name ||
          current.nameGenitive !== next.nameGenitive ||
          current.shortName !== next.shortName
        ) {
          // Meeting names derive from the body's name: what they are found by changes with it.
          await reindexBody(trx, current.id);
        }
        return updated;
      },
    ),
  );
}

export async function deleteBody(
  ctx: Ctx,
  idOrSlug: string,
  ifMatch: number | null,
): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await findBody(ctx, idOrSlug);
  expectVersion(current.version, ifMatch);
  await deleteAudited(
    ctx,
    {
      entityType: 'body',
      entityId: current.id,
      snapshot: repo.mapBody(current),
      inUse:
        'Sub-bodies, memberships, meetings or meeting participants refer to this body; remove or reassign them first.',
    },
    (trx) => deleteIfVersion(trx, 'bodies', current.id, current.version),
  );
}
