import type { Insertable, Selectable, Updateable } from 'kysely';
import type { UserTable } from '../../db/database.ts';
import type { OidcLoginTable, UserIdentityTable } from '../../db/tables/oidc.ts';
import type { Tx } from '../../platform/context.ts';

export type OidcLoginRow = Selectable<OidcLoginTable>;
export type UserIdentityRow = Selectable<UserIdentityTable>;

export const insertOidcLogin = (db: Tx, row: Insertable<OidcLoginTable>) =>
  db.insertInto('oidcLogins').values(row).execute();

/** Sign-ins abandoned at the provider leave rows behind; each new sign-in sweeps the expired. */
export const deleteExpiredOidcLogins = (db: Tx, now: string) =>
  db.deleteFrom('oidcLogins').where('expiresAt', '<=', now).execute();

/**
 * Takes a sign-in in progress out of the table: deleting and reading in one statement makes it
 * single-use, so a replayed or concurrent callback finds nothing.
 */
export const takeOidcLogin = (db: Tx, id: string) =>
  db.deleteFrom('oidcLogins').where('id', '=', id).returningAll().executeTakeFirst();

export const findIdentity = (db: Tx, issuer: string, subject: string) =>
  db
    .selectFrom('userIdentities')
    .selectAll()
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();

export const insertIdentity = (db: Tx, row: Insertable<UserIdentityTable>) =>
  db.insertInto('userIdentities').values(row).execute();

export const touchIdentity = (db: Tx, id: string, at: string) =>
  db.updateTable('userIdentities').set({ lastLoginAt: at }).where('id', '=', id).execute();

export const memberStateExists = async (db: Tx, code: string) =>
  (await db
    .selectFrom('memberStates')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst()) !== undefined;

export const insertSsoUser = (db: Tx, row: Insertable<UserTable>) =>
  db.insertInto('users').values(row).execute();

/** Applies the provider's values to a user, unless someone changed the user meanwhile. */
export async function updateSsoUser(
  db: Tx,
  id: string,
  version: number,
  set: Updateable<UserTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const deleteUserSessions = (db: Tx, userId: string) =>
  db.deleteFrom('sessions').where('userId', '=', userId).execute();
