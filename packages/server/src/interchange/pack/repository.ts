import type { MeetingPack, PackItem } from '@plenum/shared';
import type { Insertable, Selectable } from 'kysely';
import type { MeetingPackTable } from '../../db/tables/packs.ts';
import type { Tx } from '../../platform/context.ts';

/** The queries of meeting packs: what goes in, and the issued packs. */

export type PackRow = Selectable<MeetingPackTable>;

export const packHref = (meetingId: string, sequence: number) =>
  `/api/v1/meetings/${meetingId}/packs/${sequence}.pdf`;

export function mapPack(row: PackRow): MeetingPack {
  return {
    id: row.id,
    meetingId: row.meetingId,
    sequence: row.sequence,
    lang: row.lang === 'ru' ? 'ru' : 'en',
    sha256: row.fileSha256,
    size: row.size,
    pageCount: row.pageCount,
    items: JSON.parse(row.items) as PackItem[],
    issuedAt: row.issuedAt,
    issuedBy: row.issuedByName,
    href: packHref(row.meetingId, row.sequence),
  };
}

export const listPacks = (db: Tx, meetingId: string) =>
  db
    .selectFrom('meetingPacks')
    .selectAll()
    .where('meetingId', '=', meetingId)
    .orderBy('sequence')
    .execute();

export const findPack = (db: Tx, meetingId: string, sequence: number) =>
  db
    .selectFrom('meetingPacks')
    .selectAll()
    .where('meetingId', '=', meetingId)
    .where('sequence', '=', sequence)
    .executeTakeFirst();

export async function insertPack(db: Tx, row: Insertable<MeetingPackTable>): Promise<void> {
  await db.insertInto('meetingPacks').values(row).execute();
}

/**
 * The documents linked to the meeting's agenda items that go into a pack, with their latest
 * version and its file's type. Restricted documents never do (see service.ts): the pack is one
 * file for every reader of the meeting, so it holds only what all of them may read.
 */
export const listPackDocuments = (db: Tx, meetingId: string) =>
  db
    .selectFrom('agendaItemDocuments')
    .innerJoin('agendaItems', 'agendaItems.id', 'agendaItemDocuments.agendaItemId')
    .innerJoin('documents', 'documents.id', 'agendaItemDocuments.documentId')
    .leftJoin('documentVersions', (join) =>
      join
        .onRef('documentVersions.documentId', '=', 'documents.id')
        .onRef('documentVersions.number', '=', 'documents.latestVersion'),
    )
    .leftJoin('files', 'files.sha256', 'documentVersions.fileSha256')
    .select([
      'agendaItemDocuments.agendaItemId',
      'documents.id as documentId',
      'documents.title',
      'documentVersions.id as versionId',
      'documentVersions.number as versionNumber',
      'documentVersions.fileSha256',
      'documentVersions.fileName',
      'documentVersions.text',
      'files.mediaType',
    ])
    .where('agendaItems.meetingId', '=', meetingId)
    .where('documents.classification', '!=', 'restricted')
    .where('documents.status', '!=', 'withdrawn')
    .orderBy('agendaItemDocuments.agendaItemId')
    .orderBy('agendaItemDocuments.position')
    .execute();

/** Files attached to the meeting's agenda items (part of the internal record), oldest first. */
export const listPackAttachments = (db: Tx, meetingId: string) =>
  db
    .selectFrom('fileLinks')
    .innerJoin('agendaItems', 'agendaItems.id', 'fileLinks.ownerId')
    .innerJoin('files', 'files.sha256', 'fileLinks.sha256')
    .select([
      'fileLinks.ownerId as agendaItemId',
      'fileLinks.sha256',
      'fileLinks.name',
      'files.mediaType',
    ])
    .where('fileLinks.ownerType', '=', 'agenda_item')
    .where('agendaItems.meetingId', '=', meetingId)
    .orderBy('fileLinks.createdAt')
    .orderBy('fileLinks.id')
    .execute();

/** Records a generated file in the store's table once (as uploads do), so backups carry it. */
export async function insertFileOnce(
  db: Tx,
  row: {
    sha256: string;
    size: number;
    mediaType: string;
    createdAt: string;
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('files')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}
