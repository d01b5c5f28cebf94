import type { Kysely } from 'kysely';

/**
 * Files (content-addressed by SHA-256) and their links to the records that carry them; documents,
 * their access lists and their immutable versions. document_access mirrors documents.access_list
 * row by row so that access filtering is an indexed join, not JSON parsing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('file_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256').onDelete('restrict'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('file_links_owner_sha256', ['owner_type', 'owner_id', 'sha256'])
    .execute();
  await db.schema.createIndex('file_links_sha256').on('file_links').column('sha256').execute();

  // Everyone who uploaded the bytes: they hold the content already, so they may read it back
  // (and link it) even when the first uploader was someone else.
  await db.schema
    .createTable('file_uploads')
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('file_uploads_pk', ['sha256', 'user_id'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('restrict'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('access_list', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('adopted_by_decision_id', 'text', (c) =>
      c.references('decisions.id').onDelete('restrict'),
    )
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list reads newest first by id (UUID v7 is time-ordered); filters narrow by these.
  await db.schema
    .createIndex('documents_classification')
    .on('documents')
    .columns(['classification', 'id'])
    .execute();
  await db.schema
    .createIndex('documents_body')
    .on('documents')
    .columns(['body_id', 'id'])
    .execute();
  await db.schema
    .createIndex('documents_status')
    .on('documents')
    .columns(['status', 'id'])
    .execute();
  await db.schema.createIndex('documents_kind').on('documents').columns(['kind', 'id']).execute();
  await db.schema
    .createIndex('documents_adopted_by')
    .on('documents')
    .column('adopted_by_decision_id')
    .execute();

  await db.schema
    .createTable('document_access')
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.references('member_states.code').onDelete('restrict'),
    )
    .addColumn('body_id', 'text', (c) => c.references('bodies.id').onDelete('restrict'))
    .execute();
  await db.schema
    .createIndex('document_access_state')
    .on('document_access')
    .columns(['member_state', 'document_id'])
    .execute();
  await db.schema
    .createIndex('document_access_body')
    .on('document_access')
    .columns(['body_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('document_access_document')
    .on('document_access')
    .column('document_id')
    .execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('text_html', 'text')
    .addColumn('file_sha256', 'text', (c) => c.references('files.sha256').onDelete('restrict'))
    .addColumn('file_name', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('document_versions_document_number', ['document_id', 'number'])
    .execute();
  await db.schema
    .createIndex('document_versions_file')
    .on('document_versions')
    .column('file_sha256')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'document_versions',
    'document_access',
    'documents',
    'file_uploads',
    'file_links',
    'files',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
