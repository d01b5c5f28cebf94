import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL only: the search indexes' GIN pending lists kept short.
 *
 * A GIN index takes new entries into an unsorted pending list (up to `gin_pending_list_limit`,
 * 4 MB by default) and merges it at the next vacuum; every search reads the whole list. The search
 * index is written a few rows at a time and is vacuumed only after many thousands of inserts, so
 * a full list stood before every search: a count over one type's index took 4.2 ms instead of
 * 0.5 ms (bench dataset, x10). Each GIN index of the schema (all are the search's) now merges
 * its list past 256 kB, and the lists standing now are merged. A full rebuild of the search
 * index merges them again (repository.ts `optimizeIndex`). An index added later sets its own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    return;
  }
  await sql`do $$
    declare
      gin regclass;
    begin
      for gin in select c.oid::regclass from pg_class c join pg_am a on a.oid = c.relam
          where a.amname = 'gin' and c.relnamespace = current_schema()::regnamespace loop
        execute format('alter index %s set (gin_pending_list_limit = 256)', gin);
        perform gin_clean_pending_list(gin);
      end loop;
    end
  $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    return;
  }
  await sql`do $$
    declare
      gin regclass;
    begin
      for gin in select c.oid::regclass from pg_class c join pg_am a on a.oid = c.relam
          where a.amname = 'gin' and c.relnamespace = current_schema()::regnamespace loop
        execute format('alter index %s reset (gin_pending_list_limit)', gin);
      end loop;
    end
  $$`.execute(db);
}
