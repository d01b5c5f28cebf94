import type { Kysely } from 'kysely';

/**
 * Indexes for a decision's derived status (DESIGN §2), which the counts per status and the
 * register filtered by status need at DESIGN §6 scale (50,000 decisions):
 * - decisions_status (closed_as, open_count, assignment_count) and decisions_overdue (closed_as,
 *   next_open_due, open_count, assignment_count) answer each status by range
 *   (repository.ts `statusIs`): cancelled and superseded by closed_as, implemented as
 *   open_count = 0 and assignment_count > 0, overdue as next_open_due before today. The counts
 *   read only those entries instead of deriving the status of every decision.
 * - decisions_sort and decisions_due, the register's two orders, carry the status columns: a list
 *   filtered by status walks its order and tests each entry's status in the index, reading a row
 *   only for the page.
 */
const STATUS_COLUMNS = ['closed_as', 'open_count', 'assignment_count', 'next_open_due'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('decisions_status').execute();
  await db.schema
    .createIndex('decisions_status')
    .on('decisions')
    .columns(['closed_as', 'open_count', 'assignment_count'])
    .execute();
  await db.schema
    .createIndex('decisions_overdue')
    .on('decisions')
    .columns(['closed_as', 'next_open_due', 'open_count', 'assignment_count'])
    .execute();
  for (const [name, key] of [
    ['decisions_sort', 'sort_key'],
    ['decisions_due', 'due_key'],
  ] as const) {
    await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex(name)
      .on('decisions')
      .columns([key, 'id', ...STATUS_COLUMNS])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, key] of [
    ['decisions_sort', 'sort_key'],
    ['decisions_due', 'due_key'],
  ] as const) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on('decisions').columns([key, 'id']).execute();
  }
  await db.schema.dropIndex('decisions_overdue').execute();
  await db.schema.dropIndex('decisions_status').execute();
  await db.schema
    .createIndex('decisions_status')
    .on('decisions')
    .columns(['closed_as', 'assignment_count', 'open_count', 'next_open_due'])
    .execute();
}
