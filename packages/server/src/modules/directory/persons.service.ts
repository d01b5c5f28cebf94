import type { Page, Person, PersonCreate, PersonListQuery, PersonPatch } from '@plenum/shared';
import { requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { type Ctx, nowIso } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toPage } from '../../platform/pagination.ts';
import { searchText, storeText } from '../../platform/text.ts';
import * as repo from './persons.repository.ts';
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

// Persons are part of the internal record: reading needs a sign-in, writing the secretariat.

function personColumns(p: PersonCreate) {
  return {
    name: storeText(p.name) as string,
    memberState: p.memberState,
    position: storeText(p.position),
    searchText: searchText(p.name),
    sortKey: sortKey(p.name),
  };
}

async function findPerson(ctx: Ctx, id: string): Promise<repo.PersonRow> {
  const row = await repo.findPerson(ctx.db, id);
  if (!row) {
    throw notFound('person');
  }
  return row;
}

const personRefs = (input: PersonPatch) =>
  input.memberState ? [memberStateRef('memberState', input.memberState)] : [];

export async function listPersonsPage(ctx: Ctx, q: PersonListQuery): Promise<Page<Person>> {
  requireSignedIn(ctx.actor);
  const rows = await repo.listPersons(ctx.db, {
    memberState: q.memberState,
    bodyId: q.bodyId,
    pattern: patternOf(q.q),
    after: sortCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit, (r) => [r.sortKey, r.id], repo.mapPerson);
}

export async function getPerson(ctx: Ctx, id: string): Promise<Person> {
  requireSignedIn(ctx.actor);
  return repo.mapPerson(await findPerson(ctx, id));
}

export async function createPerson(ctx: Ctx, input: PersonCreate): Promise<Person> {
  requireContentWriter(ctx.actor);
  const now = nowIso();
  const row = { id: newId(), ...personColumns(input), version: 1, createdAt: now, updatedAt: now };
  await guardReferences(ctx, personRefs(input), () =>
    audited(
      ctx,
      { action: 'create', entityType: 'person', entityId: row.id, change: input },
      (trx) => repo.insertPerson(trx, row),
    ),
  );
  return repo.mapPerson(row);
}

export async function updatePerson(
  ctx: Ctx,
  id: string,
  patch: PersonPatch,
  ifMatch: number | null,
): Promise<Person> {
  requireContentWriter(ctx.actor);
  const current = await findPerson(ctx, id);
  expectVersion(current.version, ifMatch);
  const before = repo.mapPerson(current);
  const next = {
    ...current,
    ...personColumns({ ...before, ...patch }),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  return guardReferences(ctx, personRefs(patch), () =>
    updateAudited(
      ctx,
      { entityType: 'person', entityId: id, before, after: repo.mapPerson(next) },
      (trx) => updateIfVersion(trx, 'persons', id, current.version, next),
    ),
  );
}

export async function deletePerson(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await findPerson(ctx, id);
  expectVersion(current.version, ifMatch);
  await deleteAudited(
    ctx,
    {
      entityType: 'person',
      entityId: id,
      snapshot: repo.mapPerson(current),
      inUse:
        'Memberships, meetings (as chair), meeting participants or agenda items (as rapporteur) refer to this person; remove or reassign them first.',
    },
    (trx) => deleteIfVersion(trx, 'persons', id, current.version),
  );
}
