import type { Kysely } from 'kysely';

/**
 * Two-factor sign-in and the security settings (issue 9).
 *
 * `user_totp`: a user's TOTP secret (RFC 6238), pending until a first code confirms it;
 * `last_step` is the newest time step used, so each code works once. `user_recovery_codes`:
 * SHA-256 hashes of the one-time recovery codes. `settings`: one row per settings group
 * (`security`: whether every password sign-in needs a second factor), versioned like resources;
 * no row means the defaults (a seeded row would make a fresh database refuse a restore).
 * `sessions.enrolment_only`: a password sign-in without a second factor while one is required
 * may do nothing but enrol.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    // Null while pending (enrolment started, no code confirmed yet).
    .addColumn('enabled_at', 'text')
    .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('user_recovery_codes_user_id')
    .on('user_recovery_codes')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // JSON
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('enrolment_only', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('enrolment_only').execute();
  await db.schema.dropTable('settings').execute();
  await db.schema.dropTable('user_recovery_codes').execute();
  await db.schema.dropTable('user_totp').execute();
}
