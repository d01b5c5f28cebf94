import { type Kysely, sql } from 'kysely';

/**
 * Session mode and written procedure (issue 8): proposals put to adoption, each member state's
 * position on them, attendance at a meeting in session, and the session's state on the meeting.
 * The meeting's current agenda item and proposal carry no foreign key: proposals and agenda items
 * refer to meetings already, and a cycle would leave backup unable to order the tables; readers
 * join them and treat a dangling id as none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'session' | 'written'
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('restrict'))
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('restrict'))
    .addColumn('agenda_item_id', 'text', (c) =>
      c.references('agenda_items.id').onDelete('set null'),
    )
    .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // 'open' | 'adopted' | 'not_adopted' | 'withdrawn'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id').onDelete('set null'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposals_meeting')
    .on('proposals')
    .columns(['meeting_id', 'id'])
    .execute();
  await db.schema
    .createIndex('proposals_body')
    .on('proposals')
    .columns(['body_id', 'id'])
    .execute();
  // The deadline job looks for open written proposals that are due.
  await db.schema
    .createIndex('proposals_status_deadline')
    .on('proposals')
    .columns(['status', 'deadline'])
    .execute();
  await db.schema.createIndex('proposals_decision').on('proposals').column('decision_id').execute();
  // A decision is adopted from one proposal at most.
  await sql`create unique index proposals_one_per_decision on proposals (decision_id) where decision_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('proposal_positions')
    .addColumn('proposal_id', 'text', (c) =>
      c.notNull().references('proposals.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.notNull().references('member_states.code').onDelete('restrict'),
    )
    // 'concur' | 'concur_with_reservation' | 'object' | 'abstain'
    .addColumn('position', 'text', (c) => c.notNull())
    // JSON LocalizedText: the special opinion of concur_with_reservation
    .addColumn('reservation', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposal_positions_pk', ['proposal_id', 'member_state'])
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.notNull().references('member_states.code').onDelete('restrict'),
    )
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'member_state'])
    .execute();

  await db.schema.alterTable('meetings').addColumn('current_agenda_item_id', 'text').execute();
  await db.schema.alterTable('meetings').addColumn('current_proposal_id', 'text').execute();
  await db.schema.alterTable('meetings').addColumn('session_opened_at', 'text').execute();
  await db.schema.alterTable('meetings').addColumn('session_closed_at', 'text').execute();
  await db.schema
    .alterTable('meetings')
    .addColumn('session_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [
    'session_version',
    'session_closed_at',
    'session_opened_at',
    'current_proposal_id',
    'current_agenda_item_id',
  ]) {
    await db.schema.alterTable('meetings').dropColumn(column).execute();
  }
  await db.schema.dropTable('meeting_attendance').execute();
  await db.schema.dropTable('proposal_positions').execute();
  await db.schema.dropTable('proposals').execute();
}
