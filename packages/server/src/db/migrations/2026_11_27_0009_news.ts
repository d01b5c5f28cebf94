import { type Kysely, sql } from 'kysely';

/**
 * News items of the public portal (DESIGN §2 "Public communication"). A scheduled item is public
 * from its publish_at on (news/access.ts wherePubliclyVisible), before and regardless of the job
 * that flips its status; public lists order by coalesce(published_at, publish_at), which the
 * expression indexes serve.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('section', 'text', (c) => c.notNull())
    // JSON LocalizedText
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    // JSON LocalizedText of Markdown ('{}' for a draft without a body yet) and its safe HTML
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('restrict'))
    .addColumn('body_id', 'text', (c) => c.references('bodies.id').onDelete('restrict'))
    .addColumn('image_sha256', 'text', (c) => c.references('files.sha256').onDelete('restrict'))
    .addColumn('image_alt', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  // Public listing: by section (or all sections), newest public date first.
  await sql`create index news_items_public_section on news_items
    (section, (coalesce(published_at, publish_at)) desc, id desc)`.execute(db);
  await sql`create index news_items_public_date on news_items
    ((coalesce(published_at, publish_at)) desc, id desc)`.execute(db);
  // The scheduled-publishing job's due items, and the status filter of the workspace list.
  await db.schema
    .createIndex('news_items_status')
    .on('news_items')
    .columns(['status', 'publish_at'])
    .execute();
  await db.schema.createIndex('news_items_meeting').on('news_items').column('meeting_id').execute();
  await db.schema.createIndex('news_items_body').on('news_items').column('body_id').execute();
  await db.schema.createIndex('news_items_image').on('news_items').column('image_sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('news_items').execute();
}
