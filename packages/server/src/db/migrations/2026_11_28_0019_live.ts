import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Live events and several instances (issue 8).
 *
 * `rate_limits`: the counters of @fastify/rate-limit, in the database so that a limit holds across
 * every instance (one row per route and client, upserted atomically).
 *
 * PostgreSQL only: a trigger announces new audit events on the channel `plenum_audit`
 * (delivered when the writing transaction commits), so every instance's event bus learns of a
 * change at once. The payload names the table's schema, because channels are database-wide and
 * several installations (or test schemas) may share one database.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    // The route and the client (IP address), as the rate-limit plugin keys them.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    // Milliseconds since the epoch when the window ends: compared and computed, never shown.
    .addColumn('reset_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_reset_at')
    .on('rate_limits')
    .column('reset_at')
    .execute();

  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    return;
  }
  // One notice per statement, naming its newest seq: a restore's bulk insert sends one, not one
  // per event.
  await sql`create or replace function plenum_audit_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('plenum_audit',
        tg_table_schema || ':' || coalesce((select max(seq) from new_rows), 0)::text);
      return null;
    end
  $$`.execute(db);
  await sql`create trigger audit_events_notify after insert on audit_events
    referencing new table as new_rows
    for each statement execute function plenum_audit_notify()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger if exists audit_events_notify on audit_events`.execute(db);
    await sql`drop function if exists plenum_audit_notify()`.execute(db);
  }
  await db.schema.dropTable('rate_limits').execute();
}
