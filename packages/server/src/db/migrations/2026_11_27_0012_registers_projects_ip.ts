import { type Kysely, sql } from 'kysely';

/**
 * The registers of joint projects and of intellectual-property results (issue 6, part B).
 *
 * - projects with their participating organizations (exactly one lead: a partial unique index
 *   backs the service's check), their links to program measures and to the decisions that
 *   approved them;
 * - ip_results with their rights holders (an organization or a member state; shares kept in
 *   hundredths of a percent, so "33.33" is exact), protections per member state, links to
 *   decisions, and ip_result_access mirroring a restricted result's access list row by row so
 *   that "what may this caller read" is an indexed semi-join (as document_access does).
 *
 * Links to decisions and measures cascade: a decision or measure removed as entered by mistake
 * takes its links with it. Organizations, member states and projects referred to are kept
 * (restrict), so their removal answers 409.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('description_html', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list reads newest first by id (UUID v7 is time-ordered); filters narrow by these.
  await db.schema.createIndex('projects_status').on('projects').columns(['status', 'id']).execute();
  await db.schema.createIndex('projects_kind').on('projects').columns(['kind', 'id']).execute();

  await db.schema
    .createTable('project_participants')
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('restrict'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_participants_pk', ['project_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('project_participants_organization')
    .on('project_participants')
    .columns(['organization_id', 'project_id'])
    .execute();
  // Exactly one lead per project: the service checks, the database has the last word.
  await sql`create unique index project_participants_one_lead
    on project_participants (project_id) where role = 'lead'`.execute(db);

  await db.schema
    .createTable('project_measures')
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('measure_id', 'text', (c) =>
      c.notNull().references('program_measures.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('project_measures_pk', ['project_id', 'measure_id'])
    .execute();
  await db.schema
    .createIndex('project_measures_measure')
    .on('project_measures')
    .columns(['measure_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_decisions')
    .addColumn('project_id', 'text', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('decision_id', 'text', (c) =>
      c.notNull().references('decisions.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('project_decisions_pk', ['project_id', 'decision_id'])
    .execute();
  await db.schema
    .createIndex('project_decisions_decision')
    .on('project_decisions')
    .columns(['decision_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('ip_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('description_html', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('restrict'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('access_list', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ip_results_classification')
    .on('ip_results')
    .columns(['classification', 'id'])
    .execute();
  await db.schema.createIndex('ip_results_kind').on('ip_results').columns(['kind', 'id']).execute();
  await db.schema
    .createIndex('ip_results_project')
    .on('ip_results')
    .columns(['project_id', 'id'])
    .execute();

  await db.schema
    .createTable('ip_result_access')
    .addColumn('ip_result_id', 'text', (c) =>
      c.notNull().references('ip_results.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.references('member_states.code').onDelete('restrict'),
    )
    .addColumn('body_id', 'text', (c) => c.references('bodies.id').onDelete('restrict'))
    .execute();
  await db.schema
    .createIndex('ip_result_access_state')
    .on('ip_result_access')
    .columns(['member_state', 'ip_result_id'])
    .execute();
  await db.schema
    .createIndex('ip_result_access_body')
    .on('ip_result_access')
    .columns(['body_id', 'ip_result_id'])
    .execute();
  await db.schema
    .createIndex('ip_result_access_result')
    .on('ip_result_access')
    .column('ip_result_id')
    .execute();

  await db.schema
    .createTable('ip_rights_holders')
    .addColumn('ip_result_id', 'text', (c) =>
      c.notNull().references('ip_results.id').onDelete('cascade'),
    )
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) =>
      c.references('organizations.id').onDelete('restrict'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.references('member_states.code').onDelete('restrict'),
    )
    /** The share in hundredths of a percent: 10000 is 100%. */
    .addColumn('share_hundredths', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ip_rights_holders_pk', ['ip_result_id', 'ordinal'])
    .addUniqueConstraint('ip_rights_holders_organization', ['ip_result_id', 'organization_id'])
    .addUniqueConstraint('ip_rights_holders_state', ['ip_result_id', 'member_state'])
    .execute();
  await db.schema
    .createIndex('ip_rights_holders_org')
    .on('ip_rights_holders')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('ip_protections')
    .addColumn('ip_result_id', 'text', (c) =>
      c.notNull().references('ip_results.id').onDelete('cascade'),
    )
    .addColumn('member_state', 'text', (c) =>
      c.notNull().references('member_states.code').onDelete('restrict'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('date', 'text')
    .addPrimaryKeyConstraint('ip_protections_pk', ['ip_result_id', 'member_state'])
    .execute();
  await db.schema
    .createIndex('ip_protections_state')
    .on('ip_protections')
    .columns(['member_state', 'ip_result_id'])
    .execute();

  await db.schema
    .createTable('ip_result_decisions')
    .addColumn('ip_result_id', 'text', (c) =>
      c.notNull().references('ip_results.id').onDelete('cascade'),
    )
    .addColumn('decision_id', 'text', (c) =>
      c.notNull().references('decisions.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('ip_result_decisions_pk', ['ip_result_id', 'decision_id'])
    .execute();
  await db.schema
    .createIndex('ip_result_decisions_decision')
    .on('ip_result_decisions')
    .columns(['decision_id', 'ip_result_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'ip_result_decisions',
    'ip_protections',
    'ip_rights_holders',
    'ip_result_access',
    'ip_results',
    'project_decisions',
    'project_measures',
    'project_participants',
    'projects',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
