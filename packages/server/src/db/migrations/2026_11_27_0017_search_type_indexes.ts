import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Search on PostgreSQL: one GIN index of search_keys per entity type (partial indexes), with the
 * type as a column beside the keys. A facet count or a page of one type then reads the query's
 * keys among that type's entries alone, instead of intersecting them with the type's tag, whose
 * posting list holds every entry of the type (50,000 decisions or documents at DESIGN §6 scale):
 * the nine capped counts of a broad query read a fraction of what they did. The index over all
 * entries stays for queries of every type. The audience is a column too: a signed-in reader's
 * "neither restricted nor unpublished" is then a test of the few rows counted rather than two
 * negated keys whose posting lists the index must read for every count; and the restricted
 * entries have a GIN index of their own, so a reader's admitted restricted matches are found among
 * them alone. SQLite's FTS5 is untouched.
 *
 * The type list is written out here, as it stood: a later type needs a migration of its own.
 */
const TYPES = [
  'meeting',
  'agenda_item',
  'decision',
  'document',
  'news',
  'standard',
  'program',
  'project',
  'ip_result',
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    return;
  }
  await sql`alter table search_keys add column entity_type text, add column audience text`.execute(
    db,
  );
  await sql`update search_keys k set entity_type = sd.entity_type, audience = sd.audience
    from search_documents sd where sd.id = k.id`.execute(db);
  await sql`alter table search_keys alter column entity_type set not null,
    alter column audience set not null`.execute(db);
  await sql`create or replace function search_keys_sync() returns trigger language plpgsql as $$
    begin
      insert into search_keys (id, keys, entity_type, audience)
      values (new.id, search_keys_of(new.title_terms, new.body_terms, new.entity_type,
        new.audience), new.entity_type, new.audience)
      on conflict (id) do update
        set keys = excluded.keys, entity_type = excluded.entity_type, audience = excluded.audience;
      return null;
    end
    $$`.execute(db);
  for (const type of TYPES) {
    await sql`create index ${sql.raw(`search_keys_keys_${type}`)} on search_keys using gin (keys)
      where entity_type = ${sql.lit(type)}`.execute(db);
  }
  await sql`create index search_keys_keys_restricted on search_keys using gin (keys)
    where audience = 'restricted'`.execute(db);
  await sql`analyze search_keys`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    return;
  }
  for (const type of [...TYPES, 'restricted']) {
    await sql`drop index ${sql.raw(`search_keys_keys_${type}`)}`.execute(db);
  }
  await sql`create or replace function search_keys_sync() returns trigger language plpgsql as $$
    begin
      insert into search_keys (id, keys)
      values (new.id, search_keys_of(new.title_terms, new.body_terms, new.entity_type,
        new.audience))
      on conflict (id) do update set keys = excluded.keys;
      return null;
    end
    $$`.execute(db);
  await sql`alter table search_keys drop column entity_type, drop column audience`.execute(db);
}
