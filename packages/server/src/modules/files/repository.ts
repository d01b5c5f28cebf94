import { type Attachment, type FileOwnerType, PUBLIC_MEETING_STATUSES } from '@plenum/shared';
import { type Expression, expressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FileLinkTable, FileTable } from '../../db/tables/documents.ts';
import { isSignedIn, isStaff } from '../../platform/access.ts';
import { type Actor, nowIso, type Tx } from '../../platform/context.ts';
import { fileHref } from '../../platform/files.ts';
import { whereDocumentReadable } from '../documents/access.ts';
import { wherePubliclyVisible } from '../news/access.ts';

export type FileRow = Selectable<FileTable>;
export type FileLinkRow = Selectable<FileLinkTable>;

export function mapAttachment(row: FileLinkRow & { size: number; mediaType: string }): Attachment {
  return {
    sha256: row.sha256,
    name: row.name,
    size: row.size,
    mediaType: row.mediaType,
    createdAt: row.createdAt,
    href: fileHref(row.sha256),
  };
}

/**
 * Restricts a query on `fileLinks` to links whose owner the actor may read (DESIGN §3): a
 * document version through its document's classification and access list; decisions, reports
 * and agenda items as the internal record (signed in), and public items of public meetings for
 * anyone. Links to owners that no longer exist lead nowhere. News links follow their item: everyone
 * once it is publicly visible (news/access.ts), staff always.
 */
export function whereLinkReadable(actor: Actor): Expression<SqlBool> {
  if (isStaff(actor)) {
    return sql<SqlBool>`1 = 1`;
  }
  const eb = expressionBuilder<Database, 'fileLinks'>();
  const ofType = (type: FileOwnerType) => eb('fileLinks.ownerType', '=', type);
  const ownerIs = (table: 'decisions' | 'implementationReports' | 'agendaItems') =>
    eb.exists(
      eb
        .selectFrom(table)
        .select(sql.lit(1).as('one'))
        .whereRef(`${table}.id`, '=', 'fileLinks.ownerId'),
    );
  const documentVersion = eb.and([
    ofType('document_version'),
    eb.exists(
      eb
        .selectFrom('documentVersions')
        .innerJoin('documents', 'documents.id', 'documentVersions.documentId')
        .select('documentVersions.id')
        .whereRef('documentVersions.id', '=', 'fileLinks.ownerId')
        .where(whereDocumentReadable(actor)),
    ),
  ]);
  // ---- news (modules/news): readable by anyone once the item is publicly visible ----
  const news = eb.and([
    ofType('news'),
    eb.exists(
      eb
        .selectFrom('newsItems')
        .select('newsItems.id')
        .whereRef('newsItems.id', '=', 'fileLinks.ownerId')
        .where(wherePubliclyVisible(nowIso())),
    ),
  ]);
  // ---- end news ----
  if (!isSignedIn(actor)) {
    return eb.or([
      documentVersion,
      news,
      eb.and([
        ofType('agenda_item'),
        eb.exists(
          eb
            .selectFrom('agendaItems')
            .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
            .select('agendaItems.id')
            .whereRef('agendaItems.id', '=', 'fileLinks.ownerId')
            .where('agendaItems.public', '=', 1)
            .where('meetings.status', 'in', [...PUBLIC_MEETING_STATUSES]),
        ),
      ]),
    ]);
  }
  return eb.or([
    documentVersion,
    news,
    eb.and([ofType('decision'), ownerIs('decisions')]),
    eb.and([ofType('report'), ownerIs('implementationReports')]),
    eb.and([ofType('agenda_item'), ownerIs('agendaItems')]),
  ]);
}

export function findFile(db: Tx, sha256: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/**
 * The name under which the actor may read a stored file: the earliest link it may read, else its
 * own upload of the same bytes; staff read any file. Undefined when the actor may not read it.
 */
export async function readableFileName(
  db: Tx,
  actor: Actor,
  sha256: string,
): Promise<string | undefined> {
  return (await readableFile(db, actor, sha256))?.name;
}

/**
 * As readableFileName, and the restricted document (if any) whose version holds the file, found
 * in the same query, so that reading it can be recorded (issue 9) without another round trip.
 */
export async function readableFile(
  db: Tx,
  actor: Actor,
  sha256: string,
): Promise<{ name: string; restrictedDocumentId: string | null } | undefined> {
  const link = await db
    .selectFrom('fileLinks')
    .select((eb) => [
      'fileLinks.name',
      eb
        .selectFrom('fileLinks as rl')
        .innerJoin('documentVersions as rv', 'rv.id', 'rl.ownerId')
        .innerJoin('documents as rd', 'rd.id', 'rv.documentId')
        .select('rd.id')
        .whereRef('rl.sha256', '=', 'fileLinks.sha256')
        .where('rl.ownerType', '=', 'document_version')
        .where('rd.classification', '=', 'restricted')
        .limit(1)
        .as('restrictedDocumentId'),
    ])
    .where('fileLinks.sha256', '=', sha256)
    .where(whereLinkReadable(actor))
    .orderBy('fileLinks.createdAt')
    .orderBy('fileLinks.id')
    .limit(1)
    .executeTakeFirst();
  if (link) {
    return { name: link.name, restrictedDocumentId: link.restrictedDocumentId ?? null };
  }
  const name = await unlinkedFileName(db, actor, sha256);
  return name === undefined ? undefined : { name, restrictedDocumentId: null };
}

/** An upload of the actor's own, or (staff) anyone's, when no link to it is readable. */
async function unlinkedFileName(db: Tx, actor: Actor, sha256: string): Promise<string | undefined> {
  if (actor.id !== null) {
    const own = await db
      .selectFrom('fileUploads')
      .select('name')
      .where('sha256', '=', sha256)
      .where('userId', '=', actor.id)
      .executeTakeFirst();
    if (own) {
      return own.name;
    }
  }
  if (isStaff(actor)) {
    const any = await db
      .selectFrom('fileUploads')
      .select('name')
      .where('sha256', '=', sha256)
      .orderBy('createdAt')
      .limit(1)
      .executeTakeFirst();
    return any?.name ?? sha256;
  }
  return undefined;
}

/** Records a stored file once; a repeat upload of the same bytes leaves the first row. */
export async function insertFileOnce(db: Tx, row: FileRow): Promise<void> {
  await db
    .insertInto('files')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** Records who uploaded the bytes; returns true when this uploader is new for them. */
export async function recordUpload(
  db: Tx,
  row: { sha256: string; userId: string; name: string; createdAt: string },
): Promise<boolean> {
  const result = await db
    .insertInto('fileUploads')
    .values(row)
    .onConflict((oc) => oc.columns(['sha256', 'userId']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The links of one owner with their files, oldest first. */
export function listAttachments(db: Tx, ownerType: FileOwnerType, ownerId: string) {
  return db
    .selectFrom('fileLinks')
    .innerJoin('files', 'files.sha256', 'fileLinks.sha256')
    .selectAll('fileLinks')
    .select(['files.size', 'files.mediaType'])
    .where('fileLinks.ownerType', '=', ownerType)
    .where('fileLinks.ownerId', '=', ownerId)
    .orderBy('fileLinks.createdAt')
    .orderBy('fileLinks.id')
    .execute();
}

export function findAttachment(db: Tx, ownerType: FileOwnerType, ownerId: string, sha256: string) {
  return db
    .selectFrom('fileLinks')
    .innerJoin('files', 'files.sha256', 'fileLinks.sha256')
    .selectAll('fileLinks')
    .select(['files.size', 'files.mediaType'])
    .where('fileLinks.ownerType', '=', ownerType)
    .where('fileLinks.ownerId', '=', ownerId)
    .where('fileLinks.sha256', '=', sha256)
    .executeTakeFirst();
}

export const insertLink = (db: Tx, row: FileLinkRow) =>
  db.insertInto('fileLinks').values(row).execute();

export async function deleteLink(
  db: Tx,
  ownerType: FileOwnerType,
  ownerId: string,
  sha256: string,
): Promise<number> {
  const result = await db
    .deleteFrom('fileLinks')
    .where('ownerType', '=', ownerType)
    .where('ownerId', '=', ownerId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The report with the member state of its assignment (who may attach to it). */
export function findReportOwner(db: Tx, reportId: string) {
  return db
    .selectFrom('implementationReports')
    .innerJoin('assignments', 'assignments.id', 'implementationReports.assignmentId')
    .select([
      'implementationReports.id',
      'implementationReports.decisionId',
      'assignments.memberState',
    ])
    .where('implementationReports.id', '=', reportId)
    .executeTakeFirst();
}
