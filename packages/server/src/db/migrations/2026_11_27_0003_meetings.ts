import type { Kysely } from 'kysely';

/** Meetings, their participants and agenda, and the record of agenda amendments. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('restrict'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('chair_person_id', 'text', (c) => c.references('persons.id').onDelete('restrict'))
    .addColumn('parent_meeting_id', 'text', (c) => c.references('meetings.id').onDelete('restrict'))
    .addColumn('agenda_status', 'text', (c) => c.notNull())
    .addColumn('agenda_approved_at', 'text')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('meetings_body_number', ['body_id', 'number'])
    .execute();
  await db.schema
    .createIndex('meetings_start_date')
    .on('meetings')
    .columns(['start_date', 'id'])
    .execute();
  await db.schema
    .createIndex('meetings_parent')
    .on('meetings')
    .column('parent_meeting_id')
    .execute();
  await db.schema.createIndex('meetings_chair').on('meetings').column('chair_person_id').execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) =>
      c.notNull().references('persons.id').onDelete('restrict'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('member_state', 'text', (c) =>
      c.references('member_states.code').onDelete('restrict'),
    )
    .addColumn('body_id', 'text', (c) => c.references('bodies.id').onDelete('restrict'))
    .addColumn('notable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('participants_meeting_person', ['meeting_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('participants_person')
    .on('participants')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'text', (c) => c.references('agenda_items.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('rapporteur_person_id', 'text', (c) =>
      c.references('persons.id').onDelete('restrict'),
    )
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agenda_items_meeting')
    .on('agenda_items')
    .columns(['meeting_id', 'parent_id', 'ordinal'])
    .execute();
  await db.schema
    .createIndex('agenda_items_rapporteur')
    .on('agenda_items')
    .column('rapporteur_person_id')
    .execute();

  await db.schema
    .createTable('agenda_amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('agenda_item_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agenda_amendments_meeting')
    .on('agenda_amendments')
    .columns(['meeting_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['agenda_amendments', 'agenda_items', 'participants', 'meetings']) {
    await db.schema.dropTable(t).execute();
  }
}
