/** Single sign-on through OpenID Connect (migration 0016). */

/** A sign-in in progress: kept until the provider sends the browser back, at most a few minutes. */
export interface OidcLoginTable {
  /** SHA-256 of the `plenum_oidc` cookie value. */
  id: string;
  state: string;
  nonce: string;
  /** The PKCE code verifier (S256); only its challenge went to the provider. */
  codeVerifier: string;
  /** A path of this site to return to after sign-in (checked when the row is written). */
  returnTo: string;
  createdAt: string;
  expiresAt: string;
}

/** A provider's subject linked to a user; (issuer, subject) is unique. */
export interface UserIdentityTable {
  id: string;
  issuer: string;
  subject: string;
  userId: string;
  createdAt: string;
  lastLoginAt: string;
}

export interface OidcTables {
  oidcLogins: OidcLoginTable;
  userIdentities: UserIdentityTable;
}
