import type { Kysely } from 'kysely';

/**
 * Indexes that answer a decision's derived status by range (repository.ts `statusIs`), so the
 * counts per status and a register filtered by status read only the decisions of that status
 * instead of deriving the status of every decision:
 * - decisions_status (closed_as, open_count, assignment_count): cancelled and superseded by
 *   closed_as, implemented as open_count = 0 and assignment_count > 0;
 * - decisions_overdue (closed_as, next_open_due, open_count, assignment_count): overdue as a
 *   range of next_open_due before today.
 * The index it replaces (closed_as, assignment_count, open_count, next_open_due) covered the old
 * way, which evaluated the status expression over every entry.
 */
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('decisions_overdue').execute();
  await db.schema.dropIndex('decisions_status').execute();
  await db.schema
    .createIndex('decisions_status')
    .on('decisions')
    .columns(['closed_as', 'assignment_count', 'open_count', 'next_open_due'])
    .execute();
}
