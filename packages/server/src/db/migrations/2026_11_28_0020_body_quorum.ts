import type { Kysely } from 'kysely';

/**
 * A body's quorum rule for its meetings in session (issue 8): the minimum number of member states
 * present. Null, the default and every existing body's value, keeps the rule "all member states".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bodies').addColumn('quorum', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bodies').dropColumn('quorum').execute();
}
