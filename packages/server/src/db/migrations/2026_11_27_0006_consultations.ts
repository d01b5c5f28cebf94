import { type Kysely, sql } from 'kysely';

/**
 * Consultation rounds on document versions, each invited state's position, the comments with
 * their resolutions, and the documents linked to agenda items. The database enforces the round
 * rules that concurrent writers could otherwise slip past: one round number per document, each
 * version consulted once, at most one open round per document, comments only from invited states.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('documents.id').onDelete('restrict'),
    )
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('document_versions.id').onDelete('restrict'),
    )
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('silence_procedure', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('council_meeting_id', 'text', (c) =>
      c.references('meetings.id').onDelete('set null'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultations_document_round', ['document_id', 'round'])
    .addUniqueConstraint('consultations_version', ['version_id'])
    .execute();
  // Partial unique index: the same SQL on SQLite and PostgreSQL.
  await sql`create unique index consultations_one_open on consultations (document_id) where status = 'open'`.execute(
    db,
  );
  await db.schema
    .createIndex('consultations_council_meeting')
    .on('consultations')
    .columns(['council_meeting_id', 'id'])
    .execute();
  await db.schema
    .createIndex('consultations_status')
    .on('consultations')
    .columns(['status', 'id'])
    .execute();
  await db.schema
    .createIndex('consultations_deadline')
    .on('consultations')
    .columns(['deadline', 'id'])
    .execute();

  await db.schema
    .createTable('consultation_states')
    .addColumn('consultation_id', 'text', (c) =>
      c.notNull().references('consultations.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.notNull().references('member_states.code').onDelete('restrict'),
    )
    .addColumn('position', 'text')
    .addColumn('position_note', 'text')
    .addColumn('position_at', 'text')
    .addColumn('position_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('consultation_states_pk', ['consultation_id', 'member_state'])
    .execute();
  await db.schema
    .createIndex('consultation_states_state')
    .on('consultation_states')
    .columns(['member_state', 'consultation_id'])
    .execute();

  await db.schema
    .createTable('consultation_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) =>
      c.notNull().references('consultations.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('member_state', 'text', (c) => c.notNull())
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('proposed_text', 'text')
    .addColumn('resolution', 'text')
    .addColumn('response', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('consultation_comments_number', ['consultation_id', 'number'])
    .addForeignKeyConstraint(
      'consultation_comments_invited_state',
      ['consultation_id', 'member_state'],
      'consultation_states',
      ['consultation_id', 'member_state'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('consultation_comments_state')
    .on('consultation_comments')
    .columns(['consultation_id', 'member_state'])
    .execute();

  await db.schema
    .createTable('agenda_item_documents')
    .addColumn('agenda_item_id', 'text', (c) =>
      c.notNull().references('agenda_items.id').onDelete('cascade'),
    )
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('agenda_item_documents_pk', ['agenda_item_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('agenda_item_documents_document')
    .on('agenda_item_documents')
    .column('document_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'agenda_item_documents',
    'consultation_comments',
    'consultation_states',
    'consultations',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
