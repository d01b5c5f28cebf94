import type { Kysely } from 'kysely';

/**
 * Single sign-on through an OpenID Connect provider (issue 7). `oidc_logins` holds a sign-in in
 * progress (PKCE verifier, state, nonce, where to return) for a few minutes, in the database so
 * that any instance can finish the flow; `user_identities` links a provider's subject to a user.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oidc_logins')
    // SHA-256 of the browser's cookie value; the value itself is never stored.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  // Expired rows are swept by expiry at each new sign-in.
  await db.schema
    .createIndex('oidc_logins_expires_at')
    .on('oidc_logins')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('user_identities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('user_identities_issuer_subject', ['issuer', 'subject'])
    .execute();
  await db.schema
    .createIndex('user_identities_user_id')
    .on('user_identities')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_identities').execute();
  await db.schema.dropTable('oidc_logins').execute();
}
