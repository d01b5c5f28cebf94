import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Full-text search. search_documents holds one row per searchable record: its text in both
 * languages (kept for snippets), the same text as Snowball stems computed in JavaScript
 * (`title_terms`, `body_terms`: each word stemmed by the stemmer of its script, so one row serves
 * English and Russian queries and an entity ranks once), and what access needs (`audience`, and
 * `tags`: type and audience as index tokens). SQLite indexes stems and tags with an FTS5 table
 * kept in step by triggers; PostgreSQL with a generated, weighted tsvector ('simple'
 * configuration: the words are stemmed already) and a GIN index. file_texts caches the text
 * extracted from uploaded files, keyed by content.
 *
 * The index is filled by modules/search/indexer.ts (`reindexAll` builds it from the records).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('search_documents')
    // SQLite: INTEGER PRIMARY KEY is the rowid, which the FTS5 table refers to.
    .addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // The record this entry's visibility follows (an agenda item's meeting), so that record's
    // reindex also refreshes or removes it.
    .addColumn('parent_id', 'text')
    // JSON LocalizedText
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON {en?, ru?}: plain text (Markdown stripped, file text added) for snippets
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('title_terms', 'text', (c) => c.notNull())
    .addColumn('body_terms', 'text', (c) => c.notNull())
    // Tokens of the entry's type and audience (SQLite indexes them, so type and access filters
    // are part of the FTS5 match and need no lookup of each matching row).
    .addColumn('tags', 'text', (c) => c.notNull())
    // 'public' (anonymous callers too) | 'internal' (signed-in) | 'restricted' (access list)
    .addColumn('audience', 'text', (c) => c.notNull())
    // JSON: the type's context of a hit (dates, numbers, statuses)
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_documents_entity', ['entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('search_documents_parent')
    .on('search_documents')
    .column('parent_id')
    .execute();

  if (postgres) {
    await sql`alter table search_documents add column tsv tsvector generated always as (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A') ||
        setweight(to_tsvector('simple'::regconfig, body_terms), 'B')
      ) stored`.execute(db);
    // The title's vector alone stays small and in the row: ranking a broad query by it avoids
    // reading every matching row's whole (TOASTed) vector.
    await sql`alter table search_documents add column title_tsv tsvector generated always as (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
      ) stored`.execute(db);
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  } else {
    // External content: the index stores no second copy of the terms. detail=full keeps token
    // positions for phrase queries (21/3).
    await sql`create virtual table search_fts using fts5(
        title_terms, body_terms, tags,
        content='search_documents', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
      )`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
        insert into search_fts(rowid, title_terms, body_terms, tags)
        values (new.id, new.title_terms, new.body_terms, new.tags);
      end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
        insert into search_fts(search_fts, rowid, title_terms, body_terms, tags)
        values ('delete', old.id, old.title_terms, old.body_terms, old.tags);
      end`.execute(db);
    await sql`create trigger search_documents_au
      after update of title_terms, body_terms, tags on search_documents begin
        insert into search_fts(search_fts, rowid, title_terms, body_terms, tags)
        values ('delete', old.id, old.title_terms, old.body_terms, old.tags);
        insert into search_fts(rowid, title_terms, body_terms, tags)
        values (new.id, new.title_terms, new.body_terms, new.tags);
      end`.execute(db);
  }

  await db.schema
    .createTable('file_texts')
    .addColumn('sha256', 'text', (c) =>
      c.primaryKey().references('files.sha256').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    // 'en' | 'ru' by the script most of the text is written in; null when there is no text.
    .addColumn('language', 'text')
    .addColumn('extracted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('file_texts').execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`drop table search_fts`.execute(db);
  }
  await db.schema.dropTable('search_documents').execute();
}
