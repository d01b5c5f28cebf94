import type { LinkedDecision } from '@plenum/shared';
import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { StandardAdoptionTable, StandardTable } from '../../db/tables/standards.ts';
import type { Actor, Tx } from '../../platform/context.ts';
import { parseText } from '../../platform/text.ts';
import { whereDocumentReadable } from '../documents/access.ts';

export type StandardRow = StandardTable;
export type AdoptionRow = StandardAdoptionTable;

export interface StandardFilters {
  status?: string;
  bodyId?: string;
  leadMemberState?: string;
  decisionId?: string;
  adoptedBy?: string;
  /** A LIKE pattern made by likePattern (backslash escapes). */
  q?: string;
}

export function findStandard(db: Tx, id: string): Promise<StandardRow | undefined> {
  return db.selectFrom('standards').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The register in designation order, keyset-paged by (sortKey, id); fetches limit + 1. */
export function listStandards(
  db: Tx,
  f: StandardFilters,
  after: [string, string] | null,
  limit: number,
): Promise<StandardRow[]> {
  let query = db.selectFrom('standards').selectAll();
  if (f.status) {
    query = query.where('status', '=', f.status);
  }
  if (f.bodyId) {
    query = query.where('bodyId', '=', f.bodyId);
  }
  if (f.leadMemberState) {
    query = query.where('leadMemberState', '=', f.leadMemberState);
  }
  if (f.q) {
    query = query.where(sql<SqlBool>`${sql.ref('searchText')} like ${f.q} escape '\\'`);
  }
  if (f.decisionId) {
    const decisionId = f.decisionId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('standardDecisions')
          .select('standardDecisions.standardId')
          .whereRef('standardDecisions.standardId', '=', 'standards.id')
          .where('standardDecisions.decisionId', '=', decisionId),
      ),
    );
  }
  if (f.adoptedBy) {
    const state = f.adoptedBy;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('standardAdoptions')
          .select('standardAdoptions.standardId')
          .whereRef('standardAdoptions.standardId', '=', 'standards.id')
          .where('standardAdoptions.memberState', '=', state)
          .where('standardAdoptions.status', 'in', ['adopted', 'adopted_with_reservations']),
      ),
    );
  }
  if (after) {
    const [key, id] = after;
    query = query.where((eb) =>
      eb.or([eb('sortKey', '>', key), eb.and([eb('sortKey', '=', key), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('sortKey')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

export function insertStandard(db: Tx, row: Insertable<StandardTable>) {
  return db.insertInto('standards').values(row).execute();
}

export async function updateStandardRow(
  db: Tx,
  id: string,
  version: number,
  values: Updateable<StandardTable>,
): Promise<number> {
  const result = await db
    .updateTable('standards')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteStandardRow(db: Tx, id: string, version: number): Promise<number> {
  const result = await db
    .deleteFrom('standards')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- Adoptions -------------------------------------------------------------------------------

export function adoptionsOf(db: Tx, standardIds: string[]): Promise<AdoptionRow[]> {
  if (standardIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('standardAdoptions')
    .selectAll()
    .where('standardId', 'in', standardIds)
    .orderBy('memberState')
    .execute();
}

export function findAdoption(
  db: Tx,
  standardId: string,
  memberState: string,
): Promise<AdoptionRow | undefined> {
  return db
    .selectFrom('standardAdoptions')
    .selectAll()
    .where('standardId', '=', standardId)
    .where('memberState', '=', memberState)
    .executeTakeFirst();
}

export function insertAdoption(db: Tx, row: Insertable<StandardAdoptionTable>) {
  return db.insertInto('standardAdoptions').values(row).execute();
}

export async function updateAdoption(
  db: Tx,
  standardId: string,
  memberState: string,
  version: number,
  values: Updateable<StandardAdoptionTable>,
): Promise<number> {
  const result = await db
    .updateTable('standardAdoptions')
    .set(values)
    .where('standardId', '=', standardId)
    .where('memberState', '=', memberState)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The columns of the adoption matrix: states with status `member`, by code. */
export async function memberStateCodes(db: Tx): Promise<string[]> {
  const rows = await db
    .selectFrom('memberStates')
    .select('code')
    .where('status', '=', 'member')
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

export function findMemberState(db: Tx, code: string) {
  return db
    .selectFrom('memberStates')
    .select(['code', 'status'])
    .where('code', '=', code)
    .executeTakeFirst();
}

// ---- Linked document and decisions ------------------------------------------------------------

/** The linked document if the actor may read it, with its latest consultation round. */
export async function readableDocument(db: Tx, actor: Actor, documentId: string) {
  const doc = await db
    .selectFrom('documents')
    .select(['documents.id', 'documents.title', 'documents.status'])
    .where('documents.id', '=', documentId)
    .where(whereDocumentReadable(actor))
    .executeTakeFirst();
  if (!doc) {
    return undefined;
  }
  const round = await db
    .selectFrom('consultations')
    .select(['id', 'round', 'status', 'outcome', 'deadline'])
    .where('documentId', '=', documentId)
    .orderBy('round', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { ...doc, round };
}

/** The ids among these the actor may read (documents are classified; see documents/access.ts). */
export async function readableDocumentIds(
  db: Tx,
  actor: Actor,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('documents')
    .select('documents.id')
    .where('documents.id', 'in', ids)
    .where(whereDocumentReadable(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function existingDecisionIds(db: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db.selectFrom('decisions').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The decisions each standard names, in order of adoption, keyed by standard id. */
export async function standardDecisions(
  db: Tx,
  standardIds: string[],
): Promise<Map<string, LinkedDecision[]>> {
  if (standardIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('standardDecisions as l')
    .innerJoin('decisions as d', 'd.id', 'l.decisionId')
    .select(['l.standardId as entryId', 'd.id', 'd.number', 'd.title', 'd.adoptedOn'])
    .where('l.standardId', 'in', standardIds)
    .orderBy('d.sortKey')
    .execute();
  return groupDecisions(rows);
}

export function groupDecisions(
  rows: { entryId: string; id: string; number: string; title: string; adoptedOn: string }[],
): Map<string, LinkedDecision[]> {
  const out = new Map<string, LinkedDecision[]>();
  for (const r of rows) {
    const list = out.get(r.entryId) ?? [];
    list.push({ id: r.id, number: r.number, title: parseText(r.title), adoptedOn: r.adoptedOn });
    out.set(r.entryId, list);
  }
  return out;
}

export async function replaceStandardDecisions(
  db: Tx,
  standardId: string,
  decisionIds: string[],
): Promise<void> {
  await db.deleteFrom('standardDecisions').where('standardId', '=', standardId).execute();
  if (decisionIds.length > 0) {
    await db
      .insertInto('standardDecisions')
      .values(decisionIds.map((decisionId) => ({ standardId, decisionId })))
      .execute();
  }
}

export function standardsNamingDecision(db: Tx, decisionId: string) {
  return db
    .selectFrom('standardDecisions as l')
    .innerJoin('standards as s', 's.id', 'l.standardId')
    .select(['s.id', 's.designation', 's.title', 's.status'])
    .where('l.decisionId', '=', decisionId)
    .orderBy('s.sortKey')
    .execute();
}

export async function bodyExists(db: Tx, bodyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('bodies')
    .select('id')
    .where('id', '=', bodyId)
    .executeTakeFirst();
  return row !== undefined;
}

export function bodyNames(db: Tx) {
  return db.selectFrom('bodies').select(['id', 'name', 'shortName']).execute();
}
