import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Search at scale (DESIGN §6: p95 < 50 ms over ~100,000 entries).
 *
 * PostgreSQL: `search_keys`, a narrow table beside search_documents with one GIN-indexed
 * tsvector of index keys per entry — its terms (title and body, without positions), the pairs of
 * adjacent terms (so a phrase of two words is one key and needs no position check), the same
 * for the title marked as such (so "matches in the title" is an index lookup too), and the
 * entry's type and audience as tags (as SQLite's FTS5 tags). Counting per type or finding a
 * page of matches then runs on the index and on small rows: the keys themselves live out of
 * line (toast_tuple_target) and exact GIN matches never read them. A trigger keeps it in step
 * with search_documents; deleting an entry cascades.
 *
 * SQLite: `search_title_fts`, a second FTS5 index of the titles (and tags) alone, so "matches in
 * the title" is a lookup of short doclists rather than a position check of every match of the
 * whole index (tens of ms for a broad query); triggers keep it in step as search_fts's do. Both
 * indexes are merged into one segment ('optimize'), which a full rebuild (reindexAll) now also
 * does: each query then opens one b-tree per term instead of many.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`create virtual table search_title_fts using fts5(
        title_terms, tags,
        content='search_documents', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
      )`.execute(db);
    await sql`create trigger search_documents_title_ai after insert on search_documents begin
        insert into search_title_fts(rowid, title_terms, tags)
        values (new.id, new.title_terms, new.tags);
      end`.execute(db);
    await sql`create trigger search_documents_title_ad after delete on search_documents begin
        insert into search_title_fts(search_title_fts, rowid, title_terms, tags)
        values ('delete', old.id, old.title_terms, old.tags);
      end`.execute(db);
    await sql`create trigger search_documents_title_au
      after update of title_terms, tags on search_documents begin
        insert into search_title_fts(search_title_fts, rowid, title_terms, tags)
        values ('delete', old.id, old.title_terms, old.tags);
        insert into search_title_fts(rowid, title_terms, tags)
        values (new.id, new.title_terms, new.tags);
      end`.execute(db);
    await sql`insert into search_title_fts(search_title_fts) values ('rebuild')`.execute(db);
    await sql`insert into search_title_fts(search_title_fts) values ('optimize')`.execute(db);
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
    return;
  }
  // Tags start with U+E000 as analysis.ts's typeTag / audienceTag; U+E001 marks title keys.
  await sql`create function search_keys_of(title_terms text, body_terms text,
      entity_type text, audience text) returns tsvector
    language sql immutable parallel safe as $$
      with t as (
        select w, n from unnest(string_to_array(nullif(title_terms, ''), ' '))
          with ordinality as u(w, n)
      ), b as (
        select w, n from unnest(string_to_array(nullif(body_terms, ''), ' '))
          with ordinality as u(w, n)
      ), tp as (
        select t1.w || ' ' || t2.w as w from t t1 join t t2 on t2.n = t1.n + 1
      ), keys as (
        select w from t
        union select w from b
        union select w from tp
        union select b1.w || ' ' || b2.w from b b1 join b b2 on b2.n = b1.n + 1
        union select U&'\\E001' || w from t
        union select U&'\\E001' || w from tp
        union select U&'\\E000t' || replace(entity_type, '_', '')
        union select U&'\\E000a' || audience
      )
      select array_to_tsvector(array_agg(w)) from keys where w <> ''
    $$`.execute(db);
  await sql`create table search_keys (
      id bigint primary key references search_documents (id) on delete cascade,
      keys tsvector not null
    ) with (toast_tuple_target = 128)`.execute(db);
  await sql`insert into search_keys (id, keys)
    select id, search_keys_of(title_terms, body_terms, entity_type, audience)
    from search_documents`.execute(db);
  await sql`create index search_keys_keys on search_keys using gin (keys)`.execute(db);
  await sql`create function search_keys_sync() returns trigger language plpgsql as $$
    begin
      insert into search_keys (id, keys)
      values (new.id, search_keys_of(new.title_terms, new.body_terms, new.entity_type,
        new.audience))
      on conflict (id) do update set keys = excluded.keys;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger search_documents_keys
    after insert or update of title_terms, body_terms, entity_type, audience
    on search_documents for each row execute function search_keys_sync()`.execute(db);
  await sql`analyze search_keys`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    for (const t of ['ai', 'ad', 'au']) {
      await sql`drop trigger ${sql.raw(`search_documents_title_${t}`)}`.execute(db);
    }
    await sql`drop table search_title_fts`.execute(db);
  } else {
    await sql`drop trigger search_documents_keys on search_documents`.execute(db);
    await sql`drop function search_keys_sync()`.execute(db);
    await sql`drop table search_keys`.execute(db);
    await sql`drop function search_keys_of(text, text, text, text)`.execute(db);
  }
}
