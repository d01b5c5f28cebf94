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

/**
 * Consultations (DESIGN §2 "Documents and consultations"): one round of coordination of one
 * document version among named member states, their positions and comments, and the outcome.
 */

export const CONSULTATION_STATUSES = ['open', 'closed'] as const;
export const CONSULTATION_OUTCOMES = ['agreed', 'not_agreed'] as const;
export const CONSULTATION_POSITIONS = [
  'concur',
  'concur_with_comments',
  'object',
  'abstain',
] as const;
export const COMMENT_RESOLUTIONS = ['accepted', 'partially_accepted', 'rejected'] as const;

export const ZConsultationStatus = z.enum(CONSULTATION_STATUSES);
export type ConsultationStatus = z.infer<typeof ZConsultationStatus>;
export const ZConsultationOutcome = z.enum(CONSULTATION_OUTCOMES);
export type ConsultationOutcome = z.infer<typeof ZConsultationOutcome>;
export const ZConsultationPosition = z.enum(CONSULTATION_POSITIONS);
export type ConsultationPosition = z.infer<typeof ZConsultationPosition>;
export const ZCommentResolution = z.enum(COMMENT_RESOLUTIONS);
export type CommentResolution = z.infer<typeof ZCommentResolution>;

/** The document a round coordinates, as far as a round's reader needs it. */
export const ZConsultationDocument = z.object({
  id: ZId,
  title: localizedText(1000),
  kind: z.string().describe('draft_decision · regulation · standard · program · report · other'),
  status: z
    .string()
    .describe('draft · under_consultation · agreed · not_agreed · adopted · withdrawn'),
});

export const ZStatePosition = z.object({
  consultationId: ZId,
  memberState: ZStateCode,
  position: ZConsultationPosition.nullable().describe('null: no answer yet'),
  note: localizedText(5000).nullable(),
  positionAt: ZIsoDateTime.nullable(),
  positionBy: ZId.nullable().describe('The user who gave the position'),
  version: z.number().int().describe('Incremented on every change; send it back as If-Match'),
});
export type StatePosition = z.infer<typeof ZStatePosition>;

export const ZConsultation = z.object({
  id: ZId,
  document: ZConsultationDocument,
  versionId: ZId,
  versionNumber: z.number().int(),
  round: z.number().int().describe('1, 2, … per document'),
  memberStates: z.array(ZStateCode).describe('The invited member states'),
  deadline: ZIsoDate.describe('The last day on which answers are due'),
  deadlinePassed: z.boolean().describe('Today is after the deadline'),
  silenceProcedure: z
    .boolean()
    .describe('No answer by the deadline counts as concurrence once the deadline has passed'),
  councilMeetingId: ZId.nullable().describe('The council meeting the round prepares'),
  status: ZConsultationStatus,
  outcome: ZConsultationOutcome.nullable().describe('Recorded when the round is closed'),
  openedAt: ZIsoDateTime,
  closedAt: ZIsoDateTime.nullable(),
  previousRound: z
    .object({
      id: ZId,
      round: z.number().int(),
      versionNumber: z.number().int(),
      outcome: ZConsultationOutcome.nullable(),
    })
    .nullable(),
  changedFromPrevious: z
    .boolean()
    .describe('The text or file of this round’s version differs from the previous round’s'),
  compareLink: z
    .string()
    .nullable()
    .describe('Path of the comparison of the previous round’s version with this one'),
  positions: z.array(ZStatePosition).describe('One entry per invited state'),
  answers: z.object({
    answered: z.number().int(),
    concur: z.number().int(),
    concurWithComments: z.number().int(),
    object: z.number().int(),
    abstain: z.number().int(),
    pending: z.number().int(),
  }),
  comments: z.object({ total: z.number().int(), unresolved: z.number().int() }),
  ...ZResourceMeta,
});
export type Consultation = z.infer<typeof ZConsultation>;

const ZMemberStates = z
  .array(ZStateCode)
  .min(1)
  .max(200)
  .refine((codes) => new Set(codes).size === codes.length, { message: 'v.distinctStates' })
  .describe('The invited member states (status member), each once');

export const ZConsultationCreate = z
  .object({
    documentId: ZId,
    versionId: ZId.optional().describe('Defaults to the document’s latest version'),
    memberStates: ZMemberStates,
    deadline: ZIsoDate.describe('Today or later'),
    councilMeetingId: ZId.nullable()
      .default(null)
      .describe('A meeting of a council, neither held nor cancelled'),
    silenceProcedure: z.boolean().default(false),
  })
  .strict();
export type ConsultationCreate = z.infer<typeof ZConsultationCreate>;

export const ZConsultationPatch = z
  .object({
    deadline: ZIsoDate.describe('Today or later'),
    councilMeetingId: ZId.nullable(),
  })
  .partial()
  .strict();
export type ConsultationPatch = z.infer<typeof ZConsultationPatch>;

export const ZConsultationListQuery = ZListQueryBase.extend({
  documentId: ZId.optional(),
  status: ZConsultationStatus.optional(),
  memberState: ZStateCode.optional().describe('Rounds to which this state is invited'),
  councilMeetingId: ZId.optional(),
  deadlineFrom: ZIsoDate.optional().describe('Deadline on or after'),
  deadlineTo: ZIsoDate.optional().describe('Deadline on or before'),
});
export type ConsultationListQuery = z.infer<typeof ZConsultationListQuery>;

export const ZPositionInput = z
  .object({
    position: ZConsultationPosition,
    note: localizedText(5000).nullable().default(null),
  })
  .strict();
export type PositionInput = z.infer<typeof ZPositionInput>;

// ---- Comments --------------------------------------------------------------------------------

export const ZConsultationComment = z.object({
  id: ZId,
  consultationId: ZId,
  number: z.number().int().describe('The comment’s number in the round’s consolidated table'),
  memberState: ZStateCode,
  clause: z.string().describe('The clause, article or paragraph the comment is on'),
  comment: localizedText(20_000),
  proposedText: localizedText(20_000).nullable().describe('The wording the state proposes'),
  resolution: ZCommentResolution.nullable().describe('null: not resolved yet'),
  response: localizedText(20_000).nullable().describe('The secretariat’s response'),
  resolvedAt: ZIsoDateTime.nullable(),
  resolvedBy: ZId.nullable(),
  createdBy: ZId.nullable(),
  ...ZResourceMeta,
});
export type ConsultationComment = z.infer<typeof ZConsultationComment>;

export const ZCommentCreate = z
  .object({
    memberState: ZStateCode,
    clause: z.string().trim().min(1).max(200),
    comment: localizedText(20_000),
    proposedText: localizedText(20_000).nullable().default(null),
  })
  .strict();
export type CommentCreate = z.infer<typeof ZCommentCreate>;

export const ZCommentPatch = z
  .object({
    clause: z.string().trim().min(1).max(200),
    comment: localizedText(20_000),
    proposedText: localizedText(20_000).nullable(),
  })
  .partial()
  .strict();
export type CommentPatch = z.infer<typeof ZCommentPatch>;

export const ZCommentResolutionInput = z
  .object({
    resolution: ZCommentResolution,
    response: localizedText(20_000),
  })
  .strict();
export type CommentResolutionInput = z.infer<typeof ZCommentResolutionInput>;

export const ZCommentListQuery = ZListQueryBase.extend({
  memberState: ZStateCode.optional(),
  resolved: z.enum(['true', 'false']).optional(),
});
export type CommentListQuery = z.infer<typeof ZCommentListQuery>;

// ---- Council → commission --------------------------------------------------------------------

/** The latest round of a document, as the meeting pages show it. */
export const ZRoundSummary = z.object({
  id: ZId,
  round: z.number().int(),
  versionNumber: z.number().int(),
  status: ZConsultationStatus,
  outcome: ZConsultationOutcome.nullable(),
  deadline: ZIsoDate,
  councilMeetingId: ZId.nullable(),
});
export type RoundSummary = z.infer<typeof ZRoundSummary>;

export const ZDocumentReady = z.object({
  document: ZConsultationDocument,
  latestRound: ZRoundSummary,
  readyForAdoption: z
    .boolean()
    .describe('The council’s round agreed the document and it awaits adoption'),
});
export type DocumentReady = z.infer<typeof ZDocumentReady>;

export const ZAgendaItemDocument = z.object({
  agendaItemId: ZId,
  documentId: ZId,
  position: z.number().int().describe('Order among the item’s documents, from 1'),
  document: ZConsultationDocument,
  latestRound: ZRoundSummary.nullable(),
  createdAt: ZIsoDateTime,
});
export type AgendaItemDocument = z.infer<typeof ZAgendaItemDocument>;

export const ZAgendaItemDocumentCreate = z
  .object({
    documentId: ZId,
    position: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe('Defaults to after the item’s last document'),
  })
  .strict();
export type AgendaItemDocumentCreate = z.infer<typeof ZAgendaItemDocumentCreate>;

export const ZConsultationExportQuery = z.object({
  lang: z
    .enum(['en', 'ru'])
    .optional()
    .describe('Headings, labels and titles in this language; default: the caller’s language'),
});
