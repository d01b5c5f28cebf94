import type { Kysely } from 'kysely';

const versioned = <T extends { addColumn: (...a: any[]) => T }>(t: T): T =>
  t
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull());

/** Member states, bodies, persons, memberships, organizations. */
export async function up(db: Kysely<any>): Promise<void> {
  await versioned(
    db.schema
      .createTable('member_states')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  ).execute();

  await versioned(
    db.schema
      .createTable('bodies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_genitive', 'text')
      .addColumn('short_name', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text', (c) => c.references('bodies.id').onDelete('restrict'))
      .addColumn('established', 'text')
      .addColumn('established_by', 'text')
      .addColumn('mandate', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('bodies_parent_id').on('bodies').column('parent_id').execute();
  await db.schema.createIndex('bodies_sort').on('bodies').columns(['sort_key', 'id']).execute();

  await versioned(
    db.schema
      .createTable('persons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('member_state', 'text', (c) =>
        c.references('member_states.code').onDelete('restrict'),
      )
      .addColumn('position', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('persons_sort').on('persons').columns(['sort_key', 'id']).execute();
  await db.schema
    .createIndex('persons_member_state')
    .on('persons')
    .column('member_state')
    .execute();

  await versioned(
    db.schema
      .createTable('memberships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) =>
        c.notNull().references('persons.id').onDelete('restrict'),
      )
      .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('restrict'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('member_state', 'text', (c) =>
        c.references('member_states.code').onDelete('restrict'),
      )
      .addColumn('date_from', 'text')
      .addColumn('date_to', 'text'),
  ).execute();
  await db.schema
    .createIndex('memberships_person_id')
    .on('memberships')
    .column('person_id')
    .execute();
  await db.schema.createIndex('memberships_body_id').on('memberships').column('body_id').execute();
  await db.schema
    .createIndex('memberships_member_state')
    .on('memberships')
    .column('member_state')
    .execute();

  await versioned(
    db.schema
      .createTable('organizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('member_state', 'text', (c) =>
        c.notNull().references('member_states.code').onDelete('restrict'),
      )
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema
    .createIndex('organizations_sort')
    .on('organizations')
    .columns(['sort_key', 'id'])
    .execute();
  await db.schema
    .createIndex('organizations_member_state')
    .on('organizations')
    .column('member_state')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['organizations', 'memberships', 'persons', 'bodies', 'member_states']) {
    await db.schema.dropTable(t).execute();
  }
}
