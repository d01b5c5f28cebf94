import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDate,
  ZIsoDateTime,
  ZListQueryBase,
  ZResourceMeta,
  ZStateCode,
} from './common.ts';
import {
  ASSIGNMENT_STATUSES,
  DECISION_KINDS,
  DECISION_SORTS,
  DECISION_STATUSES,
  RELATION_KINDS,
  REPORT_STATUSES,
} from './values.ts';

export const ZDecisionKind = z.enum(DECISION_KINDS);

export const ZDecisionStatus = z.enum(DECISION_STATUSES);
export type DecisionStatus = z.infer<typeof ZDecisionStatus>;

export const ZRelationKind = z.enum(RELATION_KINDS);

export const ZAssignmentStatus = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof ZAssignmentStatus>;
export const ZReportStatus = z.enum(REPORT_STATUSES);

export const ZDecisionRelation = z.object({
  kind: ZRelationKind,
  direction: z
    .enum(['outgoing', 'incoming'])
    .describe('outgoing: this decision acts on the other; incoming: the other acts on this one'),
  decisionId: ZId,
  number: z.string(),
  title: localizedText(1000),
});
export type DecisionRelation = z.infer<typeof ZDecisionRelation>;

export const ZAssignmentSummary = z.object({
  total: z.number().int(),
  open: z.number().int(),
  nextDueDate: ZIsoDate.nullable().describe('Earliest due date among open assignments'),
});

export const ZDecision = z.object({
  id: ZId,
  bodyId: ZId,
  meetingId: ZId.nullable(),
  agendaItemId: ZId.nullable(),
  number: z.string().describe('meeting/ordinal, e.g. 21/3; free for decisions without a meeting'),
  kind: ZDecisionKind,
  title: localizedText(1000),
  text: localizedText(100_000).describe('Markdown'),
  textHtml: z
    .object({ en: z.string().optional(), ru: z.string().optional() })
    .describe('The text rendered to safe HTML (no raw HTML passes through)'),
  adoptedOn: ZIsoDate,
  status: ZDecisionStatus,
  relations: z.array(ZDecisionRelation),
  assignments: ZAssignmentSummary,
  ...ZResourceMeta,
});
export type Decision = z.infer<typeof ZDecision>;

/** A register row: the decision without its text (read one decision for that). */
export const ZDecisionListItem = ZDecision.omit({ text: true, textHtml: true });
export type DecisionListItem = z.infer<typeof ZDecisionListItem>;

export const ZDecisionRelationInput = z.object({ kind: ZRelationKind, decisionId: ZId }).strict();

export const ZDecisionCreate = z
  .object({
    bodyId: ZId,
    meetingId: ZId.nullable().default(null),
    agendaItemId: ZId.nullable().default(null),
    number: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .optional()
      .describe('Required without a meeting; with a meeting it is assigned as meeting/ordinal'),
    kind: ZDecisionKind.default('decision'),
    title: localizedText(1000),
    text: localizedText(100_000),
    adoptedOn: ZIsoDate.optional().describe('Defaults to the meeting’s start date'),
    relations: z.array(ZDecisionRelationInput).max(50).default([]),
  })
  .strict();
export type DecisionCreate = z.infer<typeof ZDecisionCreate>;

export const ZDecisionPatch = z
  .object({
    kind: ZDecisionKind,
    title: localizedText(1000),
    text: localizedText(100_000),
    adoptedOn: ZIsoDate,
    agendaItemId: ZId.nullable(),
  })
  .partial()
  .strict();
export type DecisionPatch = z.infer<typeof ZDecisionPatch>;

export const ZDecisionListQuery = ZListQueryBase.extend({
  status: z.string().max(100).optional().describe('One status or several separated by commas'),
  bodyId: ZId.optional().describe('The adopting body'),
  meetingId: ZId.optional(),
  memberState: ZStateCode.optional().describe('Assigned to this member state'),
  assigneeBodyId: ZId.optional().describe('Assigned to this body'),
  dueFrom: ZIsoDate.optional().describe('Has an assignment due on or after'),
  dueTo: ZIsoDate.optional().describe('Has an assignment due on or before'),
  q: z.string().max(200).optional().describe('Matches number, title and text'),
  sort: z.enum(DECISION_SORTS).default('adopted'),
});
export type DecisionListQuery = z.infer<typeof ZDecisionListQuery>;

// ---- Assignments and reports -----------------------------------------------------------------

export const ZReport = z.object({
  id: ZId,
  assignmentId: ZId,
  decisionId: ZId,
  status: ZReportStatus,
  text: localizedText(20_000).nullable(),
  reportedOn: ZIsoDate,
  reportedBy: z.object({ id: ZId.nullable(), name: z.string() }),
  createdAt: ZIsoDateTime,
});
export type Report = z.infer<typeof ZReport>;

export const ZAssignment = z.object({
  id: ZId,
  decisionId: ZId,
  memberState: ZStateCode.nullable(),
  bodyId: ZId.nullable(),
  dueDate: ZIsoDate.nullable(),
  status: ZAssignmentStatus,
  overdue: z.boolean().describe('Open and past its due date'),
  latestReport: ZReport.nullable(),
  ...ZResourceMeta,
});
export type Assignment = z.infer<typeof ZAssignment>;

export const ZAssignmentCreate = z
  .object({
    memberState: ZStateCode.nullable().default(null),
    bodyId: ZId.nullable().default(null),
    dueDate: ZIsoDate.nullable().default(null),
  })
  .strict();
export type AssignmentCreate = z.infer<typeof ZAssignmentCreate>;
export const ZAssignmentPatch = z.object({ dueDate: ZIsoDate.nullable() }).partial().strict();

export const ZReportCreate = z
  .object({
    assignmentId: ZId,
    status: ZReportStatus,
    text: localizedText(20_000).nullable().default(null),
    reportedOn: ZIsoDate.optional().describe('Defaults to today'),
  })
  .strict();
export type ReportCreate = z.infer<typeof ZReportCreate>;

/** An assignment with its decision, for a state's or body's to-do list and the dashboard. */
export const ZAssignmentListItem = ZAssignment.extend({
  decision: z.object({
    id: ZId,
    number: z.string(),
    title: localizedText(1000),
    bodyId: ZId,
    status: ZDecisionStatus,
  }),
});
export type AssignmentListItem = z.infer<typeof ZAssignmentListItem>;

export const ZAssignmentListQuery = ZListQueryBase.extend({
  memberState: ZStateCode.optional(),
  bodyId: ZId.optional().describe('Assigned to this body'),
  open: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueFrom: ZIsoDate.optional(),
  dueTo: ZIsoDate.optional(),
});

// ---- History -------------------------------------------------------------------------------

/**
 * One entry of a decision's history, from the audit trail: the decision's own changes and those
 * of its assignments (created, due date changed, removed, reported on). `change` is what the
 * trail recorded: for updates, `{field: [before, after]}`.
 */
export const ZDecisionHistoryEvent = z.object({
  seq: z.number().int(),
  at: ZIsoDateTime,
  actor: z.object({ id: ZId, name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.enum(['decision', 'assignment']),
  entityId: z.string(),
  assignee: z
    .object({ memberState: ZStateCode.nullable(), bodyId: ZId.nullable() })
    .nullable()
    .describe('For assignment events: whom the assignment names'),
  change: z.unknown(),
});
export type DecisionHistoryEvent = z.infer<typeof ZDecisionHistoryEvent>;

// ---- Implementation review -------------------------------------------------------------------

/**
 * An assignee's cell of the review matrix: its status and latest report, without the
 * bookkeeping fields of a full assignment (a busy meeting reviews hundreds of decisions;
 * the full records are one click away at /decisions/{id}/assignments).
 */
export const ZReviewAssignment = ZAssignment.pick({
  id: true,
  memberState: true,
  bodyId: true,
  dueDate: true,
  status: true,
  overdue: true,
}).extend({
  latestReport: ZReport.pick({ id: true, status: true, text: true, reportedOn: true })
    .extend({ reportedBy: z.string().describe('Name of who reported') })
    .nullable(),
});
export type ReviewAssignment = z.infer<typeof ZReviewAssignment>;

export const ZReviewEntry = z.object({
  decision: z.object({
    id: ZId,
    number: z.string(),
    title: localizedText(1000),
    bodyId: ZId,
    kind: ZDecisionKind,
    adoptedOn: ZIsoDate,
    status: ZDecisionStatus,
  }),
  source: z
    .enum(['own', 'statutory'])
    .describe('own: the body’s earlier meetings; statutory: a higher body'),
  statusAtReview: ZDecisionStatus.nullable().describe(
    'The status recorded when the meeting was held; null while the review is live',
  ),
  assignments: z.array(ZReviewAssignment),
});
export type ReviewEntry = z.infer<typeof ZReviewEntry>;

export const ZReviewSummary = z.object({
  total: z.number().int(),
  implemented: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  notImplemented: z.number().int(),
  closed: z.number().int().describe('Cancelled or superseded since the previous review'),
});

export const ZImplementationReview = z.object({
  meetingId: ZId,
  previousReviewMeetingId: ZId.nullable(),
  recorded: z.boolean().describe('True once the meeting is held: the review is then fixed'),
  asOf: ZIsoDate,
  entries: z.array(ZReviewEntry),
  summary: ZReviewSummary,
});
export type ImplementationReview = z.infer<typeof ZImplementationReview>;

// ---- Dashboard -------------------------------------------------------------------------------

export const ZImplementationSummary = z.object({
  asOf: ZIsoDate,
  overdueAssignments: z.number().int(),
  dueWithin30Days: z.number().int().describe('Open assignments due from today to 30 days on'),
  byState: z.array(
    z.object({
      memberState: ZStateCode,
      total: z.number().int(),
      implemented: z.number().int().describe('Implemented or not applicable'),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  byBody: z.array(
    z.object({
      bodyId: ZId,
      total: z.number().int(),
      implemented: z.number().int(),
      inProgress: z.number().int(),
      overdue: z.number().int(),
      closed: z.number().int().describe('Cancelled or superseded'),
    }),
  ),
});
export type ImplementationSummary = z.infer<typeof ZImplementationSummary>;
