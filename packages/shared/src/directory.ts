import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDate,
  ZListQueryBase,
  ZLocalizedText,
  ZResourceMeta,
  ZStateCode,
} from './common.ts';
import {
  BODY_KINDS,
  MEMBER_STATE_STATUSES,
  MEMBERSHIP_ROLES,
  ORGANIZATION_KINDS,
} from './values.ts';

// ---- Member states ---------------------------------------------------------------------------

export const ZMemberStateStatus = z.enum(MEMBER_STATE_STATUSES);

export const ZMemberState = z.object({
  code: ZStateCode,
  name: ZLocalizedText,
  status: ZMemberStateStatus,
  ...ZResourceMeta,
});
export type MemberState = z.infer<typeof ZMemberState>;

export const ZMemberStateCreate = z
  .object({ code: ZStateCode, name: ZLocalizedText, status: ZMemberStateStatus.default('member') })
  .strict();
export type MemberStateCreate = z.infer<typeof ZMemberStateCreate>;
export const ZMemberStatePatch = z
  .object({ name: ZLocalizedText, status: ZMemberStateStatus })
  .partial()
  .strict();
export type MemberStatePatch = z.infer<typeof ZMemberStatePatch>;
export const ZMemberStateListQuery = ZListQueryBase.extend({
  status: ZMemberStateStatus.optional(),
  q: z.string().max(200).optional().describe('Matches code or name'),
});
export type MemberStateListQuery = z.infer<typeof ZMemberStateListQuery>;

// ---- Bodies ----------------------------------------------------------------------------------

export const ZBodyKind = z.enum(BODY_KINDS);
export const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'v.slug')
  .max(80);

/** A body's quorum rule for its meetings in session (issue 8). */
export const ZBodyQuorum = z
  .number()
  .int()
  .min(1)
  .max(1000)
  .nullable()
  .describe(
    'The minimum number of member states (status member) present for the body to decide in session; null: all of them. It may not exceed the number of member states (422)',
  );

export const ZBody = z.object({
  id: ZId,
  slug: ZSlug,
  name: ZLocalizedText,
  nameGenitive: ZLocalizedText.nullable().describe(
    'The name as it follows "meeting of" (Russian: genitive case); defaults to name',
  ),
  shortName: localizedText(100).nullable(),
  kind: ZBodyKind,
  parentId: ZId.nullable(),
  established: ZIsoDate.nullable(),
  establishedBy: localizedText(1000).nullable().describe('Free reference to the founding act'),
  mandate: localizedText(20000).nullable().describe('The body’s tasks (Markdown)'),
  quorum: ZBodyQuorum,
  ...ZResourceMeta,
});
export type Body = z.infer<typeof ZBody>;

const bodyFields = {
  slug: ZSlug,
  name: ZLocalizedText,
  nameGenitive: ZLocalizedText.nullable(),
  shortName: localizedText(100).nullable(),
  kind: ZBodyKind,
  parentId: ZId.nullable(),
  established: ZIsoDate.nullable(),
  establishedBy: localizedText(1000).nullable(),
  mandate: localizedText(20000).nullable(),
  quorum: ZBodyQuorum,
};
export const ZBodyCreate = z
  .object({
    ...bodyFields,
    nameGenitive: bodyFields.nameGenitive.default(null),
    shortName: bodyFields.shortName.default(null),
    parentId: bodyFields.parentId.default(null),
    established: bodyFields.established.default(null),
    establishedBy: bodyFields.establishedBy.default(null),
    mandate: bodyFields.mandate.default(null),
    quorum: bodyFields.quorum.default(null),
  })
  .strict();
export type BodyCreate = z.infer<typeof ZBodyCreate>;
export const ZBodyPatch = z.object(bodyFields).partial().strict();
export type BodyPatch = z.infer<typeof ZBodyPatch>;
export const ZBodyListQuery = ZListQueryBase.extend({
  kind: ZBodyKind.optional(),
  parentId: ZId.optional().describe('Bodies directly under this body'),
  q: z.string().max(200).optional().describe('Matches the name or short name, in any language'),
});
export type BodyListQuery = z.infer<typeof ZBodyListQuery>;

// ---- Persons ---------------------------------------------------------------------------------

export const ZPerson = z.object({
  id: ZId,
  name: ZLocalizedText,
  memberState: ZStateCode.nullable(),
  position: localizedText(1000).nullable(),
  ...ZResourceMeta,
});
export type Person = z.infer<typeof ZPerson>;
const personFields = {
  name: ZLocalizedText,
  memberState: ZStateCode.nullable(),
  position: localizedText(1000).nullable(),
};
export const ZPersonCreate = z
  .object({
    ...personFields,
    memberState: personFields.memberState.default(null),
    position: personFields.position.default(null),
  })
  .strict();
export type PersonCreate = z.infer<typeof ZPersonCreate>;
export const ZPersonPatch = z.object(personFields).partial().strict();
export type PersonPatch = z.infer<typeof ZPersonPatch>;
export const ZPersonListQuery = ZListQueryBase.extend({
  memberState: ZStateCode.optional(),
  bodyId: ZId.optional().describe('Persons with a membership in this body'),
  q: z.string().max(200).optional().describe('Matches the name, in any language'),
});
export type PersonListQuery = z.infer<typeof ZPersonListQuery>;

// ---- Memberships -----------------------------------------------------------------------------

export const ZMembershipRole = z.enum(MEMBERSHIP_ROLES);
export const ZMembership = z.object({
  id: ZId,
  personId: ZId,
  bodyId: ZId,
  role: ZMembershipRole,
  memberState: ZStateCode.nullable(),
  from: ZIsoDate.nullable().describe('First day in the role; null: since ever'),
  to: ZIsoDate.nullable().describe('Last day in the role, not before from; null: open-ended'),
  ...ZResourceMeta,
});
export type Membership = z.infer<typeof ZMembership>;
const membershipFields = {
  personId: ZId,
  bodyId: ZId,
  role: ZMembershipRole,
  memberState: ZStateCode.nullable(),
  from: ZIsoDate.nullable(),
  to: ZIsoDate.nullable(),
};
export const ZMembershipCreate = z
  .object({
    ...membershipFields,
    memberState: membershipFields.memberState.default(null),
    from: membershipFields.from.default(null),
    to: membershipFields.to.default(null),
  })
  .strict();
export type MembershipCreate = z.infer<typeof ZMembershipCreate>;
export const ZMembershipPatch = z
  .object({
    role: membershipFields.role,
    memberState: membershipFields.memberState,
    from: membershipFields.from,
    to: membershipFields.to,
  })
  .partial()
  .strict();
export type MembershipPatch = z.infer<typeof ZMembershipPatch>;
export const ZMembershipListQuery = ZListQueryBase.extend({
  personId: ZId.optional(),
  bodyId: ZId.optional(),
  memberState: ZStateCode.optional(),
  role: ZMembershipRole.optional(),
  current: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only memberships in force today; false: only those ended or not yet begun'),
});
export type MembershipListQuery = z.infer<typeof ZMembershipListQuery>;

// ---- Organizations ---------------------------------------------------------------------------

export const ZOrganizationKind = z.enum(ORGANIZATION_KINDS);
export const ZOrganization = z.object({
  id: ZId,
  name: ZLocalizedText,
  memberState: ZStateCode,
  kind: ZOrganizationKind,
  ...ZResourceMeta,
});
export type Organization = z.infer<typeof ZOrganization>;
const organizationFields = {
  name: localizedText(500),
  memberState: ZStateCode,
  kind: ZOrganizationKind,
};
export const ZOrganizationCreate = z.object(organizationFields).strict();
export type OrganizationCreate = z.infer<typeof ZOrganizationCreate>;
export const ZOrganizationPatch = z.object(organizationFields).partial().strict();
export type OrganizationPatch = z.infer<typeof ZOrganizationPatch>;
export const ZOrganizationListQuery = ZListQueryBase.extend({
  memberState: ZStateCode.optional(),
  kind: ZOrganizationKind.optional(),
  q: z.string().max(200).optional().describe('Matches the name, in any language'),
});
export type OrganizationListQuery = z.infer<typeof ZOrganizationListQuery>;
