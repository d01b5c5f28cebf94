import { z } from 'zod';
import { ZId, ZIsoDateTime, ZLanguage, ZResourceMeta, ZStateCode } from './common.ts';
import { ROLES } from './values.ts';

export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

export const ZUser = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  role: ZRole,
  memberState: ZStateCode.nullable(),
  bodyIds: z.array(ZId),
  language: ZLanguage,
  active: z.boolean(),
  ...ZResourceMeta,
});
export type User = z.infer<typeof ZUser>;

export const ZPassword = z
  .string()
  .min(12, 'v.password')
  .max(256)
  .describe('At least 12 characters');

const userFields = {
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  role: ZRole,
  memberState: ZStateCode.nullable(),
  bodyIds: z.array(ZId).max(100),
  language: ZLanguage,
  active: z.boolean(),
};
export const ZUserCreate = z
  .object({
    ...userFields,
    memberState: userFields.memberState.default(null),
    bodyIds: userFields.bodyIds.default([]),
    language: userFields.language.default('en'),
    active: userFields.active.default(true),
    password: ZPassword,
  })
  .strict();
export type UserCreate = z.infer<typeof ZUserCreate>;
export const ZUserPatch = z
  .object({ ...userFields, password: ZPassword })
  .partial()
  .strict();
export type UserPatch = z.infer<typeof ZUserPatch>;

const ZTotpCode = z
  .string()
  .regex(/^\d{6}$/, 'v.totpCode')
  .describe('The six digits an authenticator app shows now');
const ZRecoveryCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('One of the ten recovery codes given when two-factor sign-in was turned on');

export const ZLogin = z
  .object({
    email: z.string().max(254),
    password: z.string().max(256),
    totpCode: ZTotpCode.optional().describe(
      'Needed when the account has two-factor sign-in on (the first attempt without it answers 401 with code totp_required)',
    ),
    recoveryCode: ZRecoveryCode.optional().describe('Instead of totpCode; each works once'),
  })
  .strict();
export const ZMe = z.object({
  user: ZUser,
  csrfToken: z.string().nullable(),
  totpEnabled: z.boolean().describe('Whether this user signs in with a second factor (TOTP)'),
  totpEnrollmentRequired: z
    .boolean()
    .describe(
      'The administrator requires two-factor sign-in and this session may do nothing but enrol',
    ),
});
export type Me = z.infer<typeof ZMe>;

/** A new TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s), shown while enrolling only. */
export const ZTotpEnrolment = z.object({
  secret: z.string().describe('Base32, to type into an authenticator app'),
  uri: z.string().describe('otpauth:// URI'),
  qrSvg: z.string().describe('The URI as a QR code, an SVG document'),
});
export type TotpEnrolment = z.infer<typeof ZTotpEnrolment>;
export const ZTotpConfirm = z.object({ code: ZTotpCode }).strict();
export const ZRecoveryCodes = z.object({
  recoveryCodes: z.array(z.string()).describe('Ten one-time codes, shown this once'),
});
export type RecoveryCodes = z.infer<typeof ZRecoveryCodes>;
export const ZTotpDisable = z
  .object({ password: z.string().max(256), code: ZTotpCode })
  .partial()
  .strict()
  .describe('The current password or a current code');

export const ZSecuritySettings = z.object({
  requireTotp: z
    .boolean()
    .describe('Every user signing in with a password must use two-factor sign-in'),
  version: z.number().int(),
  updatedAt: ZIsoDateTime.nullable(),
});
export type SecuritySettings = z.infer<typeof ZSecuritySettings>;
export const ZSecuritySettingsPatch = z.object({ requireTotp: z.boolean() }).strict();

export const ZTokenCreate = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const ZToken = z.object({
  id: ZId,
  name: z.string(),
  createdAt: ZIsoDateTime,
  lastUsedAt: ZIsoDateTime.nullable(),
});
export type Token = z.infer<typeof ZToken>;
export const ZTokenCreated = z.object({ id: ZId, name: z.string(), token: z.string() });

export const ZAuditEvent = z.object({
  seq: z.number().int(),
  at: ZIsoDateTime,
  actorId: ZId.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  change: z.unknown(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof ZAuditEvent>;
