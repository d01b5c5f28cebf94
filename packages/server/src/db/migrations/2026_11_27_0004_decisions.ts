import type { Kysely } from 'kysely';

/**
 * Decisions, the links between them, assignments, implementation reports, and what each held
 * meeting reviewed. decisions carries aggregates of its assignments (kept by the service in the
 * same transaction) so the derived status filters and sorts in SQL at register scale.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('restrict'))
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('restrict'))
    .addColumn('agenda_item_id', 'text', (c) =>
      c.references('agenda_items.id').onDelete('set null'),
    )
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('meeting_number', 'integer')
    .addColumn('ordinal', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'text', (c) => c.notNull())
    .addColumn('closed_as', 'text')
    .addColumn('assignment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_open_due', 'text')
    .addColumn('due_key', 'text', (c) => c.notNull().defaultTo('9999-12-31'))
    .addColumn('text_html', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decisions_body_number', ['body_id', 'number'])
    .addUniqueConstraint('decisions_meeting_ordinal', ['meeting_id', 'ordinal'])
    .execute();
  await db.schema
    .createIndex('decisions_sort')
    .on('decisions')
    .columns(['sort_key', 'id'])
    .execute();
  await db.schema.createIndex('decisions_due').on('decisions').columns(['due_key', 'id']).execute();
  // Covers the derived status, so counts per status read the index alone.
  await db.schema
    .createIndex('decisions_status')
    .on('decisions')
    .columns(['closed_as', 'assignment_count', 'open_count', 'next_open_due'])
    .execute();
  await db.schema
    .createIndex('decisions_body_meeting')
    .on('decisions')
    .columns(['body_id', 'meeting_number'])
    .execute();
  await db.schema.createIndex('decisions_body').on('decisions').column('body_id').execute();
  await db.schema.createIndex('decisions_meeting').on('decisions').column('meeting_id').execute();
  await db.schema
    .createIndex('decisions_agenda_item')
    .on('decisions')
    .column('agenda_item_id')
    .execute();

  await db.schema
    .createTable('decision_relations')
    .addColumn('from_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('to_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_relations_pk', ['from_id', 'to_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('decision_relations_to')
    .on('decision_relations')
    .column('to_id')
    .execute();

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) =>
      c.notNull().references('decisions.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.references('member_states.code').onDelete('restrict'),
    )
    .addColumn('body_id', 'text', (c) => c.references('bodies.id').onDelete('restrict'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('latest_report_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assignments_decision_state', ['decision_id', 'member_state'])
    .addUniqueConstraint('assignments_decision_body', ['decision_id', 'body_id'])
    .execute();
  await db.schema
    .createIndex('assignments_state_due')
    .on('assignments')
    .columns(['member_state', 'due_date'])
    .execute();
  await db.schema
    .createIndex('assignments_body_due')
    .on('assignments')
    .columns(['body_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('assignments_due')
    .on('assignments')
    .columns(['due_date', 'id'])
    .execute();

  await db.schema
    .createTable('implementation_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) =>
      c.notNull().references('assignments.id').onDelete('cascade'),
    )
    .addColumn('decision_id', 'text', (c) =>
      c.notNull().references('decisions.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('reported_by_id', 'text')
    .addColumn('reported_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('implementation_reports_assignment')
    .on('implementation_reports')
    .columns(['assignment_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('implementation_reports_decision')
    .on('implementation_reports')
    .columns(['decision_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('meeting_id', 'text', (c) =>
      c.primaryKey().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('previous_meeting_id', 'text', (c) =>
      c.references('meetings.id').onDelete('set null'),
    )
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('review_records')
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('decision_id', 'text', (c) =>
      c.notNull().references('decisions.id').onDelete('cascade'),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_records_pk', ['meeting_id', 'decision_id'])
    .execute();
  await db.schema
    .createIndex('review_records_decision')
    .on('review_records')
    .column('decision_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'review_records',
    'reviews',
    'implementation_reports',
    'assignments',
    'decision_relations',
    'decisions',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
