import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDate,
  ZListQueryBase,
  ZResourceMeta,
  ZStateCode,
} from './common.ts';
import { ZLinkedDecision } from './standards.ts';

/** Kinds of joint work between organizations of member states (DESIGN §2). */
export const PROJECT_KINDS = [
  'joint_venture',
  'joint_rnd',
  'co_production',
  'modernization',
  'repair',
  'disposal',
] as const;

/**
 * A project's lifecycle: proposed → approved → active → completed; terminated from approved or
 * active. completed and terminated are final.
 */
export const PROJECT_STATUSES = [
  'proposed',
  'approved',
  'active',
  'completed',
  'terminated',
] as const;

/** The statuses each status may move to (PATCH status); anything else answers 409. */
export const PROJECT_TRANSITIONS: Record<
  (typeof PROJECT_STATUSES)[number],
  readonly (typeof PROJECT_STATUSES)[number][]
> = {
  proposed: ['approved'],
  approved: ['active', 'terminated'],
  active: ['completed', 'terminated'],
  completed: [],
  terminated: [],
};

export const PROJECT_PARTICIPANT_ROLES = ['lead', 'partner'] as const;

export const ZProjectKind = z.enum(PROJECT_KINDS);
export const ZProjectStatus = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ZProjectStatus>;
export const ZProjectParticipantRole = z.enum(PROJECT_PARTICIPANT_ROLES);

export const ZProjectParticipantInput = z
  .object({ organizationId: ZId, role: ZProjectParticipantRole })
  .strict();

export const ZProjectParticipant = z.object({
  organizationId: ZId,
  role: ZProjectParticipantRole,
  organization: z.object({ name: localizedText(1000), memberState: ZStateCode }),
});
export type ProjectParticipant = z.infer<typeof ZProjectParticipant>;

export const ZProjectMeasureLink = z.object({
  id: ZId,
  programId: ZId,
  title: localizedText(1000),
});

export const ZProject = z.object({
  id: ZId,
  title: localizedText(1000),
  description: localizedText(20_000).nullable().describe('Markdown'),
  descriptionHtml: z
    .object({ en: z.string().optional(), ru: z.string().optional() })
    .nullable()
    .describe('The description rendered to safe HTML'),
  kind: ZProjectKind,
  status: ZProjectStatus,
  startDate: ZIsoDate.nullable(),
  endDate: ZIsoDate.nullable(),
  participants: z.array(ZProjectParticipant).describe('The lead first, then partners'),
  memberStates: z
    .array(ZStateCode)
    .describe('The member states of the participating organizations, sorted'),
  measures: z.array(ZProjectMeasureLink).describe('The program measures the project serves'),
  decisions: z.array(ZLinkedDecision).describe('The decisions that approved or steer it'),
  ...ZResourceMeta,
});
export type Project = z.infer<typeof ZProject>;

/** A register row: the project without its description. */
export const ZProjectListItem = ZProject.omit({ description: true, descriptionHtml: true });
export type ProjectListItem = z.infer<typeof ZProjectListItem>;

const participants = z
  .array(ZProjectParticipantInput)
  .min(1)
  .max(100)
  .describe('Exactly one lead; each organization once');
const measureIds = z
  .array(ZId)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'v.distinctIds' })
  .describe('Program measures (ids) the project serves');
const decisionIds = z
  .array(ZId)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'v.distinctIds' })
  .describe('Decisions (ids) that approved or steer it');

export const ZProjectCreate = z
  .object({
    title: localizedText(1000),
    description: localizedText(20_000).nullable().default(null),
    kind: ZProjectKind,
    status: ZProjectStatus.default('proposed').describe(
      'The status to record the project in; later changes follow the lifecycle',
    ),
    startDate: ZIsoDate.nullable().default(null),
    endDate: ZIsoDate.nullable().default(null),
    participants,
    measureIds: measureIds.default([]),
    decisionIds: decisionIds.default([]),
  })
  .strict();
export type ProjectCreate = z.infer<typeof ZProjectCreate>;

export const ZProjectPatch = z
  .object({
    title: localizedText(1000),
    description: localizedText(20_000).nullable(),
    kind: ZProjectKind,
    status: ZProjectStatus.describe(
      'proposed → approved → active → completed; terminated from approved or active',
    ),
    startDate: ZIsoDate.nullable(),
    endDate: ZIsoDate.nullable(),
    participants: participants.describe('Replaces the participants'),
    measureIds: measureIds.describe('Replaces the links to measures'),
    decisionIds: decisionIds.describe('Replaces the links to decisions'),
  })
  .partial()
  .strict();
export type ProjectPatch = z.infer<typeof ZProjectPatch>;

export const ZProjectListQuery = ZListQueryBase.extend({
  kind: ZProjectKind.optional(),
  status: ZProjectStatus.optional(),
  memberState: ZStateCode.optional().describe('An organization of this state participates'),
  organizationId: ZId.optional().describe('This organization participates'),
  role: ZProjectParticipantRole.optional().describe(
    'With memberState or organizationId: only where it has this role',
  ),
  measureId: ZId.optional().describe('Linked to this program measure'),
  decisionId: ZId.optional().describe('Linked to this decision'),
  q: z.string().trim().min(1).max(200).optional().describe('Matches the title in any language'),
});
export type ProjectListQuery = z.infer<typeof ZProjectListQuery>;

export const ZProjectStateSummary = z.object({
  memberState: ZStateCode,
  total: z.number().int().describe('Projects with an organization of this state'),
  asLead: z.number().int().describe('Projects led by an organization of this state'),
  asPartner: z
    .number()
    .int()
    .describe('Projects in which the state’s organizations are partners only'),
  byStatus: z.record(ZProjectStatus, z.number().int()),
});
export type ProjectStateSummary = z.infer<typeof ZProjectStateSummary>;

export const ZProjectSummaryQuery = z.object({
  kind: ZProjectKind.optional(),
});
