import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDate,
  ZListQueryBase,
  ZResourceMeta,
  ZStateCode,
} from './common.ts';
import { ZAccessList, ZClassification } from './documents.ts';
import { ZLinkedDecision } from './standards.ts';

/** Kinds of results of intellectual activity (DESIGN §2). */
export const IP_KINDS = [
  'invention',
  'utility_model',
  'industrial_design',
  'software',
  'know_how',
  'other',
] as const;

/** Where a result stands in one member state's protection procedure. */
export const PROTECTION_STATUSES = ['filed', 'granted', 'refused', 'expired'] as const;

export const ZIpKind = z.enum(IP_KINDS);
export const ZProtectionStatus = z.enum(PROTECTION_STATUSES);

/** A share in percent with at most two decimals, e.g. 33.33. */
const ZShare = z
  .number()
  .gt(0)
  .max(100)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'v.shareDecimals' })
  .describe('Percent, at most two decimals; all shares total exactly 100');

export const ZRightsHolderInput = z
  .object({
    organizationId: ZId.nullable().default(null),
    memberState: ZStateCode.nullable().default(null),
    share: ZShare,
  })
  .strict()
  .describe('An organization or a member state (exactly one) and its share');

export const ZRightsHolder = z.object({
  organizationId: ZId.nullable(),
  memberState: ZStateCode.nullable().describe(
    'The state holding the share, or the organization’s state',
  ),
  organizationName: localizedText(1000).nullable(),
  share: z.number(),
});
export type RightsHolder = z.infer<typeof ZRightsHolder>;

export const ZProtection = z
  .object({
    memberState: ZStateCode,
    status: ZProtectionStatus,
    number: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .default(null)
      .describe('Application or title number; required once granted'),
    date: ZIsoDate.nullable().default(null).describe('Date of filing, grant, refusal or expiry'),
  })
  .strict();
export type Protection = z.infer<typeof ZProtection>;

export const ZIpResult = z.object({
  id: ZId,
  title: localizedText(1000),
  description: localizedText(20_000).nullable().describe('Markdown'),
  descriptionHtml: z
    .object({ en: z.string().optional(), ru: z.string().optional() })
    .nullable()
    .describe('The description rendered to safe HTML'),
  kind: ZIpKind,
  projectId: ZId.nullable().describe('The project the result came from'),
  project: z.object({ id: ZId, title: localizedText(1000) }).nullable(),
  classification: ZClassification.describe(
    'restricted: confidential, readable by the secretariat and the access list only',
  ),
  accessList: z
    .object({ memberStates: z.array(z.string()), bodyIds: z.array(z.string()) })
    .nullable()
    .describe('Set for restricted results only'),
  rightsHolders: z.array(ZRightsHolder),
  protections: z.array(
    z.object({
      memberState: ZStateCode,
      status: ZProtectionStatus,
      number: z.string().nullable(),
      date: ZIsoDate.nullable(),
    }),
  ),
  decisions: z.array(ZLinkedDecision),
  ...ZResourceMeta,
});
export type IpResult = z.infer<typeof ZIpResult>;

export const ZIpResultListItem = ZIpResult.omit({ description: true, descriptionHtml: true });
export type IpResultListItem = z.infer<typeof ZIpResultListItem>;

const rightsHolders = z
  .array(ZRightsHolderInput)
  .min(1)
  .max(50)
  .describe('Shares total exactly 100 percent');
const protections = z
  .array(ZProtection)
  .max(100)
  .refine((list) => new Set(list.map((p) => p.memberState)).size === list.length, {
    message: 'v.distinctStates',
  })
  .describe('One per member state');
const decisionIds = z
  .array(ZId)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'v.distinctIds' })
  .describe('Decisions (ids) that created or approved the result');

export const ZIpResultCreate = z
  .object({
    title: localizedText(1000),
    description: localizedText(20_000).nullable().default(null),
    kind: ZIpKind,
    projectId: ZId.nullable().default(null),
    classification: ZClassification.default('internal'),
    accessList: ZAccessList.nullable().default(null),
    rightsHolders,
    protections: protections.default([]),
    decisionIds: decisionIds.default([]),
  })
  .strict();
export type IpResultCreate = z.infer<typeof ZIpResultCreate>;

export const ZIpResultPatch = z
  .object({
    title: localizedText(1000),
    description: localizedText(20_000).nullable(),
    kind: ZIpKind,
    projectId: ZId.nullable(),
    classification: ZClassification,
    accessList: ZAccessList.nullable(),
    rightsHolders: rightsHolders.describe('Replaces the rights holders'),
    protections: protections.describe('Replaces the protections'),
    decisionIds: decisionIds.describe('Replaces the links to decisions'),
  })
  .partial()
  .strict();
export type IpResultPatch = z.infer<typeof ZIpResultPatch>;

export const ZIpResultListQuery = ZListQueryBase.extend({
  kind: ZIpKind.optional(),
  projectId: ZId.optional(),
  classification: ZClassification.optional(),
  holderState: ZStateCode.optional().describe(
    'A rights holder is this state or an organization of it',
  ),
  protectedIn: ZStateCode.optional().describe('Has a protection record in this state'),
  protectionStatus: ZProtectionStatus.optional().describe(
    'Has a protection in this status (in protectedIn, when given)',
  ),
  decisionId: ZId.optional().describe('Linked to this decision'),
  q: z.string().trim().min(1).max(200).optional().describe('Matches the title in any language'),
});
export type IpResultListQuery = z.infer<typeof ZIpResultListQuery>;
