import type { Kysely } from 'kysely';

/**
 * Meeting packs (issue 7): the one PDF that delegates read offline, issued by the secretariat,
 * and its numbered addenda. Sequence 0 is the pack, 1… the addenda; (meeting_id, sequence) is
 * unique, so two concurrent issuers cannot both publish the same number. A published pack is a
 * frozen file (file_sha256 in the file store) with the list of what it included (`items`, JSON),
 * from which the next addendum knows what is new. Meetings with packs cannot be deleted
 * (restrict), as with minutes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meeting_packs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('restrict'),
    )
    .addColumn('sequence', 'integer', (c) => c.notNull())
    // 'en' | 'ru': the language of the cover and the agenda
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) =>
      c.notNull().references('files.sha256').onDelete('restrict'),
    )
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('page_count', 'integer', (c) => c.notNull())
    // JSON PackItem[]
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by_id', 'text')
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_packs_meeting_sequence')
    .on('meeting_packs')
    .columns(['meeting_id', 'sequence'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_packs').execute();
}
