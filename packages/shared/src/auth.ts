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

export const ZLogin = z
  .object({ email: z.string().max(254), password: z.string().max(256) })
  .strict();
export const ZMe = z.object({ user: ZUser, csrfToken: z.string().nullable() });
export type Me = z.infer<typeof ZMe>;

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
