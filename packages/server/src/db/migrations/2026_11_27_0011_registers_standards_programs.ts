import type { Kysely } from 'kysely';

/**
 * The registers of standards (with each member state's adoption) and of long-term cooperation
 * programs (with their tree of measures, the states and organizations responsible for each, and
 * the measures' progress reports). Links to the decisions that created or approved an entry live
 * in one link table per register. Responsible states and organizations are rows, not JSON, so
 * "measures of state X" and the report permission are indexed lookups.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('standards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('designation', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lead_member_state', 'text', (c) =>
      c.references('member_states.code').onDelete('restrict'),
    )
    .addColumn('body_id', 'text', (c) => c.references('bodies.id').onDelete('restrict'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('standards_designation', ['designation'])
    .execute();
  await db.schema
    .createIndex('standards_sort')
    .on('standards')
    .columns(['sort_key', 'id'])
    .execute();
  await db.schema
    .createIndex('standards_status')
    .on('standards')
    .columns(['status', 'sort_key'])
    .execute();
  await db.schema
    .createIndex('standards_body')
    .on('standards')
    .columns(['body_id', 'sort_key'])
    .execute();
  await db.schema
    .createIndex('standards_lead')
    .on('standards')
    .columns(['lead_member_state', 'sort_key'])
    .execute();
  await db.schema.createIndex('standards_document').on('standards').column('document_id').execute();

  await db.schema
    .createTable('standard_adoptions')
    .addColumn('standard_id', 'text', (c) =>
      c.notNull().references('standards.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.notNull().references('member_states.code').onDelete('restrict'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reservations', 'text')
    .addColumn('national_reference', 'text')
    .addColumn('effective_date', 'text')
    .addColumn('updated_by_id', 'text')
    .addColumn('updated_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('standard_adoptions_pk', ['standard_id', 'member_state'])
    .execute();
  await db.schema
    .createIndex('standard_adoptions_state')
    .on('standard_adoptions')
    .columns(['member_state', 'status'])
    .execute();

  await db.schema
    .createTable('standard_decisions')
    .addColumn('standard_id', 'text', (c) =>
      c.notNull().references('standards.id').onDelete('cascade'),
    )
    .addColumn('decision_id', 'text', (c) =>
      c.notNull().references('decisions.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('standard_decisions_pk', ['standard_id', 'decision_id'])
    .execute();
  await db.schema
    .createIndex('standard_decisions_decision')
    .on('standard_decisions')
    .columns(['decision_id', 'standard_id'])
    .execute();

  await db.schema
    .createTable('programs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('body_id', 'text', (c) => c.references('bodies.id').onDelete('restrict'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // Derived from the leaf measures, kept by the service in the writing transaction.
    .addColumn('progress', 'integer')
    .addColumn('measure_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programs_period')
    .on('programs')
    .columns(['period_from', 'id'])
    .execute();
  await db.schema
    .createIndex('programs_status')
    .on('programs')
    .columns(['status', 'period_from'])
    .execute();
  await db.schema.createIndex('programs_body').on('programs').column('body_id').execute();

  await db.schema
    .createTable('program_decisions')
    .addColumn('program_id', 'text', (c) =>
      c.notNull().references('programs.id').onDelete('cascade'),
    )
    .addColumn('decision_id', 'text', (c) =>
      c.notNull().references('decisions.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('program_decisions_pk', ['program_id', 'decision_id'])
    .execute();
  await db.schema
    .createIndex('program_decisions_decision')
    .on('program_decisions')
    .columns(['decision_id', 'program_id'])
    .execute();

  await db.schema
    .createTable('program_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) =>
      c.notNull().references('programs.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'text', (c) => c.references('program_measures.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('start_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('program_measures_tree')
    .on('program_measures')
    .columns(['program_id', 'parent_id', 'ordinal'])
    .execute();
  await db.schema
    .createIndex('program_measures_parent')
    .on('program_measures')
    .column('parent_id')
    .execute();
  // Overdue measures: open ones ordered by due date.
  await db.schema
    .createIndex('program_measures_due')
    .on('program_measures')
    .columns(['status', 'due_date'])
    .execute();

  await db.schema
    .createTable('program_measure_states')
    .addColumn('measure_id', 'text', (c) =>
      c.notNull().references('program_measures.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.notNull().references('member_states.code').onDelete('restrict'),
    )
    .addPrimaryKeyConstraint('program_measure_states_pk', ['measure_id', 'member_state'])
    .execute();
  await db.schema
    .createIndex('program_measure_states_state')
    .on('program_measure_states')
    .columns(['member_state', 'measure_id'])
    .execute();

  await db.schema
    .createTable('program_measure_organizations')
    .addColumn('measure_id', 'text', (c) =>
      c.notNull().references('program_measures.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('restrict'),
    )
    .addPrimaryKeyConstraint('program_measure_organizations_pk', ['measure_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('program_measure_organizations_org')
    .on('program_measure_organizations')
    .columns(['organization_id', 'measure_id'])
    .execute();

  await db.schema
    .createTable('program_measure_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('measure_id', 'text', (c) =>
      c.notNull().references('program_measures.id').onDelete('cascade'),
    )
    .addColumn('program_id', 'text', (c) =>
      c.notNull().references('programs.id').onDelete('cascade'),
    )
    // The responsible state reported for; null when the secretariat reported.
    .addColumn('member_state', 'text', (c) =>
      c.references('member_states.code').onDelete('restrict'),
    )
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('progress', 'integer')
    .addColumn('reported_by_id', 'text')
    .addColumn('reported_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('program_measure_reports_measure')
    .on('program_measure_reports')
    .columns(['measure_id', 'reported_on'])
    .execute();
  await db.schema
    .createIndex('program_measure_reports_program')
    .on('program_measure_reports')
    .columns(['program_id', 'reported_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'program_measure_reports',
    'program_measure_organizations',
    'program_measure_states',
    'program_measures',
    'program_decisions',
    'programs',
    'standard_decisions',
    'standard_adoptions',
    'standards',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
