import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL only: the `plenum_audit` notice names the newest audit event that is not a read, and
 * a statement that inserted only reads sends none.
 *
 * Reads of restricted items are audited (DESIGN §3) but change nothing anyone sees. Announced,
 * each one made every instance drop its content version and with it every kept answer (portal
 * pages, API reads): with delegates reading restricted documents, the caches on PostgreSQL were
 * emptied many times a second. SQLite never had this, because its bus is poked by writes only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    return;
  }
  await sql`create or replace function plenum_audit_notify() returns trigger language plpgsql as $$
    declare
      newest bigint;
    begin
      select max(seq) into newest from new_rows where action <> 'read';
      if newest is not null then
        perform pg_notify('plenum_audit', tg_table_schema || ':' || newest::text);
      end if;
      return null;
    end
  $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    return;
  }
  await sql`create or replace function plenum_audit_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('plenum_audit',
        tg_table_schema || ':' || coalesce((select max(seq) from new_rows), 0)::text);
      return null;
    end
  $$`.execute(db);
}
