import type {
  AccessList,
  Document,
  DocumentVersion,
  DocumentVersionListItem,
} from '@plenum/shared';
import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { DocumentTable, DocumentVersionTable, FileTable } from '../../db/tables/documents.ts';
import type { Actor, Tx } from '../../platform/context.ts';
import { fileHref } from '../../platform/files.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { whereDocumentReadable } from './access.ts';

export type DocumentRow = Selectable<DocumentTable>;
export type VersionRow = Selectable<DocumentVersionTable> & {
  fileSize: number | null;
  fileMediaType: string | null;
};

function parseAccessList(value: string | null): Document['accessList'] {
  if (value === null) {
    return null;
  }
  const list = JSON.parse(value) as Partial<AccessList>;
  return { memberStates: list.memberStates ?? [], bodyIds: list.bodyIds ?? [] };
}

export function mapDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    title: parseText(row.title),
    kind: row.kind as Document['kind'],
    bodyId: row.bodyId,
    classification: row.classification as Document['classification'],
    accessList: parseAccessList(row.accessList),
    status: row.status as Document['status'],
    latestVersion: row.latestVersion,
    adoptedByDecisionId: row.adoptedByDecisionId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function mapVersionFile(row: VersionRow): DocumentVersion['file'] {
  if (row.fileSha256 === null) {
    return null;
  }
  return {
    sha256: row.fileSha256,
    name: row.fileName ?? row.fileSha256,
    size: row.fileSize ?? 0,
    mediaType: row.fileMediaType ?? 'application/octet-stream',
    href: fileHref(row.fileSha256),
  };
}

export function mapVersion(row: VersionRow): DocumentVersion {
  return {
    id: row.id,
    documentId: row.documentId,
    number: row.number,
    text: parseTextOrNull(row.text),
    textHtml:
      row.textHtml === null ? null : (JSON.parse(row.textHtml) as DocumentVersion['textHtml']),
    file: mapVersionFile(row),
    note: parseTextOrNull(row.note),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

export function mapVersionListItem(row: VersionRow): DocumentVersionListItem {
  return {
    id: row.id,
    documentId: row.documentId,
    number: row.number,
    hasText: row.text !== null,
    file: mapVersionFile(row),
    note: parseTextOrNull(row.note),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

// ---- Documents -------------------------------------------------------------------------------

/** A document the actor may read; an unreadable one is exactly as absent as a missing one. */
export function findReadableDocument(db: Tx, actor: Actor, id: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .where(whereDocumentReadable(actor))
    .executeTakeFirst();
}

/** A document regardless of access, for writes whose access was checked by the caller. */
export function findDocumentRow(db: Tx, id: string) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface DocumentFilters {
  kind?: string;
  bodyId?: string;
  status?: string;
  classification?: string;
  /** A LIKE pattern made by likePattern (backslash escapes). */
  q?: string;
}

/** A page of readable documents, newest first (UUID v7 ids are time-ordered). */
export function listDocuments(
  db: Tx,
  actor: Actor,
  f: DocumentFilters,
  after: string | null,
  limit: number,
) {
  let query = db.selectFrom('documents').selectAll().where(whereDocumentReadable(actor));
  if (f.kind !== undefined) {
    query = query.where('kind', '=', f.kind);
  }
  if (f.bodyId !== undefined) {
    query = query.where('bodyId', '=', f.bodyId);
  }
  if (f.status !== undefined) {
    query = query.where('status', '=', f.status);
  }
  if (f.classification !== undefined) {
    query = query.where('classification', '=', f.classification);
  }
  if (f.q !== undefined) {
    query = query.where(sql<SqlBool>`${sql.ref('searchText')} like ${f.q} escape '\\'`);
  }
  if (after !== null) {
    query = query.where('id', '<', after);
  }
  return query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export const insertDocument = (db: Tx, row: Insertable<DocumentTable>) =>
  db.insertInto('documents').values(row).execute();

/** Updates when the stored version is still `version`; returns the number of rows changed. */
export async function updateDocument(
  db: Tx,
  id: string,
  version: number,
  values: Updateable<DocumentTable>,
): Promise<number> {
  const result = await db
    .updateTable('documents')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Mirrors a document's access list into document_access, one row per state and per body. */
export async function replaceAccess(
  db: Tx,
  documentId: string,
  list: { memberStates: string[]; bodyIds: string[] } | null,
): Promise<void> {
  await db.deleteFrom('documentAccess').where('documentId', '=', documentId).execute();
  const rows = [
    ...(list?.memberStates ?? []).map((memberState) => ({
      documentId,
      memberState,
      bodyId: null,
    })),
    ...(list?.bodyIds ?? []).map((bodyId) => ({ documentId, memberState: null, bodyId })),
  ];
  if (rows.length > 0) {
    await db.insertInto('documentAccess').values(rows).execute();
  }
}

/** Which of these member state codes and body ids exist. */
export async function existingReferences(
  db: Tx,
  memberStates: string[],
  bodyIds: string[],
): Promise<{ memberStates: Set<string>; bodyIds: Set<string> }> {
  const states =
    memberStates.length > 0
      ? await db
          .selectFrom('memberStates')
          .select('code')
          .where('code', 'in', memberStates)
          .execute()
      : [];
  const bodies =
    bodyIds.length > 0
      ? await db.selectFrom('bodies').select('id').where('id', 'in', bodyIds).execute()
      : [];
  return {
    memberStates: new Set(states.map((s) => s.code)),
    bodyIds: new Set(bodies.map((b) => b.id)),
  };
}

export async function decisionExists(db: Tx, id: string): Promise<boolean> {
  const row = await db.selectFrom('decisions').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Removes a document with its versions' file links; versions and access rows cascade. */
export async function deleteDocument(db: Tx, id: string): Promise<void> {
  await db
    .deleteFrom('fileLinks')
    .where('ownerType', '=', 'document_version')
    .where(
      'ownerId',
      'in',
      db.selectFrom('documentVersions').select('id').where('documentId', '=', id),
    )
    .execute();
  await db.deleteFrom('documents').where('id', '=', id).execute();
}

// ---- Versions --------------------------------------------------------------------------------

function selectVersions(db: Tx) {
  return db
    .selectFrom('documentVersions')
    .leftJoin('files', 'files.sha256', 'documentVersions.fileSha256')
    .selectAll('documentVersions')
    .select(['files.size as fileSize', 'files.mediaType as fileMediaType']);
}

export function findVersion(db: Tx, documentId: string, number: number) {
  return selectVersions(db)
    .where('documentVersions.documentId', '=', documentId)
    .where('documentVersions.number', '=', number)
    .executeTakeFirst();
}

/** A page of a document's versions, newest first. */
export function listVersions(db: Tx, documentId: string, before: number | null, limit: number) {
  let query = selectVersions(db).where('documentVersions.documentId', '=', documentId);
  if (before !== null) {
    query = query.where('documentVersions.number', '<', before);
  }
  return query
    .orderBy('documentVersions.number', 'desc')
    .limit(limit + 1)
    .execute();
}

/**
 * Takes the next version number of a document. The increment is one UPDATE, so on PostgreSQL it
 * holds the row lock until the transaction ends and concurrent writers queue behind it (SQLite
 * has one writer at a time): numbers come out 1, 2, 3… without gaps or duplicates.
 */
export async function takeNextVersionNumber(
  trx: Tx,
  documentId: string,
  now: string,
): Promise<number> {
  const row = await trx
    .updateTable('documents')
    .set((eb) => ({
      latestVersion: eb('latestVersion', '+', 1),
      version: eb('version', '+', 1),
      updatedAt: now,
    }))
    .where('id', '=', documentId)
    .returning('latestVersion')
    .executeTakeFirstOrThrow();
  return row.latestVersion;
}

export const insertVersion = (db: Tx, row: Insertable<DocumentVersionTable>) =>
  db.insertInto('documentVersions').values(row).execute();

export function findFile(db: Tx, sha256: string): Promise<Selectable<FileTable> | undefined> {
  return db.selectFrom('files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}
