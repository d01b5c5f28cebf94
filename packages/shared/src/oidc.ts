import { z } from 'zod';

/**
 * Why a single sign-on ended on the login page (`/app/login?error=<code>`): `sso_failed` when the
 * flow broke (expired or replayed, state mismatch, the provider refused or could not be checked),
 * `sso_denied` when the provider's account gives no access (no mapped role, a delegate without a
 * valid member state, a deactivated or unknown user).
 */
export const SSO_ERRORS = ['sso_failed', 'sso_denied'] as const;
export type SsoError = (typeof SSO_ERRORS)[number];

/**
 * A path of this site, never another origin: `//host`, `/\host`, a scheme or a control character
 * would let a crafted sign-in link send the user elsewhere (an open redirect).
 */
export function isLocalPath(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) {
    return false;
  }
  const base = 'http://plenum.invalid';
  return URL.canParse(value, base) && new URL(value, base).origin === base;
}

export const ZOidcLoginQuery = z
  .object({
    returnTo: z
      .string()
      .max(2000)
      .refine(isLocalPath, 'Give a path of this site, such as /app/')
      .default('/app/')
      .describe('Where to go after sign-in: a path of this site (default /app/)'),
  })
  .strict();

export const ZAuthProviders = z.object({
  oidc: z
    .object({
      label: z.string().describe('The text of the sign-in button'),
      loginUrl: z.string().describe('Open in the browser, with ?returnTo=/app/…'),
    })
    .nullable()
    .describe('Single sign-on through OpenID Connect; null when not configured'),
});
export type AuthProviders = z.infer<typeof ZAuthProviders>;
