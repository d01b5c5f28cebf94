import type { Kysely } from 'kysely';

/**
 * Revisions of a meeting's minutes (issue 7). Each revision freezes the minutes as assembled when
 * it was issued (`snapshot`, the JSON MinutesModel), so a later change of the record does not
 * rewrite issued minutes. (meeting_id, number) is unique: two concurrent issuers cannot both take
 * the same number. Meetings with minutes cannot be deleted (restrict).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('minutes_revisions')
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('restrict'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    // 'draft' | 'approved'
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON MinutesModel
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by_id', 'text')
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('approved_at_meeting_id', 'text', (c) =>
      c.references('meetings.id').onDelete('restrict'),
    )
    .addColumn('approved_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('minutes_revisions_pk', ['meeting_id', 'number'])
    .execute();
  await db.schema
    .createIndex('minutes_revisions_approved_at')
    .on('minutes_revisions')
    .column('approved_at_meeting_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('minutes_revisions').execute();
}
